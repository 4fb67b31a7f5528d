// Reading and writing the JSON form of a policy profile (domain.md §4). Every error names the
// field, so an administrator editing a file by hand can find the mistake.
#include <Poco/Dynamic/Var.h>
#include <Poco/Exception.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/ParseHandler.h>
#include <Poco/JSON/Parser.h>

#include <set>
#include <vector>

#include "core/json_writer.h"
#include "core/policy.h"
#include "core/text_limits.h"

namespace gongji::core {
namespace {

using Poco::Dynamic::Var;
using Poco::JSON::Array;
using Poco::JSON::Object;

const std::set<std::string> kProfileKeys = {"name", "title", "regions", "versions"};
const std::set<std::string> kVersionKeys = {
    "effective_from", "relations", "max_users_per_authorizer", "max_authorizers_per_user",
    "scope", "own_account_first", "commitment_replaces_proof", "requires_review", "uses", "cross_province_quota",
    "card_read_proves_identity"};

void reject_unknown_keys(const Object& obj, const std::set<std::string>& known,
                         const std::string& prefix) {
    for (const auto& name : obj.getNames())
        if (!known.count(name)) throw PolicyError(prefix + name, "未知字段 (unknown field)");
}

Var required(const Object& obj, const std::string& key, const std::string& field) {
    if (!obj.has(key)) throw PolicyError(field, "缺少字段 (missing)");
    return obj.get(key);
}

std::string as_string(const Var& v, const std::string& field) {
    if (!v.isString()) throw PolicyError(field, "应为字符串 (expected a string)");
    return v.convert<std::string>();
}

bool as_bool(const Var& v, const std::string& field) {
    if (!v.isBoolean()) throw PolicyError(field, "应为 true 或 false (expected a boolean)");
    return v.convert<bool>();
}

std::optional<int> as_limit(const Var& v, const std::string& field) {
    if (v.isEmpty()) return std::nullopt;
    if (!v.isInteger() || v.isBoolean())  // Poco counts a boolean as an integer; true is no limit of 1
        throw PolicyError(field, "应为正整数或 null (expected a positive integer or null)");
    long long n = 0;
    try {
        n = v.convert<long long>();
    } catch (const Poco::RangeException&) {  // beyond a 64-bit integer: said like any value out of bounds
        n = 0;
    }
    if (n < 1 || n > 1000) throw PolicyError(field, "应在 1 到 1000 之间 (out of range)");
    return static_cast<int>(n);
}

Array::Ptr as_array(const Var& v, const std::string& field) {
    if (v.type() != typeid(Array::Ptr)) throw PolicyError(field, "应为数组 (expected an array)");
    return v.extract<Array::Ptr>();
}

Object::Ptr as_object(const Var& v, const std::string& field) {
    if (v.type() != typeid(Object::Ptr)) throw PolicyError(field, "应为对象 (expected an object)");
    return v.extract<Object::Ptr>();
}

std::set<RelationCategory> parse_relations(const Var& v, const std::string& field) {
    std::set<RelationCategory> out;
    auto arr = as_array(v, field);
    for (size_t i = 0; i < arr->size(); ++i) {
        auto item_field = field + "[" + std::to_string(i) + "]";
        auto name = as_string(arr->get(static_cast<unsigned>(i)), item_field);
        auto c = parse_category(name);
        if (!c) throw PolicyError(item_field, "未知的关系类别 \"" + name + "\" (unknown category)");
        if (*c == RelationCategory::other)
            throw PolicyError(item_field, "\"other\" 类关系不能共济 (never eligible)");
        if (!out.insert(*c).second) throw PolicyError(item_field, "重复 (duplicate)");
    }
    if (out.empty()) throw PolicyError(field, "至少需要一个关系类别 (empty)");
    return out;
}

std::set<Use> parse_uses(const Var& v, const std::string& field) {
    std::set<Use> out;
    auto arr = as_array(v, field);
    for (size_t i = 0; i < arr->size(); ++i) {
        auto item_field = field + "[" + std::to_string(i) + "]";
        auto name = as_string(arr->get(static_cast<unsigned>(i)), item_field);
        auto u = parse_use(name);
        if (!u) throw PolicyError(item_field, "未知的用途 \"" + name + "\" (unknown use)");
        if (never_payable(*u))
            throw PolicyError(item_field, "\"" + name + "\" 任何政策下都不得支付 (never payable)");
        if (!out.insert(*u).second) throw PolicyError(item_field, "重复 (duplicate)");
    }
    return out;
}

PolicyVersion parse_version(const Object& obj, const std::string& prefix) {
    reject_unknown_keys(obj, kVersionKeys, prefix);
    PolicyVersion v;
    auto f = [&](const char* key) { return prefix + key; };

    auto from = as_string(required(obj, "effective_from", f("effective_from")), f("effective_from"));
    auto date = CivilDate::parse(from);
    if (!date) throw PolicyError(f("effective_from"), "应为 YYYY-MM-DD 格式的有效日期");
    v.effective_from = *date;
    v.relations = parse_relations(required(obj, "relations", f("relations")), f("relations"));
    v.max_users_per_authorizer = as_limit(
        required(obj, "max_users_per_authorizer", f("max_users_per_authorizer")),
        f("max_users_per_authorizer"));
    v.max_authorizers_per_user = as_limit(
        required(obj, "max_authorizers_per_user", f("max_authorizers_per_user")),
        f("max_authorizers_per_user"));
    auto scope = as_string(required(obj, "scope", f("scope")), f("scope"));
    auto parsed_scope = parse_scope(scope);
    if (!parsed_scope)
        throw PolicyError(f("scope"), "应为 region、prefecture、province 或 nation，实际为 \"" +
                                          scope + "\"");
    v.scope = *parsed_scope;
    v.own_account_first =
        as_bool(required(obj, "own_account_first", f("own_account_first")), f("own_account_first"));
    v.commitment_replaces_proof =
        as_bool(required(obj, "commitment_replaces_proof", f("commitment_replaces_proof")),
                f("commitment_replaces_proof"));
    v.requires_review =
        as_bool(required(obj, "requires_review", f("requires_review")), f("requires_review"));
    v.uses = parse_uses(required(obj, "uses", f("uses")), f("uses"));
    if (obj.has("cross_province_quota"))
        v.cross_province_quota = as_bool(obj.get("cross_province_quota"), f("cross_province_quota"));
    if (obj.has("card_read_proves_identity"))
        v.card_read_proves_identity = as_bool(obj.get("card_read_proves_identity"), f("card_read_proves_identity"));
    return v;
}

bool valid_profile_name(const std::string& name) {
    if (name.empty() || name.size() > 64) return false;
    for (char c : name)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) return false;
    return true;
}

// Poco keeps the last of a key given twice; a profile saying two things of one field is refused
// instead, naming the field as the other errors do, so what an agency reviewed is what applies.
class RefuseRepeatedKeys : public Poco::JSON::ParseHandler {
public:
    void reset() override {
        ParseHandler::reset();
        frames_.clear();
    }
    void startObject() override {
        element();
        ParseHandler::startObject();
        frames_.push_back({true, {}, "", -1});
    }
    void endObject() override {
        ParseHandler::endObject();
        frames_.pop_back();
    }
    void startArray() override {
        element();
        ParseHandler::startArray();
        frames_.push_back({false, {}, "", -1});
    }
    void endArray() override {
        ParseHandler::endArray();
        frames_.pop_back();
    }
    void key(const std::string& k) override {
        auto& object = frames_.back();
        object.key = k;
        if (!object.keys.insert(k).second) throw PolicyError(path(), "键重复 (duplicate key)");
        ParseHandler::key(k);
    }
    void value(int v) override { element(), ParseHandler::value(v); }
    void value(unsigned v) override { element(), ParseHandler::value(v); }
    void value(Poco::Int64 v) override { element(), ParseHandler::value(v); }
    void value(Poco::UInt64 v) override { element(), ParseHandler::value(v); }
    void value(const std::string& v) override { element(), ParseHandler::value(v); }
    void value(double v) override { element(), ParseHandler::value(v); }
    void value(bool v) override { element(), ParseHandler::value(v); }
    void null() override { element(), ParseHandler::null(); }

private:
    struct Frame {
        bool object;
        std::set<std::string> keys;
        std::string key;  // objects: the key being read
        long index;       // arrays: the element being read
    };
    void element() {
        if (!frames_.empty() && !frames_.back().object) ++frames_.back().index;
    }
    std::string path() const {
        std::string out;
        for (const auto& f : frames_)
            out += f.object ? (out.empty() ? "" : ".") + f.key : "[" + std::to_string(f.index) + "]";
        return out;
    }
    std::vector<Frame> frames_;
};

}  // namespace

