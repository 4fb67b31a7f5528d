#include "core/eligibility.h"

#include <algorithm>

#include "core/id_number.h"
#include "core/relation.h"

namespace gongji::core {
namespace {

constexpr const char* kAuthorizer = "authorizer";
constexpr const char* kUser = "user";

const char* subject_label(const char* subject) {
    return std::string_view(subject) == kAuthorizer ? "授权人" : "使用人";
}

std::string limit_text(int n) { return std::to_string(n) + "个"; }

// Marriage age, 民法典 §1047.
int marriage_age(Gender g) { return g == Gender::male ? 22 : 20; }

class Evaluation {
public:
    Evaluation(const PolicyProfile& profile, const PolicyVersion& version,
               const EligibilityRequest& request, const EligibilityFacts& facts,
               const RegionTable* regions)
        : profile_(profile), version_(version), req_(request), facts_(facts), regions_(regions) {}

    EligibilityResult run() {
        result_.version = version_;
        auto relation = find_relation(req_.relation_code);
        if (!relation)
            throw EligibilityInputError("relation", "未知的关系代码 \"" + req_.relation_code +
                                                        "\"（GB/T 4761-2008）");
        relation_ = *relation;

        auto a_id = check_id(req_.authorizer_id, kAuthorizer);
        auto u_id = check_id(req_.user_id, kUser);
        bool same = a_id.valid && u_id.valid && a_id.normalized == u_id.normalized;
        if (same)
            fail("same_person", kAuthorizer, "授权人与使用人为同一人，不能为本人办理共济",
                 "base.same_person");

        const Person* a = a_id.valid ? check_authorizer() : nullptr;
        const Person* u = u_id.valid ? check_user() : nullptr;

        if (!same) {
            check_relation_allowed();
            if (a && u) check_plausibility(*a, *u);
        }
        if (a && u && !same) check_scope(*a, *u);
        if (a) check_authorizer_limit();
        if (u) check_user_limit();
        if (a && u && facts_.duplicate)
            fail("duplicate", kUser, "该授权人与使用人之间已有待审核或生效的共济关系", "base.duplicate");
        if (!same && u_id.valid && version_.allows(relation_.category)) {
            int age = u_id.birth_date->years_until(req_.application_date);
            result_.documents_needed = documents_needed(relation_.category, age, version_);
            if (req_.documents) check_documents();
        }
        result_.eligible = result_.reasons.empty();
        return std::move(result_);
    }

private:
    void fail(const char* code, const char* subject, std::string message, std::string rule,
              std::map<std::string, std::string> params = {}) {
        result_.reasons.push_back({code, subject, std::move(message), std::move(rule), std::move(params)});
    }

    std::string profile_rule(const char* field) const { return profile_.rule_name(version_, field); }

    IdCheck check_id(const std::string& text, const char* subject) {
        auto c = check_id_number(text, req_.application_date, regions_);
        if (!c.valid) {
            std::string why;
            for (const auto& e : c.errors) why += (why.empty() ? "" : "；") + e.message;
            fail("id_invalid", subject,
                 std::string(subject_label(subject)) + "身份证号码无效：" + why, "GB 11643-1999",
                 {{"error", c.errors.front().code}});
        }
        for (const auto& w : c.warnings)
            result_.warnings.push_back({w.code, std::string(subject_label(subject)) + w.message});
        return c;
    }

    const Person* check_authorizer() {
        const Person* a = facts_.authorizer;
        if (!a) {
            fail("authorizer_not_found", kAuthorizer, "授权人不在参保人员名册中", "base.roster");
            return nullptr;
        }
        if (a->insurance_type != insurance_type::employee)
            fail("authorizer_not_employee", kAuthorizer,
                 std::string("授权人须参加职工基本医疗保险（险种310），其险种为") +
                     insurance_type_label(a->insurance_type) + "（" + a->insurance_type + "）",
                 "base.insurance_type", {{"insurance_type", a->insurance_type}});
        if (a->status != insurance_status::normal)
            fail("authorizer_status", kAuthorizer,
                 std::string("授权人参保状态为") + insurance_status_label(a->status) + "，须为正常参保",
                 "base.status", {{"status", std::to_string(a->status)}});
        return a;
    }

