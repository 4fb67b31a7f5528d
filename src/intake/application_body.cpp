#include "intake/application_body.h"

#include <Poco/Exception.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include "app/platform/base64.h"
#include "app/platform/errors.h"

namespace gongji::intake {
namespace {

using Poco::JSON::Object;

Object::Ptr parse_object(const std::string& body) {
    try {
        Poco::JSON::Parser parser;
        auto value = parser.parse(body);
        if (value.type() == typeid(Object::Ptr)) return value.extract<Object::Ptr>();
    } catch (const Poco::Exception&) {
    }
    throw app::BadInput("body: not a JSON object", {"json_invalid", {}});
}

[[noreturn]] void missing(const std::string& field) {
    throw app::BadInput(field + ": required", {"field_missing", {{"field", field}}});
}
[[noreturn]] void invalid(const std::string& field, const std::string& expected = "a JSON string") {
    throw app::BadInput(field + ": must be " + expected, {"field_invalid", {{"field", field}, {"expected", expected}}});
}

std::string text(const Object::Ptr& o, const std::string& name, const std::string& field, bool required = true) {
    if (!o->has(name) || o->isNull(name)) {
        if (required) missing(field);
        return "";
    }
    auto v = o->get(name);
    if (!v.isString()) invalid(field);
    return v.extract<std::string>();
}

Object::Ptr object(const Object::Ptr& o, const std::string& name) {
    auto inner = o->getObject(name);
    if (!inner) {
        if (!o->has(name)) missing(name);
        invalid(name, "an object");
    }
    return inner;
}

app::Applicant applicant(const Object::Ptr& o, const std::string& name) {
    auto p = object(o, name);
    return {text(p, "id_number", name + ".id_number"), text(p, "name", name + ".name", false),
            text(p, "phone", name + ".phone", false)};
}

std::vector<app::Upload> materials(const Object::Ptr& o) {
    auto list = o->getArray("materials");
    if (!list) {
        if (!o->has("materials")) missing("materials");
        invalid("materials", "an array of papers");
    }
    std::vector<app::Upload> out;
    for (std::size_t i = 0; i < list->size(); ++i) {
        const std::string field = "materials[" + std::to_string(i) + "]";
        auto m = list->getObject(static_cast<unsigned>(i));
        if (!m) invalid(field, "an object {type, file_name, content_base64}");
        const auto type_name = text(m, "type", field + ".type");
        auto type = core::parse_document_type(type_name);
        if (!type)
            throw app::BadInput(field + ".type: not a kind of paper: \"" + type_name + "\"",
                                {"document_type_unknown", {{"type", type_name}}});
        app::Upload u;
        u.type = *type;
        u.file_name = text(m, "file_name", field + ".file_name");
        try {
            u.bytes = app::from_base64(text(m, "content_base64", field + ".content_base64"));
        } catch (const std::invalid_argument&) {
            throw app::BadInput(field + ".content_base64: not base64", {"base64_invalid", {{"field", field}}});
        }
        out.push_back(std::move(u));
    }
    return out;
}

}  // namespace

app::OnlineApplication read_application(const std::string& body, core::Via channel) {
    auto o = parse_object(body);
    app::OnlineApplication a;
    a.apply_no = text(o, "apply_no", "apply_no");
    const auto via = text(o, "via", "via", false);
    // A channel hands over its own applications only.
    if (!via.empty() && via != core::kVias.code(channel))
        throw app::BadInput("via: this key is the channel \"" + std::string(core::kVias.code(channel)) + "\"",
                            {"via_mismatch", {{"via", via}}});
    a.via = channel;
    const auto kind = text(o, "kind", "kind", false);
    if (!kind.empty() && kind != "bind")
        throw app::BadInput("kind: only \"bind\" is taken online here; an unbinding is made at the window",
                            {"kind_unsupported", {{"kind", kind}}});
    auto submitted = core::Instant::parse(text(o, "submitted_at", "submitted_at"));
    if (!submitted) invalid("submitted_at", "a time in ISO 8601 with its offset, such as 2026-12-07T09:30:00+08:00");
    a.submitted_at = *submitted;
    a.authorizer = applicant(o, "authorizer");
    a.user = applicant(o, "user");
    a.relation = text(o, "relation", "relation");
    a.materials = materials(o);
    if (o->has("agent") && !o->isNull("agent"))
        throw app::BadInput("agent: applications made by an agent are taken at the window", {"agent_unsupported", {}});
    if (o->has("commitment_signed")) {
        auto v = o->get("commitment_signed");
        if (!v.isBoolean()) invalid("commitment_signed", "true or false");
        a.commitment_signed = v.extract<bool>();
    }
    return a;
}

std::vector<app::Upload> read_materials(const std::string& body) { return materials(parse_object(body)); }

long long read_cursor(const std::string& body) {
    auto o = parse_object(body);
    if (!o->has("cursor")) missing("cursor");
    auto v = o->get("cursor");
    if (!v.isInteger()) invalid("cursor", "a whole number, the events feed's");
    return v.convert<long long>();
}

core::RatingInput read_rating(const std::string& body) {
    auto o = parse_object(body);
    core::RatingInput in;
    in.apply_no = text(o, "apply_no", "apply_no");
    if (!o->has("grade")) missing("grade");
    auto grade = o->get("grade");
    if (!grade.isInteger()) invalid("grade", "a whole number 1 to 5");
    in.grade = grade.convert<int>();
    in.comment = text(o, "comment", "comment", false);
    const auto rated = core::parse_iso_instant(text(o, "rated_at", "rated_at"));
    if (!rated) invalid("rated_at", "a time in ISO 8601 with its offset");
    in.rated_at = {*rated};
    return in;
}

}  // namespace gongji::intake