PolicyProfile parse_policy_profile(std::string_view json) {
    Var root;
    try {
        Poco::JSON::Parser parser(new RefuseRepeatedKeys);
        root = parser.parse(std::string(json));
    } catch (const Poco::Exception& e) {
        throw PolicyError("(json)", "不是有效的 JSON：" + e.message());
    }
    auto obj = as_object(root, "(root)");
    reject_unknown_keys(*obj, kProfileKeys, "");

    PolicyProfile p;
    p.name = as_string(required(*obj, "name", "name"), "name");
    if (!valid_profile_name(p.name))
        throw PolicyError("name", "只能由小写字母、数字、- 和 _ 组成 (a-z 0-9 - _)");
    p.title = as_string(required(*obj, "title", "title"), "title");
    if (p.title.empty()) throw PolicyError("title", "不能为空 (empty)");
    if (auto problem = text_problem(p.title, kProfileTitleLimit); !problem.empty())
        throw PolicyError("title", text_problem_message(problem, kProfileTitleLimit));
    if (obj->has("regions")) {
        auto regions = as_array(obj->get("regions"), "regions");
        for (size_t i = 0; i < regions->size(); ++i) {
            auto field = "regions[" + std::to_string(i) + "]";
            auto code = as_string(regions->get(static_cast<unsigned>(i)), field);
            bool digits = !code.empty() && code.find_first_not_of("0123456789") == std::string::npos;
            if (!digits || (code.size() != 2 && code.size() != 4 && code.size() != 6))
                throw PolicyError(field, "应为2、4或6位行政区划代码前缀 (a 2-, 4- or 6-digit region code prefix)");
            p.regions.push_back(code);
        }
    }

    auto versions = as_array(required(*obj, "versions", "versions"), "versions");
    if (versions->size() == 0) throw PolicyError("versions", "至少需要一个版本 (empty)");
    for (size_t i = 0; i < versions->size(); ++i) {
        auto prefix = "versions[" + std::to_string(i) + "].";
        auto vobj = as_object(versions->get(static_cast<unsigned>(i)), "versions[" + std::to_string(i) + "]");
        auto v = parse_version(*vobj, prefix);
        if (!p.versions.empty() && !(p.versions.back().effective_from < v.effective_from))
            throw PolicyError(prefix + "effective_from",
                              "须晚于上一版本的生效日期 " + p.versions.back().effective_from.to_string());
        p.versions.push_back(std::move(v));
    }
    return p;
}

