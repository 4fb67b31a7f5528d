#include "app/case_service.h"

#include <algorithm>
#include <set>

#include "app/audit.h"
#include "app/eligibility_service.h"
#include "app/policy_service.h"
#include "app/settlement_service.h"
#include "storage/ledger_repository.h"
#include "core/case_rules.h"
#include "core/id_number.h"
#include "core/instant.h"
#include "core/json_writer.h"
#include "devices/document_file.h"
#include "devices/ocr.h"

namespace gongji::app {
namespace {

using storage::BindingRecord;
using storage::CaseRecord;

void optional_field(core::JsonWriter& w, const char* key, const std::optional<std::string>& v) {
    w.key(key);
    if (v) w.value(*v); else w.null();
}

AuditWho who(const Actor& actor) { return {actor.username, actor.workstation}; }

std::string document_list(const std::vector<core::DocumentType>& documents) {
    std::set<std::string> names;
    for (auto d : documents) names.insert(core::document_type_name(d));
    std::string out;
    for (const auto& n : names) out += (out.empty() ? "" : ",") + n;
    return out;
}

std::set<core::DocumentType> document_set(const std::string& list) {
    std::set<core::DocumentType> out;
    size_t start = 0;
    while (start < list.size()) {
        auto end = list.find(',', start);
        if (end == std::string::npos) end = list.size();
        if (auto t = core::parse_document_type(list.substr(start, end - start))) out.insert(*t);
        start = end + 1;
    }
    return out;
}

CaseRecord new_case(Workspace& ws, const Actor& actor, core::CaseKind kind, const std::string& user_id,
                    const core::CivilDate& date) {
    auto today = china_today();
    auto day = today.to_string();
    CaseRecord c;
    c.number = core::format_case_number(today, ws.cases().next_sequence(day.substr(0, 4) + day.substr(5, 2) + day.substr(8, 2)));
    c.kind = core::case_kind_name(kind);
    c.user_id = user_id;
    c.application_date = date.to_string();
    c.created_by = actor.username;
    c.workstation = actor.workstation;
    c.created_at = storage::utc_now();
    return c;
}

void audit_case(Workspace& ws, const Actor& actor, const char* action, const std::string& before, const CaseRecord& after) {
    audit(ws, who(actor), action, "case", after.number, before, case_json(after, false));
}

void audit_binding(Workspace& ws, const Actor& actor, const char* action, const std::optional<BindingRecord>& before,
                   long long id) {
    auto after = ws.bindings().find(id);
    audit(ws, who(actor), action, "binding", std::to_string(id), before ? binding_json(*before) : "",
          after ? binding_json(*after) : "");
}

// The state `action` moves the case to, by core's lifecycle; already_decided when there is no
// such edge from where the case stands.
core::CaseStatus transition(const CaseRecord& c, core::CaseAction action) {
    auto from = core::parse_case_status(c.status);
    auto to = from ? core::next_status(*from, action) : std::nullopt;
    if (!to)
        throw Refused("already_decided", "办件 " + c.number + " 已是“" +
                                             (from ? core::case_status_label(*from) : c.status.c_str()) + "”状态");
    return *to;
}

// A bind application that ends without approval leaves no binding behind.
void drop_pending_binding(Workspace& ws, const Actor& actor, CaseRecord& c) {
    if (c.kind != "bind" || !c.binding_id) return;  // a rebind keeps its legacy binding
    auto binding_before = ws.bindings().find(*c.binding_id);
    ws.cases().set_binding(c.id, std::nullopt);
    ws.bindings().remove_pending(*c.binding_id);
    audit(ws, who(actor), "binding.remove", "binding", std::to_string(*c.binding_id),
          binding_before ? binding_json(*binding_before) : "", "");
    c.binding_id.reset();
}

core::EligibilityResult evaluate(Workspace& ws, const std::string& policy, const std::string& authorizer,
                                 const std::string& user, const std::string& relation, const core::CivilDate& date,
                                 std::optional<std::set<core::DocumentType>> documents, long long except_binding) {
    EligibilityQuery q{policy, authorizer, user, relation, date, std::move(documents)};
    return check_eligibility(ws, q, except_binding);
}

// Approves a submitted bind or rebind case: the binding becomes active (or is renewed).
void complete_approval(Workspace& ws, const Actor& actor, CaseRecord& c, const std::optional<std::string>& decided_by) {
    std::string before = case_json(c, false);
    auto now = storage::utc_now();
    c.status = core::case_status_name(transition(c, core::CaseAction::approve));
    c.decided_by = decided_by;
    c.decided_at = now;
    if (!ws.cases().update_status(c, "submitted"))
        throw Refused("already_decided", "办件 " + c.number + " 已由他人处理");
    auto binding_before = ws.bindings().find(*c.binding_id);
    if (c.kind == "bind")
        ws.bindings().activate(*c.binding_id, now);
    else
        ws.bindings().renew(*c.binding_id);
    audit_case(ws, actor, "case.approve", before, c);
    audit_binding(ws, actor, c.kind == "bind" ? "binding.activate" : "binding.renew", binding_before, *c.binding_id);
}

// The user's open bindings renumbered 1, 2, … in their present order.
void compact_order(Workspace& ws, const std::string& user_id, const std::string& from) {
    int order = 0;
    for (const auto& b : ws.bindings().list_by_user(user_id))
        if (b.status != "ended" && b.deduction_order != ++order) ws.bindings().set_order(b.id, order, from);
}

// Reads the case, locks its people, then reads it again under lock.
CaseRecord lock_case(Workspace& ws, const std::string& number) {
    auto c = find_case(ws, number);
    std::vector<std::string> people{c.user_id};
    if (c.authorizer_id) people.push_back(*c.authorizer_id);
    ws.persons().lock(people);
    return *ws.cases().find(number, /*for_update=*/true);
}

// What OCR reads on each ID-card scan that differs from both typed numbers (a hint: one wrong
// read in eleven still passes the check character, so a match proves nothing either).
std::vector<std::string> ocr_cross_check(const std::vector<Upload>& uploads, const std::string& a, const std::string& u) {
    std::vector<std::string> warnings;
    for (const auto& upload : uploads) {
        if (upload.type != core::DocumentType::id_card) continue;
        try {
            auto reading = devices::read_id_card(upload.bytes);
            if (reading.id_number && *reading.id_number != a && *reading.id_number != u)
                warnings.push_back("身份证扫描件“" + upload.file_name + "”上识别出的号码 " + *reading.id_number +
                                   " 与录入的号码不符");
        } catch (const devices::CaptureError&) {
            // Not a PNG scan OCR can read: nothing to compare, no warning.
        }
    }
    return warnings;
}

}  // namespace

std::string normalized_id(const std::string& text, const char* field) {
    std::string id;
    if (!core::normalize_id_number(text, china_today(), id))
        throw BadInput(std::string(field) + ": \"" + text + "\" is not a valid ID number");
    return id;
}

CaseRecord submit_bind(Workspace& ws, const Actor& actor, const BindApplication& app) {
    require_role(actor, {"clerk", "supervisor"});
    auto date = app.date.value_or(china_today());
    auto profile = load_policy(ws, app.policy);

    storage::Transaction tx(ws.db());
    std::string a, u;
    bool ids_valid = core::normalize_id_number(app.authorizer_id, date, a) && core::normalize_id_number(app.user_id, date, u);
    if (ids_valid) ws.persons().lock({a, u});
    std::set<core::DocumentType> attached(app.documents.begin(), app.documents.end());
    for (const auto& u : app.uploads) attached.insert(u.type);
    auto result = evaluate(ws, app.policy, app.authorizer_id, app.user_id, app.relation, date, attached, 0);
    if (!result.eligible) throw NotEligible(result);

    if (app.cites_case) {
        auto cited = ws.cases().find(*app.cites_case);
        if (!cited || cited->status != "rejected" || cited->user_id != u || cited->authorizer_id.value_or("") != a)
            throw BadInput("--cites: " + *app.cites_case + " is not a rejected case of the same two people");
    }

    auto ocr_warnings = ocr_cross_check(app.uploads, a, u);
    if (!ocr_warnings.empty() && !app.ocr_acknowledged)
        throw Refused("ocr_mismatch", ocr_warnings.front() + "；请核对后确认（--ack-ocr）再提交");

    BindingRecord b;
    b.authorizer_id = a;
    b.user_id = u;
    b.relation = app.relation;
    b.policy = app.policy;
    b.status = "pending";
    b.deduction_order = ws.bindings().next_order_for_user(u);
    b.created_at = storage::utc_now();
    b.id = ws.bindings().insert(b);

    auto c = new_case(ws, actor, core::CaseKind::bind, u, date);
    c.status = "submitted";
    c.policy = app.policy;
    c.authorizer_id = a;
    c.relation = app.relation;
    c.documents = document_list({attached.begin(), attached.end()});
    c.binding_id = b.id;
    c.cites_case = app.cites_case;
    c.submitted_at = c.created_at;
    if (!ocr_warnings.empty()) {
        core::JsonWriter detail;
        detail.begin_object().key("ocr_warnings").begin_array();
        for (const auto& w : ocr_warnings) detail.value(w);
        detail.end_array().key("acknowledged_by").value(actor.username).end_object();
        c.detail = detail.str();
    }
    c.id = ws.cases().insert(c);
    audit_case(ws, actor, "case.submit", "", c);
    for (const auto& upload : app.uploads) store_upload(ws, actor, c.id, c.number, upload);
    if (!ocr_warnings.empty()) audit(ws, who(actor), "ocr.acknowledged", "case", c.number, "", c.detail);
    audit_binding(ws, actor, "binding.create", std::nullopt, b.id);

    // Where the profile version needs no review, submission approves at once; no person
    // decided, so the four-eyes rule is not in play.
    if (!result.version->requires_review) complete_approval(ws, actor, c, std::nullopt);
    tx.commit();
    return c;
}

CaseRecord approve_case(Workspace& ws, const Actor& actor, const std::string& number) {
    storage::Transaction tx(ws.db());
    auto c = lock_case(ws, number);
    // The submitter hears the four-eyes rule, whatever their role.
    if (!core::may_decide(c.created_by, actor.username))
        throw Refused("four_eyes", "不能审核本人受理的办件 " + c.number);
    require_role(actor, {"supervisor"});
    transition(c, core::CaseAction::approve);
    // The roster and other approvals may have changed since submission: judge again, leaving
    // out the case's own pending binding.
    auto date = *core::CivilDate::parse(c.application_date);
    auto result = evaluate(ws, *c.policy, *c.authorizer_id, c.user_id, *c.relation, date,
                           c.kind == "bind" ? std::optional(document_set(c.documents)) : std::nullopt, *c.binding_id);
    if (!result.eligible) throw NotEligible(result);
    complete_approval(ws, actor, c, actor.username);
    tx.commit();
    return c;
}

CaseRecord reject_case(Workspace& ws, const Actor& actor, const std::string& number, const std::string& reason,
                       const std::optional<std::string>& note) {
    if (!core::is_rejection_reason(reason))
        throw BadInput("--reason: must be documents_unclear, relation_unproven, information_mismatch, not_eligible "
                       "or other, not \"" + reason + "\"");
    if (reason == "other" && (!note || note->empty())) throw BadInput("--note: required with reason other");
    storage::Transaction tx(ws.db());
    auto c = lock_case(ws, number);
    if (!core::may_decide(c.created_by, actor.username))
        throw Refused("four_eyes", "不能审核本人受理的办件 " + c.number);
    require_role(actor, {"supervisor"});
    auto to = transition(c, core::CaseAction::reject);
    std::string before = case_json(c, false);
    c.status = core::case_status_name(to);
    c.reason = reason;
    c.note = note;
    c.decided_by = actor.username;
    c.decided_at = storage::utc_now();
    if (!ws.cases().update_status(c, "submitted")) throw Refused("already_decided", "办件 " + c.number + " 已处理");
    drop_pending_binding(ws, actor, c);
    audit_case(ws, actor, "case.reject", before, c);
    tx.commit();
    return c;
}

CaseRecord withdraw_case(Workspace& ws, const Actor& actor, const std::string& number) {
    storage::Transaction tx(ws.db());
    auto c = lock_case(ws, number);
    if (c.created_by != actor.username) require_role(actor, {"supervisor"});
    auto to = transition(c, core::CaseAction::withdraw);
    std::string before = case_json(c, false);
    auto from = c.status;
    c.status = core::case_status_name(to);
    c.decided_by = actor.username;
    c.decided_at = storage::utc_now();
    if (!ws.cases().update_status(c, from)) throw Refused("already_decided", "办件 " + c.number + " 已处理");
    drop_pending_binding(ws, actor, c);
    audit_case(ws, actor, "case.withdraw", before, c);
    tx.commit();
    return c;
}

CaseRecord unbind(Workspace& ws, const Actor& actor, const std::string& authorizer_text, const std::string& user_text,
                  const std::string& reason) {
    require_role(actor, {"clerk", "supervisor"});
    if (!core::is_unbind_reason(reason))
        throw BadInput("--reason: must be request, divorce, death or other, not \"" + reason + "\"");
    auto a = normalized_id(authorizer_text, "--authorizer");
    auto u = normalized_id(user_text, "--user");
    storage::Transaction tx(ws.db());
    // Ending a binding may return quota money: take the money lock first, as every transaction
    // that moves money does, so none of them wait for each other in opposite orders.
    storage::LedgerRepository(ws.db()).lock_for_settlement();
    ws.persons().lock({a, u});
    auto binding = ws.bindings().find_open(a, u);
    if (!binding || binding->status != "active")
        throw BadInput("--user: no active binding from " + a + " to " + u +
                       (binding ? " (it is still an application: withdraw or reject its case)" : ""));
    auto now = storage::utc_now();
    auto c = new_case(ws, actor, core::CaseKind::unbind, u, china_today());
    c.status = "approved";  // unbinding needs no review: either side may withdraw at any time
    c.policy = binding->policy;
    c.authorizer_id = a;
    c.relation = binding->relation;
    c.binding_id = binding->id;
    c.reason = reason;
    c.submitted_at = now;
    c.decided_at = now;
    c.id = ws.cases().insert(c);
    ws.bindings().end(binding->id, now, reason);
    return_quota(ws, who(actor), binding->id, a, now);  // unused quota goes back
    compact_order(ws, u, now);
    audit_case(ws, actor, "case.submit", "", c);
    audit_binding(ws, actor, "binding.end", binding, binding->id);
    tx.commit();
    return c;
}

CaseRecord reorder(Workspace& ws, const Actor& actor, const std::string& user_text,
                   const std::vector<std::string>& authorizer_texts) {
    require_role(actor, {"clerk", "supervisor"});
    auto u = normalized_id(user_text, "--user");
    std::vector<std::string> order;
    for (const auto& t : authorizer_texts) order.push_back(normalized_id(t, "--order"));
    storage::Transaction tx(ws.db());
    ws.persons().lock({u});
    std::vector<BindingRecord> open;
    for (auto& b : ws.bindings().list_by_user(u))
        if (b.status != "ended") open.push_back(b);
    std::set<std::string> listed(order.begin(), order.end()), bound;
    for (const auto& b : open) bound.insert(b.authorizer_id);
    if (listed.size() != order.size()) throw BadInput("--order: an authorizer is listed twice");
    if (listed != bound)
        throw BadInput("--order: must list exactly the authorizers of the user's " + std::to_string(bound.size()) +
                       " open bindings");

    core::JsonWriter before, after;
    before.begin_object().key("order").begin_array();
    for (const auto& b : open) before.value(b.authorizer_id);
    before.end_array().end_object();
    after.begin_object().key("order").begin_array();
    for (const auto& a : order) after.value(a);
    after.end_array().end_object();

    auto now = storage::utc_now();
    auto c = new_case(ws, actor, core::CaseKind::reorder, u, china_today());
    c.status = "approved";  // at once, without review
    c.detail = after.str();
    c.submitted_at = now;
    c.decided_at = now;
    c.id = ws.cases().insert(c);
    for (size_t i = 0; i < order.size(); ++i)
        for (const auto& b : open)
            if (b.authorizer_id == order[i]) ws.bindings().set_order(b.id, static_cast<int>(i) + 1, now);
    audit_case(ws, actor, "case.submit", "", c);
    audit(ws, who(actor), "binding.reorder", "person", u, before.str(), after.str());
    tx.commit();
    return c;
}

CaseRecord submit_rebind(Workspace& ws, const Actor& actor, const std::string& authorizer_text,
                         const std::string& user_text, std::vector<core::DocumentType> documents) {
    require_role(actor, {"clerk", "supervisor"});
    auto a = normalized_id(authorizer_text, "--authorizer");
    auto u = normalized_id(user_text, "--user");
    storage::Transaction tx(ws.db());
    ws.persons().lock({a, u});
    auto binding = ws.bindings().find_open(a, u);
    if (!binding || binding->status != "active" || !binding->legacy)
        throw BadInput("--user: no legacy binding from " + a + " to " + u + " to renew");
    auto today = china_today();
    std::optional<std::set<core::DocumentType>> attached;
    if (!documents.empty()) attached = std::set<core::DocumentType>(documents.begin(), documents.end());
    auto result = evaluate(ws, binding->policy, a, u, binding->relation, today, attached, binding->id);
    if (!result.eligible) throw NotEligible(result);
    auto c = new_case(ws, actor, core::CaseKind::rebind, u, today);
    c.status = "submitted";
    c.policy = binding->policy;
    c.authorizer_id = a;
    c.relation = binding->relation;
    c.documents = document_list(documents);
    c.binding_id = binding->id;
    c.submitted_at = c.created_at;
    c.id = ws.cases().insert(c);
    audit_case(ws, actor, "case.submit", "", c);
    if (!result.version->requires_review) complete_approval(ws, actor, c, std::nullopt);
    tx.commit();
    return c;
}

std::optional<core::Person> find_person(Workspace& ws, const std::string& id_text) {
    std::string id;
    if (!core::normalize_id_number(id_text, china_today(), id)) return std::nullopt;
    return ws.persons().find(id);
}

PersonCard person_card(Workspace& ws, const std::string& id_text) {
    auto id = normalized_id(id_text, "ID");
    auto person = ws.persons().find(id);
    if (!person) throw BadInput("ID: " + id + " is not in the roster");
    PersonCard card;
    card.person = *person;
    card.as_authorizer = ws.bindings().list_by_authorizer(id);
    card.as_user = ws.bindings().list_by_user(id);
    for (const auto& b : card.as_authorizer) card.open_as_authorizer += b.status != "ended";
    for (const auto& b : card.as_user) card.open_as_user += b.status != "ended";
    // The limits of the profile a new binding of his would be judged under.
    auto profiles = list_policies(ws);
    if (auto name = policy_for_region(profiles, default_policy(ws), person->pooling_region)) {
        const auto& profile = *std::find_if(profiles.begin(), profiles.end(), [&](const auto& p) { return p.name == *name; });
        if (const auto* version = profile.version_on(china_today())) {
            card.limits_policy = profile.title;
            card.max_users_per_authorizer = version->max_users_per_authorizer;
            card.max_authorizers_per_user = version->max_authorizers_per_user;
        }
    }
    CaseSearch waiting;
    waiting.person = id;
    waiting.status = "submitted";
    waiting.limit = 100;
    card.waiting_cases = list_cases(ws, waiting);
    return card;
}

std::vector<BindingRecord> bindings_of(Workspace& ws, const std::string& id_text, bool as_user) {
    auto id = normalized_id(id_text, as_user ? "--user" : "--authorizer");
    return as_user ? ws.bindings().list_by_user(id) : ws.bindings().list_by_authorizer(id);
}

CaseRecord find_case(Workspace& ws, const std::string& number) {
    auto c = ws.cases().find(number);
    if (!c) throw BadInput("case: no case numbered \"" + number + "\"");
    return *c;
}

namespace {

storage::CaseFilter case_filter(const CaseSearch& search) {
    if (search.status && !core::parse_case_status(*search.status))
        throw BadInput("--status: must be draft, submitted, approved, rejected or withdrawn");
    storage::CaseFilter filter;
    filter.status = search.status;
    filter.number = search.number;
    filter.created_by = search.created_by;
    filter.workstation = search.workstation;
    filter.limit = search.limit;
    if (search.person) filter.person = normalized_id(*search.person, "--person");
    if (search.date) {
        filter.created_from = core::format_utc(core::china_day_start(*search.date));
        auto next = core::CivilDate::from_days_since_epoch(search.date->days_since_epoch() + 1);
        filter.created_before = core::format_utc(core::china_day_start(next));
    }
    return filter;
}

}  // namespace

std::vector<CaseRecord> list_cases(Workspace& ws, const CaseSearch& search) { return ws.cases().list(case_filter(search)); }

std::vector<storage::CaseSummary> list_case_summaries(Workspace& ws, const CaseSearch& search) {
    return ws.cases().summaries(case_filter(search));
}

std::string case_json(const CaseRecord& c, bool pretty) {
    core::JsonWriter w(pretty);
    w.begin_object();
    w.key("case").value(c.number);
    w.key("kind").value(c.kind);
    w.key("status").value(c.status);
    optional_field(w, "policy", c.policy);
    optional_field(w, "authorizer", c.authorizer_id);
    w.key("user").value(c.user_id);
    optional_field(w, "relation", c.relation);
    w.key("application_date").value(c.application_date);
    w.key("documents").begin_array();
    for (auto d : document_set(c.documents)) w.value(core::document_type_name(d));
    w.end_array();
    w.key("binding");
    if (c.binding_id) w.value(*c.binding_id); else w.null();
    if (!c.detail.empty()) w.key("detail").value(c.detail);
    optional_field(w, "cites", c.cites_case);
    optional_field(w, "reason", c.reason);
    optional_field(w, "note", c.note);
    w.key("created_by").value(c.created_by);
    w.key("workstation").value(c.workstation);
    w.key("created_at").value(c.created_at);
    optional_field(w, "submitted_at", c.submitted_at);
    optional_field(w, "decided_by", c.decided_by);
    optional_field(w, "decided_at", c.decided_at);
    w.end_object();
    return w.str();
}

std::string binding_json(const BindingRecord& b) {
    core::JsonWriter w;
    w.begin_object();
    w.key("authorizer").value(b.authorizer_id);
    w.key("user").value(b.user_id);
    w.key("relation").value(b.relation);
    w.key("status").value(b.status);
    w.key("order").value(b.deduction_order);
    optional_field(w, "since", b.since);
    optional_field(w, "until", b.until);
    optional_field(w, "end_reason", b.end_reason);
    w.key("legacy").value(b.legacy);
    w.key("policy").value(b.policy);
    w.key("id").value(b.id);
    w.end_object();
    return w.str();
}

}  // namespace gongji::app
