#include "cli/json_output.h"

#include "core/documents.h"

namespace gongji::cli {

using core::JsonWriter;

void write_issues(JsonWriter& w, const std::vector<core::Issue>& issues) {
    w.begin_array();
    for (const auto& i : issues) w.begin_object().key("code").value(i.code).key("message").value(i.message).end_object();
    w.end_array();
}

std::string id_check_json(const core::IdCheck& c) {
    JsonWriter w(true);
    w.begin_object();
    w.key("valid").value(c.valid);
    w.key("normalized");
    if (c.normalized.empty()) w.null(); else w.value(c.normalized);
    w.key("birth_date");
    if (c.birth_date) w.value(c.birth_date->to_string()); else w.null();
    w.key("gender");
    if (c.gender) w.value(core::gender_name(*c.gender)); else w.null();
    w.key("region");
    if (c.region.empty()) w.null(); else w.value(c.region);
    w.key("errors");
    write_issues(w, c.errors);
    w.key("warnings");
    write_issues(w, c.warnings);
    w.end_object();
    return w.str();
}

namespace {

void write_reasons(JsonWriter& w, const core::EligibilityResult& r) {
    w.key("reasons").begin_array();
    for (const auto& reason : r.reasons)
        w.begin_object()
            .key("code").value(reason.code)
            .key("subject").value(reason.subject)
            .key("message").value(reason.message)
            .key("rule").value(reason.rule)
            .end_object();
    w.end_array();
}

void text_or_null(JsonWriter& w, const char* key, const std::optional<std::string>& v) {
    w.key(key);
    if (v) w.value(*v); else w.null();
}

void instant_or_null(JsonWriter& w, const char* key, const std::optional<core::Instant>& v) {
    w.key(key);
    if (v) w.value(v->utc()); else w.null();
}

void write_binding(JsonWriter& w, const core::Binding& b) {
    w.begin_object();
    w.key("authorizer").value(b.authorizer_id).key("user").value(b.user_id).key("relation").value(b.relation);
    w.key("status").value(core::binding_status_name(b.status)).key("order").value(b.deduction_order);
    instant_or_null(w, "since", b.since);
    instant_or_null(w, "until", b.until);
    text_or_null(w, "end_reason", b.end_reason);
    w.key("legacy").value(b.legacy).key("policy").value(b.policy).key("id").value(b.id);
    w.end_object();
}

void write_bindings(JsonWriter& w, const std::vector<core::Binding>& bindings) {
    w.begin_array();
    for (const auto& b : bindings) write_binding(w, b);
    w.end_array();
}

}  // namespace

std::string case_json(const core::Case& c, const std::vector<core::CaseCardRead>* reads) {
    JsonWriter w(true);
    w.begin_object();
    w.key("case").value(c.number);
    w.key("kind").value(core::case_kind_name(c.kind)).key("status").value(core::case_status_name(c.status));
    text_or_null(w, "policy", c.policy);
    text_or_null(w, "authorizer", c.authorizer_id);
    w.key("user").value(c.user_id);
    text_or_null(w, "relation", c.relation);
    w.key("application_date").value(c.application_date.to_string());
    w.key("documents").begin_array();
    for (auto d : c.documents) w.value(core::document_type_name(d));
    w.end_array();
    w.key("binding");
    if (c.binding_id) w.value(*c.binding_id); else w.null();
    if (!c.detail.empty()) w.key("detail").value(c.detail);
    text_or_null(w, "cites", c.cites_case);
    text_or_null(w, "reason", c.reason);
    text_or_null(w, "note", c.note);
    w.key("created_by").value(c.created_by).key("workstation").value(c.workstation);
    w.key("created_at").value(c.created_at.utc());
    instant_or_null(w, "submitted_at", c.submitted_at);
    text_or_null(w, "decided_by", c.decided_by);
    instant_or_null(w, "decided_at", c.decided_at);
    w.key("channel").value(core::kChannels.code(c.channel));
    text_or_null(w, "via", c.via ? std::optional<std::string>(core::kVias.code(*c.via)) : std::nullopt);
    w.key("apply_no").value(c.service_number());
    text_or_null(w, "item_code", c.item_code);
    w.key("correction");
    core::write_correction(w, c.correction);
    instant_or_null(w, "delivered_at", c.delivered_at);
    text_or_null(w, "delivered_how", c.delivered_how);
    if (reads) {
        w.key("card_reads").begin_array();
        for (const auto& r : *reads) {
            w.begin_object().key("id_number").value(r.id_number).key("name_on_card").value(r.name_on_card);
            w.key("valid_to").value(r.valid_to ? r.valid_to->to_string() : std::string("long_term"));
            w.key("expired").value(r.expired).key("device").value(r.device).key("read_by").value(r.read_by);
            w.key("workstation").value(r.workstation).key("read_at").value(r.read_at.utc()).end_object();
        }
        w.end_array();
    }
    w.end_object();
    return w.str();
}

std::string bindings_json(const std::vector<core::Binding>& bindings) {
    JsonWriter w(true);
    write_bindings(w, bindings);
    return w.str();
}

std::string person_json(const app::PersonCard& card) {
    const auto& p = card.person;
    JsonWriter w(true);
    w.begin_object();
    w.key("id_number").value(p.id_number);
    w.key("name").value(p.name);
    w.key("gender").value(core::gender_name(p.gender));
    w.key("birth_date").value(p.birth_date.to_string());
    w.key("insurance_type").value(p.insurance_type);
    w.key("insurance_type_label").value(core::insurance_type_label(p.insurance_type));
    w.key("status").value(p.status);
    w.key("status_label").value(core::insurance_status_label(p.status));
    w.key("pooling_region").value(p.pooling_region);
    w.key("balance_fen").value(p.balance_fen);
    w.key("bindings_as_authorizer");
    write_bindings(w, card.as_authorizer);
    w.key("bindings_as_user");
    write_bindings(w, card.as_user);
    w.end_object();
    return w.str();
}

std::string eligibility_json(const core::EligibilityResult& r) {
    JsonWriter w(true);
    w.begin_object();
    w.key("eligible").value(r.eligible);
    write_reasons(w, r);
    w.key("warnings");
    write_issues(w, r.warnings);
    w.key("documents_needed").begin_array();
    for (const auto& need : r.documents_needed) {
        w.begin_object();
        w.key("purpose").value(need.purpose == core::DocumentPurpose::identity ? "identity" : "relation");
        w.key("any_of").begin_array();
        for (auto t : need.any_of) w.value(core::document_type_name(t));
        w.end_array();
        w.key("label").value(need.label);
        if (need.satisfied) w.key("present").value(*need.satisfied);
        w.end_object();
    }
    w.end_array();
    w.end_object();
    return w.str();
}

void write_rejected(JsonWriter& w, const std::vector<app::RejectedLine>& rejected) {
    w.begin_array();
    for (const auto& line : rejected)
        w.begin_object()
            .key("line").value(static_cast<long long>(line.line))
            .key("code").value(line.code)
            .key("message").value(line.message)
            .end_object();
    w.end_array();
}

std::string roster_report_json(const app::RosterImportReport& r) {
    JsonWriter w(true);
    w.begin_object();
    w.key("read").value(static_cast<long long>(r.read));
    w.key("inserted").value(static_cast<long long>(r.inserted));
    w.key("updated").value(static_cast<long long>(r.updated));
    w.key("unchanged").value(static_cast<long long>(r.unchanged));
    w.key("rejected");
    write_rejected(w, r.rejected);
    w.key("bindings_ended").value(r.bindings_ended);
    w.key("encoding").value(r.encoding);
    w.end_object();
    return w.str();
}

std::string init_report_json(const app::InitReport& r) {
    auto strings = [](JsonWriter& w, const std::vector<std::string>& items) {
        w.begin_array();
        for (const auto& s : items) w.value(s);
        w.end_array();
    };
    JsonWriter w(true);
    w.begin_object();
    w.key("schema_version").value(r.to_version);
    w.key("previous_version").value(r.from_version);
    w.key("migrations_applied");
    strings(w, r.migrations_applied);
    if (!r.copy.empty()) w.key("copy_before_upgrade").value(r.copy);
    w.key("policies_loaded");
    strings(w, r.policies_loaded);
    w.key("regions").value(r.regions);
    w.key("users_created");
    strings(w, r.users_created);
    w.key("demo_persons").value(static_cast<long long>(r.demo_persons));
    w.key("demo_bindings").value(static_cast<long long>(r.demo_bindings));
    w.end_object();
    return w.str();
}

std::string refusal_json(const std::string& code, const std::string& message, const core::EligibilityResult* result,
                         const std::map<std::string, std::string>* details) {
    JsonWriter w(true);
    w.begin_object().key("refused").value(code).key("message").value(message);
    if (result) write_reasons(w, *result);
    if (details && !details->empty()) {  // what the message says, for scripts: the case, its state, …
        w.key("details").begin_object();
        for (const auto& [key, value] : *details) w.key(key).value(value);
        w.end_object();
    }
    w.end_object();
    return w.str();
}

}  // namespace gongji::cli