    const Person* check_user() {
        const Person* u = facts_.user;
        if (!u) {
            fail("user_not_insured", kUser, "使用人不在参保人员名册中，未参加基本医疗保险", "base.roster");
            return nullptr;
        }
        const auto& t = u->insurance_type;
        bool basic = t == insurance_type::employee || t == insurance_type::rural_urban ||
                     t == insurance_type::urban_resident;
        if (!basic)
            fail("user_not_insured", kUser,
                 "使用人未参加基本医疗保险（险种为" + t + "，须为310、390或391）", "base.insurance_type",
                 {{"insurance_type", t}});
        else if (u->status == insurance_status::not_insured)
            fail("user_not_insured", kUser, "使用人参保状态为未参保", "base.status",
                 {{"status", std::to_string(u->status)}});
        if (u->status == insurance_status::suspended || u->status == insurance_status::terminated)
            fail("user_status", kUser,
                 std::string("使用人参保状态为") + insurance_status_label(u->status) + "，须为正常参保",
                 "base.status", {{"status", std::to_string(u->status)}});
        return u;
    }

    void check_relation_allowed() {
        if (version_.allows(relation_.category)) return;
        fail("relation_not_allowed", kUser,
             "本地政策（" + profile_.title + "，" + version_.effective_from.to_string() +
                 "起施行）不允许为“" + category_label(relation_.category) + "”（" + relation_.name +
                 "）办理共济",
             profile_rule("relations"), {{"relation", relation_.code}, {"policy", profile_.title}});
    }

    void check_plausibility(const Person& a, const Person& u) {
        const std::string rule = "GB/T 4761-2008";
        // Spouses of one gender get the one message of check_spouses, not a second one here.
        bool same_gender_spouses = relation_.category == RelationCategory::spouse && a.gender == u.gender;
        if (relation_.implied_gender && *relation_.implied_gender != u.gender && !same_gender_spouses)
            fail("relation_implausible", kUser,
                 "关系“" + relation_.name + "”要求使用人为" +
                     (*relation_.implied_gender == Gender::male ? "男性" : "女性") + "，但使用人为" +
                     (u.gender == Gender::male ? "男性" : "女性"),
                 rule, {{"check", "user_gender"}, {"relation", relation_.code}});
        if (auto wanted = implied_authorizer_gender(relation_.code); wanted && *wanted != a.gender)
            fail("relation_implausible", kAuthorizer,
                 "关系“" + relation_.name + "”要求授权人为" + (*wanted == Gender::male ? "男性（丈夫）" : "女性（妻子）") +
                     "，但授权人为" + (a.gender == Gender::male ? "男性" : "女性"),
                 rule, {{"check", "authorizer_gender"}, {"relation", relation_.code}});
        switch (relation_.category) {
            case RelationCategory::parent:
            case RelationCategory::parent_in_law:
            case RelationCategory::grandparent:
                if (!(u.birth_date < a.birth_date))
                    fail("relation_implausible", kUser,
                         "关系“" + relation_.name + "”要求使用人年长于授权人（使用人出生于" +
                             u.birth_date.to_string() + "，授权人出生于" + a.birth_date.to_string() + "）",
                         rule, {{"check", "user_older"}, {"relation", relation_.code}});
                break;
            case RelationCategory::child:
            case RelationCategory::grandchild:
                if (!(u.birth_date > a.birth_date))
                    fail("relation_implausible", kUser,
                         "关系“" + relation_.name + "”要求使用人年幼于授权人（使用人出生于" +
                             u.birth_date.to_string() + "，授权人出生于" + a.birth_date.to_string() + "）",
                         rule, {{"check", "user_younger"}, {"relation", relation_.code}});
                break;
            case RelationCategory::spouse:
                check_spouses(a, u);
                break;
            default:
                break;
        }
    }