std::string policy_profile_to_json(const PolicyProfile& p) {
    JsonWriter w(true);
    w.begin_object();
    w.key("name").value(p.name);
    w.key("title").value(p.title);
    if (!p.regions.empty()) {
        w.key("regions").begin_array();
        for (const auto& r : p.regions) w.value(r);
        w.end_array();
    }
    w.key("versions").begin_array();
    for (const auto& v : p.versions) {
        w.begin_object();
        w.key("effective_from").value(v.effective_from.to_string());
        w.key("relations").begin_array();
        for (auto c : v.relations) w.value(category_name(c));
        w.end_array();
        auto limit = [&](const char* key, const std::optional<int>& n) {
            w.key(key);
            if (n) w.value(*n); else w.null();
        };
        limit("max_users_per_authorizer", v.max_users_per_authorizer);
        limit("max_authorizers_per_user", v.max_authorizers_per_user);
        w.key("scope").value(scope_name(v.scope));
        w.key("own_account_first").value(v.own_account_first);
        w.key("commitment_replaces_proof").value(v.commitment_replaces_proof);
        w.key("requires_review").value(v.requires_review);
        w.key("uses").begin_array();
        for (auto u : v.uses) w.value(use_name(u));
        w.end_array();
        if (v.cross_province_quota) w.key("cross_province_quota").value(true);
        if (v.card_read_proves_identity) w.key("card_read_proves_identity").value(true);
        w.end_object();
    }
    w.end_array();
    w.end_object();
    return w.str();
}

}  // namespace gongji::core
