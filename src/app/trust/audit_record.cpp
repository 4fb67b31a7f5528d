#include "app/trust/audit_record.h"

#include "core/json_writer.h"

namespace gongji::app {
namespace {

void text_or_null(core::JsonWriter& w, const char* key, const std::optional<std::string>& v) {
    w.key(key);
    if (v) w.value(*v); else w.null();
}

void instant_or_null(core::JsonWriter& w, const char* key, const std::optional<core::Instant>& v) {
    w.key(key);
    if (v) w.value(v->utc()); else w.null();
}

}  // namespace

// Version 1, as first written in November 2026.
std::string audit_record(const core::Case& c) {
    core::JsonWriter w(false);
    w.begin_object();
    w.key("case").value(c.number);
    w.key("kind").value(core::case_kind_name(c.kind));
    w.key("status").value(core::case_status_name(c.status));
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
    w.key("created_by").value(c.created_by);
    w.key("workstation").value(c.workstation);
    w.key("created_at").value(c.created_at.utc());
    instant_or_null(w, "submitted_at", c.submitted_at);
    text_or_null(w, "decided_by", c.decided_by);
    instant_or_null(w, "decided_at", c.decided_at);
    // Since the service states (issue 26): where it came from, its correction and delivery.
    w.key("channel").value(core::kChannels.code(c.channel));
    text_or_null(w, "via", c.via ? std::optional<std::string>(core::kVias.code(*c.via)) : std::nullopt);
    text_or_null(w, "apply_no", c.apply_no);
    text_or_null(w, "item_code", c.item_code);
    if (c.promised_days) w.key("promised_days").value(*c.promised_days);
    w.key("correction");
    core::write_correction(w, c.correction);
    instant_or_null(w, "delivered_at", c.delivered_at);
    text_or_null(w, "delivered_how", c.delivered_how);
    w.end_object();
    return w.str();
}

std::string audit_record(const core::Binding& b) {
    core::JsonWriter w(false);
    w.begin_object();
    w.key("authorizer").value(b.authorizer_id);
    w.key("user").value(b.user_id);
    w.key("relation").value(b.relation);
    w.key("status").value(core::binding_status_name(b.status));
    w.key("order").value(b.deduction_order);
    instant_or_null(w, "since", b.since);
    instant_or_null(w, "until", b.until);
    text_or_null(w, "end_reason", b.end_reason);
    w.key("legacy").value(b.legacy);
    w.key("policy").value(b.policy);
    w.key("id").value(b.id);
    w.end_object();
    return w.str();
}

std::string audit_record(const core::StoredRating& r, const std::optional<core::FollowUp>& f) {
    core::JsonWriter w;
    w.begin_object().key("apply_no").value(r.apply_no).key("round").value(r.round).key("grade").value(r.grade);
    w.key("comment").value(r.comment).key("rated_at").value(r.rated_at.utc()).key("clerk").value(r.clerk);
    w.key("workstation").value(r.workstation).key("source").value(r.source);
    if (f) w.key("contact_due").value(f->contact_due.to_string()).key("settle_due").value(f->settle_due.to_string());
    w.end_object();
    return w.str();
}

std::string audit_record(const core::FollowUp& f) {
    core::JsonWriter w;
    w.begin_object();
    instant_or_null(w, "contacted_at", f.contacted_at);
    text_or_null(w, "contacted_by", f.contacted_by);
    text_or_null(w, "contact_note", f.contact_note);
    instant_or_null(w, "settled_at", f.settled_at);
    text_or_null(w, "settled_by", f.settled_by);
    text_or_null(w, "settle_note", f.settle_note);
    w.end_object();
    return w.str();
}

}  // namespace gongji::app