    void check_spouses(const Person& a, const Person& u) {
        const std::string rule = "民法典§1047";
        if (a.gender == u.gender)
            fail("relation_implausible", kUser, "配偶双方须为不同性别", rule, {{"check", "spouse_gender"}});
        for (auto [p, subject] : {std::pair{&a, kAuthorizer}, std::pair{&u, kUser}}) {
            int age = p->birth_date.years_until(req_.application_date);
            int needed = marriage_age(p->gender);
            if (age < needed)
                fail("relation_implausible", subject,
                     std::string(subject_label(subject)) + "未达法定婚龄（" +
                         (p->gender == Gender::male ? "男" : "女") + std::to_string(needed) +
                         "周岁，实为" + std::to_string(age) + "周岁）",
                     rule, {{"check", "marriage_age"}, {"age", std::to_string(age)}, {"needed", std::to_string(needed)}});
        }
    }

    void check_scope(const Person& a, const Person& u) {
        if (within_scope(version_.scope, a.pooling_region, u.pooling_region)) return;
        fail("region_scope", kUser,
             "使用人参保地（" + u.pooling_region + "）不在授权人参保地（" + a.pooling_region +
                 "）的共济范围内：本地政策要求" + scope_label(version_.scope),
             profile_rule("scope"), {{"user_region", u.pooling_region}, {"authorizer_region", a.pooling_region}});
    }

    void check_authorizer_limit() {
        auto max = version_.max_users_per_authorizer;
        if (!max || facts_.authorizer_open_bindings < *max) return;
        fail("authorizer_limit", kAuthorizer,
             "授权人已有" + limit_text(facts_.authorizer_open_bindings) +
                 "待审核或生效的共济关系，达到上限" + limit_text(*max),
             profile_rule("max_users_per_authorizer"),
             {{"open", std::to_string(facts_.authorizer_open_bindings)}, {"max", std::to_string(*max)}});
    }

    void check_user_limit() {
        auto max = version_.max_authorizers_per_user;
        if (!max || facts_.user_open_bindings < *max) return;
        fail("user_limit", kUser,
             "使用人已有" + limit_text(facts_.user_open_bindings) +
                 "待审核或生效的授权人，达到上限" + limit_text(*max),
             profile_rule("max_authorizers_per_user"),
             {{"open", std::to_string(facts_.user_open_bindings)}, {"max", std::to_string(*max)}});
    }

    void check_documents() {  // also marks each line of the checklist present or missing
        std::string missing, count;
        int n = 0;
        for (auto& need : result_.documents_needed) {
            need.satisfied = is_satisfied(need, *req_.documents);
            if (!*need.satisfied) {
                missing += (missing.empty() ? "" : "；") + need.label;
                ++n;
            }
        }
        if (missing.empty()) return;
        fail(kDocumentsMissing, kUser, "缺少材料：" + missing,
             version_.commitment_replaces_proof ? profile_rule("commitment_replaces_proof") : std::string("base.documents"),
             {{"missing", std::to_string(n)}});
    }

    const PolicyProfile& profile_;
    const PolicyVersion& version_;
    const EligibilityRequest& req_;
    const EligibilityFacts& facts_;
    const RegionTable* regions_;
    Relation relation_;
    EligibilityResult result_;
};

}  // namespace

EligibilityResult evaluate_eligibility(const PolicyProfile& profile,
                                       const EligibilityRequest& request,
                                       const EligibilityFacts& facts, const RegionTable* regions) {
    const PolicyVersion* version = profile.version_on(request.application_date);
    if (!version)
        throw EligibilityInputError(
            "date", "政策“" + profile.name + "”在" + request.application_date.to_string() +
                        "尚无生效版本（最早版本自" + profile.versions.front().effective_from.to_string() +
                        "起施行）");
    return Evaluation(profile, *version, request, facts, regions).run();
}

bool only_papers_missing(const std::vector<Reason>& reasons) {
    return !reasons.empty() &&
           std::all_of(reasons.begin(), reasons.end(), [](const Reason& r) { return r.code == kDocumentsMissing; });
}

}  // namespace gongji::core
