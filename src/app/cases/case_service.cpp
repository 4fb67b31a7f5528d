#include "app/cases/case_service.h"

#include <algorithm>
#include <set>

#include <Poco/UUIDGenerator.h>

#include "app/trust/audit.h"
#include "app/trust/audit_record.h"
#include "app/cases/case_steps.h"
#include "app/cases/eligibility_service.h"
#include "app/cases/time_limits.h"
#include "app/setup/machine_settings.h"
#include "app/setup/policy_service.h"
#include "app/money/settlement_service.h"
#include "app/platform/stores.h"
#include "core/case_rules.h"
#include "core/id_number.h"
#include "core/instant.h"
#include "core/json_writer.h"
#include "devices/document_file.h"
#include "devices/ocr.h"

namespace gongji::app {
namespace {

using core::Binding;
using core::Case;

core::EligibilityResult evaluate(Workspace& ws, const std::string& policy, const std::string& authorizer,
                                 const std::string& user, const std::string& relation, const core::CivilDate& date,
                                 std::optional<std::set<core::DocumentType>> documents, long long except_binding,
                                 const core::PolicyProfile* profile = nullptr) {
    EligibilityQuery q{policy, authorizer, user, relation, date, std::move(documents)};
    return check_eligibility(ws, q, except_binding, profile);
}

// Approves a submitted bind or rebind case: the binding becomes active (or is renewed).
void complete_approval(Workspace& ws, const Actor& actor, Case& c, const std::optional<std::string>& decided_by) {
    std::string before = audit_record(c);
    auto at = now();
    c.status = transition(c, core::CaseAction::approve);
    c.decided_by = decided_by;
    c.decided_at = at;
    save_state(ws, c, core::CaseStatus::submitted);
    auto binding_before = stores(ws).bindings.find(*c.binding_id);
    if (c.kind == core::CaseKind::bind)
        stores(ws).bindings.activate(*c.binding_id, at);
    else
        stores(ws).bindings.renew(*c.binding_id);
    audit_case(ws, actor, "case.approve", before, c);
    audit_binding(ws, actor, c.kind == core::CaseKind::bind ? "binding.activate" : "binding.renew", binding_before, *c.binding_id);
}

// The user's open bindings renumbered 1, 2, … in their present order, each move audited.
void compact_order(Workspace& ws, const Actor& actor, const std::string& user_id, core::Instant from) {
    int order = 0;
    for (const auto& b : stores(ws).bindings.list_by_user(user_id))
        if (b.is_open() && b.deduction_order != ++order) {
            stores(ws).bindings.set_order(b.id, order, from);
            audit_binding(ws, actor, "binding.order", b, b.id);
        }
}

// An ID-card scan whose number, as OCR reads it, is neither of the two typed.
struct OcrMismatch {
    std::string file, read;
    // As the case records it (its detail, in the audit log).
    std::string recorded() const { return "身份证扫描件“" + file + "”上识别出的号码 " + read + " 与录入的号码不符"; }
};

// What OCR reads on each ID-card scan that differs from both typed numbers (a hint: one wrong
// read in eleven still passes the check character, so a match proves nothing either).
std::vector<OcrMismatch> ocr_cross_check(const std::vector<CheckedPaper>& papers, const std::string& a, const std::string& u) {
    std::vector<OcrMismatch> out;
    for (const auto& [upload, file] : papers) {
        if (upload->type != core::DocumentType::id_card) continue;
        try {
            auto reading = devices::read_id_card(upload->bytes, file, tessdata_dir());
            if (reading.id_number && *reading.id_number != a && *reading.id_number != u)
                out.push_back({upload->file_name, *reading.id_number});
        } catch (const devices::CaptureError&) {
            // Not a PNG scan OCR can read: nothing to compare, no warning.
        }
    }
    return out;
}

}  // namespace

std::string normalized_id(const std::string& text, const char* field) {
    std::string id;
    if (!core::normalize_id_number(text, china_today(), id))
        throw BadInput(std::string(field) + ": \"" + text + "\" is not a valid ID number", {"id_invalid", {{"text", text}}});
    return id;
}

std::string new_request_key() { return Poco::UUIDGenerator::defaultGenerator().createRandom().toString(); }

namespace {

Case submit_bind_once(Workspace& ws, const Actor& actor, const BindApplication& app) {
    require_role(actor, {core::Role::clerk, core::Role::supervisor});
    auto date = app.date.value_or(china_today());
    auto profile = load_policy(ws, app.policy);

    std::string a, u;
    bool ids_valid = core::normalize_id_number(app.authorizer_id, date, a) && core::normalize_id_number(app.user_id, date, u);
    for (auto type : app.documents) refuse_card_read_as_paper(type);
    // Each paper inspected once, and read by OCR, before any lock is taken: a slow scan holds up
    // no other window.
    std::vector<CheckedPaper> papers;
    const auto settings = stores(ws).settings.all();  // the papers' limits and the promise, in one look-up
    const auto limits = document_limits(settings);
    for (const auto& upload : app.uploads) papers.push_back(check_paper(upload, limits));
    const auto ocr_warnings = ids_valid ? ocr_cross_check(papers, a, u) : std::vector<OcrMismatch>{};

    auto number = take_case_number(ws);
    storage::Transaction tx(database(ws));
    if (ids_valid) stores(ws).persons.lock({a, u});
    const auto cards = ids_valid ? check_cards(ws, app.card_reads, a, u) : std::vector<CheckedCard>{};
    std::set<core::DocumentType> attached(app.documents.begin(), app.documents.end());
    for (const auto& u : app.uploads) attached.insert(u.type);
    if (ids_valid && proves_identity(app.card_reads, u)) attached.insert(core::DocumentType::id_card_read);
    auto result = evaluate(ws, app.policy, app.authorizer_id, app.user_id, app.relation, date, attached, 0, &profile);
    if (!result.eligible) throw NotEligible(result);

    if (app.cites_case) {
        auto cited = stores(ws).cases.find(*app.cites_case);
        if (!cited || cited->status != core::CaseStatus::rejected || cited->user_id != u || cited->authorizer_id.value_or("") != a)
            throw BadInput("--cites: " + *app.cites_case + " is not a rejected case of the same two people",
                           {"cites_not_rejected", {{"case", *app.cites_case}}});
    }

    if (!ocr_warnings.empty() && !app.ocr_acknowledged)
        throw Refused("ocr_mismatch", {{"file", ocr_warnings.front().file}, {"read", ocr_warnings.front().read}});
    if (!app.card_name_acknowledged)
        if (auto differs = name_difference(cards))
            throw Refused("card_name_differs", {{"id", differs->id_number},
                                                {"name_on_card", differs->name_on_card},
                                                {"roster_name", differs->roster_name}});

    Binding b;
    b.authorizer_id = a;
    b.user_id = u;
    b.relation = app.relation;
    b.policy = app.policy;
    b.status = core::BindingStatus::pending;
    b.deduction_order = stores(ws).bindings.next_order_for_user(u);
    b.created_at = now();
    b.id = stores(ws).bindings.insert(b);

    auto c = new_case(number, actor, core::CaseKind::bind, u, date);
    c.status = core::CaseStatus::submitted;
    c.policy = app.policy;
    c.authorizer_id = a;
    c.relation = app.relation;
    c.documents = attached;
    c.binding_id = b.id;
    c.cites_case = app.cites_case;
    c.submitted_at = c.created_at;
    c.promised_days = processing_days(settings);
    if (!app.request_key.empty()) c.request_key = app.request_key;
    if (!ocr_warnings.empty()) {
        core::JsonWriter detail;
        detail.begin_object().key("ocr_warnings").begin_array();
        for (const auto& w : ocr_warnings) detail.value(w.recorded());
        detail.end_array().key("acknowledged_by").value(actor.username).end_object();
        c.detail = detail.str();
    }
    c.id = stores(ws).cases.insert(c);
    audit_case(ws, actor, "case.submit", "", c);
    for (const auto& paper : papers) store_paper(ws, actor, c.id, c.number, paper);
    record_card_reads(ws, actor, c, cards);
    if (!ocr_warnings.empty()) audit(ws, who(actor), "ocr.acknowledged", "case", c.number, "", c.detail);
    audit_binding(ws, actor, "binding.create", std::nullopt, b.id);

    // Where the profile version needs no review, submission approves at once; no person
    // decided, so the four-eyes rule is not in play.
    if (!result.version->requires_review) complete_approval(ws, actor, c, std::nullopt);
    tx.commit();
    return c;
}

}  // namespace

Case submit_bind(Workspace& ws, const Actor& actor, const BindApplication& app) {
    try {
        return submit_bind_once(ws, actor, app);
    } catch (const std::exception& e) {
        // Said before the look-up below connects again.
        const bool lost = ws.connection_lost();
        // Tried again after a lost answer, the pair is already bound (not eligible) or the key
        // taken: the first attempt was saved, and its case is the answer. Looked up only on
        // failure, so a submission that goes through pays nothing for its key.
        std::optional<std::string> saved;
        if (!app.request_key.empty()) {
            try {
                saved = stores(ws).cases.number_of_request(app.request_key);
            } catch (const std::exception&) {  // still away: the first failure says so
            }
        }
        if (!saved && lost) throw ConnectionLost(e.what());
        if (!saved) throw;
        auto c = find_case(ws, *saved);
        if (c.created_by != actor.username) throw;
        return c;
    }
}

core::EligibilityResult approval_verdict(Workspace& ws, const core::Case& c) {
    return evaluate(ws, *c.policy, *c.authorizer_id, c.user_id, *c.relation, c.application_date,
                    c.kind == core::CaseKind::bind ? std::optional(c.documents) : std::nullopt, c.binding_id.value_or(0));
}

Case approve_case(Workspace& ws, const Actor& actor, const std::string& number) {
    storage::Transaction tx(database(ws));
    auto c = lock_case(ws, number);
    // The submitter hears the four-eyes rule, whatever their role.
    if (!core::may_decide(c.created_by, actor.username))
        throw Refused("four_eyes", {{"case", c.number}});
    require_role(actor, {core::Role::supervisor});
    transition(c, core::CaseAction::approve);
    // The roster, other approvals and the case's papers may have changed since submission.
    auto result = approval_verdict(ws, c);
    if (!result.eligible) throw NotEligible(result);
    complete_approval(ws, actor, c, actor.username);
    tx.commit();
    return c;
}

Case reject_case(Workspace& ws, const Actor& actor, const std::string& number, core::RejectionReason reason,
                 const std::optional<std::string>& note) {
    if (reason == core::RejectionReason::other && (!note || note->empty()))
        throw BadInput("--note: required with reason other", {"note_required", {}});
    if (note) require_within(*note, core::kNoteLimit);
    storage::Transaction tx(database(ws));
    auto c = lock_case(ws, number);
    if (!core::may_decide(c.created_by, actor.username))
        throw Refused("four_eyes", {{"case", c.number}});
    require_role(actor, {core::Role::supervisor});
    auto to = transition(c, core::CaseAction::reject);
    std::string before = audit_record(c);
    c.status = to;
    c.reason = core::kRejectionReasons.code(reason);
    c.note = note;
    c.decided_by = actor.username;
    c.decided_at = now();
    save_state(ws, c, core::CaseStatus::submitted);
    drop_pending_binding(ws, actor, c);
    audit_case(ws, actor, "case.reject", before, c);
    tx.commit();
    return c;
}

Case withdraw_case(Workspace& ws, const Actor& actor, const std::string& number) {
    storage::Transaction tx(database(ws));
    auto c = lock_case(ws, number);
    if (c.created_by != actor.username) require_role(actor, {core::Role::supervisor});
    auto to = transition(c, core::CaseAction::withdraw);
    std::string before = audit_record(c);
    auto from = c.status;
    c.status = to;
    c.decided_by = actor.username;
    c.decided_at = now();
    save_state(ws, c, from);
    drop_pending_binding(ws, actor, c);
    audit_case(ws, actor, "case.withdraw", before, c);
    tx.commit();
    return c;
}

Case unbind(Workspace& ws, const Actor& actor, const std::string& authorizer_text, const std::string& user_text,
            core::UnbindReason reason) {
    require_role(actor, {core::Role::clerk, core::Role::supervisor});
    auto a = normalized_id(authorizer_text, "--authorizer");
    auto u = normalized_id(user_text, "--user");
    auto number = take_case_number(ws);
    storage::Transaction tx(database(ws));
    // Ending a binding may return quota money: take the money lock first, as every transaction
    // that moves money does, so none of them wait for each other in opposite orders; shared, as
    // the two people's rows, locked next, keep unbindings of other pairs out of each other's way.
    stores(ws).ledger.lock_for_pair_move();
    stores(ws).persons.lock({a, u});
    auto binding = stores(ws).bindings.find_open(a, u);
    if (!binding || !binding->is_active())
        throw BadInput("--user: no active binding from " + a + " to " + u +
                       (binding ? " (it is still an application: withdraw or reject its case)" : ""),
                       {"binding_not_active", {{"authorizer", a}, {"user", u}, {"pending", binding ? "yes" : "no"}}});
    auto at = now();
    auto c = new_case(number, actor, core::CaseKind::unbind, u, china_today());
    c.status = core::CaseStatus::approved;  // unbinding needs no review: either side may withdraw at any time
    c.policy = binding->policy;
    c.authorizer_id = a;
    c.relation = binding->relation;
    c.binding_id = binding->id;
    c.reason = core::kUnbindReasons.code(reason);
    c.submitted_at = at;
    c.decided_at = at;
    c.id = stores(ws).cases.insert(c);
    stores(ws).bindings.end(binding->id, at, *c.reason);
    return_quota(ws, who(actor), binding->id, a, at.utc());  // unused quota goes back
    compact_order(ws, actor, u, at);
    audit_case(ws, actor, "case.submit", "", c);
    audit_binding(ws, actor, "binding.end", binding, binding->id);
    tx.commit();
    return c;
}

Case reorder(Workspace& ws, const Actor& actor, const std::string& user_text,
             const std::vector<std::string>& authorizer_texts) {
    require_role(actor, {core::Role::clerk, core::Role::supervisor});
    auto u = normalized_id(user_text, "--user");
    std::vector<std::string> order;
    for (const auto& t : authorizer_texts) order.push_back(normalized_id(t, "--order"));
    auto number = take_case_number(ws);
    storage::Transaction tx(database(ws));
    stores(ws).persons.lock({u});
    std::vector<Binding> open;
    for (auto& b : stores(ws).bindings.list_by_user(u))
        if (b.is_open()) open.push_back(b);
    std::set<std::string> listed(order.begin(), order.end()), bound;
    for (const auto& b : open) bound.insert(b.authorizer_id);
    if (listed.size() != order.size()) throw BadInput("--order: an authorizer is listed twice", {"order_repeats", {}});
    if (listed != bound)
        throw BadInput("--order: must list exactly the authorizers of the user's " + std::to_string(bound.size()) +
                       " open bindings", {"order_incomplete", {{"count", std::to_string(bound.size())}}});

    core::JsonWriter before, after;
    before.begin_object().key("order").begin_array();
    for (const auto& b : open) before.value(b.authorizer_id);
    before.end_array().end_object();
    after.begin_object().key("order").begin_array();
    for (const auto& a : order) after.value(a);
    after.end_array().end_object();

    auto at = now();
    auto c = new_case(number, actor, core::CaseKind::reorder, u, china_today());
    c.status = core::CaseStatus::approved;  // at once, without review
    c.detail = after.str();
    c.submitted_at = at;
    c.decided_at = at;
    c.id = stores(ws).cases.insert(c);
    for (size_t i = 0; i < order.size(); ++i)
        for (const auto& b : open)
            if (b.authorizer_id == order[i]) stores(ws).bindings.set_order(b.id, static_cast<int>(i) + 1, at);
    audit_case(ws, actor, "case.submit", "", c);
    audit(ws, who(actor), "binding.reorder", "person", u, before.str(), after.str());
    tx.commit();
    return c;
}

Case submit_rebind(Workspace& ws, const Actor& actor, const std::string& authorizer_text,
                   const std::string& user_text, std::vector<core::DocumentType> documents) {
    require_role(actor, {core::Role::clerk, core::Role::supervisor});
    auto a = normalized_id(authorizer_text, "--authorizer");
    auto u = normalized_id(user_text, "--user");
    auto number = take_case_number(ws);
    storage::Transaction tx(database(ws));
    stores(ws).persons.lock({a, u});
    auto binding = stores(ws).bindings.find_open(a, u);
    if (!binding || !binding->is_active() || !binding->legacy)
        throw BadInput("--user: no legacy binding from " + a + " to " + u + " to renew",
                       {"binding_not_legacy", {{"authorizer", a}, {"user", u}}});
    auto today = china_today();
    std::optional<std::set<core::DocumentType>> attached;
    if (!documents.empty()) attached = std::set<core::DocumentType>(documents.begin(), documents.end());
    auto result = evaluate(ws, binding->policy, a, u, binding->relation, today, attached, binding->id);
    if (!result.eligible) throw NotEligible(result);
    auto c = new_case(number, actor, core::CaseKind::rebind, u, today);
    c.status = core::CaseStatus::submitted;
    c.policy = binding->policy;
    c.authorizer_id = a;
    c.relation = binding->relation;
    c.documents = {documents.begin(), documents.end()};
    c.binding_id = binding->id;
    c.submitted_at = c.created_at;
    c.promised_days = processing_days(ws);
    c.id = stores(ws).cases.insert(c);
    audit_case(ws, actor, "case.submit", "", c);
    if (!result.version->requires_review) complete_approval(ws, actor, c, std::nullopt);
    tx.commit();
    return c;
}

std::optional<core::Person> find_person(Workspace& ws, const std::string& id_text) {
    std::string id;
    if (!core::normalize_id_number(id_text, china_today(), id)) return std::nullopt;
    return stores(ws).persons.find(id);
}

PersonCard person_card(Workspace& ws, const Actor& actor, const std::string& id_text) {
    auto id = normalized_id(id_text, "ID");
    auto person = stores(ws).persons.find(id);
    if (!person) throw BadInput("ID: " + id + " is not in the roster", {"not_in_roster", {{"id", id}}});
    log_access(ws, {actor.username, actor.workstation}, "person.view", "person", id, "{\"what\":\"card\"}");
    PersonCard card;
    card.person = *person;
    card.as_authorizer = stores(ws).bindings.list_by_authorizer(id);
    card.as_user = stores(ws).bindings.list_by_user(id);
    for (const auto& b : card.as_authorizer) card.open_as_authorizer += b.is_open();
    for (const auto& b : card.as_user) card.open_as_user += b.is_open();
    std::vector<std::string> others;
    for (const auto& b : card.as_authorizer) others.push_back(b.user_id);
    for (const auto& b : card.as_user) others.push_back(b.authorizer_id);
    card.names = names_of(ws, others);
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
    waiting.status = core::CaseStatus::submitted;
    waiting.limit = 100;
    card.waiting_cases = list_cases(ws, waiting);
    return card;
}

std::map<std::string, std::string> names_of(Workspace& ws, const std::vector<std::string>& id_numbers) {
    return stores(ws).persons.names_of(id_numbers);
}

std::vector<Binding> bindings_of(Workspace& ws, const Actor& actor, const std::string& id_text, bool as_user) {
    auto id = normalized_id(id_text, as_user ? "--user" : "--authorizer");
    log_access(ws, {actor.username, actor.workstation}, "person.view", "person", id,
               as_user ? "{\"what\":\"bindings_as_user\"}" : "{\"what\":\"bindings_as_authorizer\"}");
    return as_user ? stores(ws).bindings.list_by_user(id) : stores(ws).bindings.list_by_authorizer(id);
}

Case find_case(Workspace& ws, const std::string& number) {
    auto c = stores(ws).cases.find(number);
    if (!c) throw BadInput("case: no case numbered \"" + number + "\"", {"case_unknown", {{"case", number}}});
    return *c;
}

namespace {

storage::CaseFilter case_filter(const CaseSearch& search) {
    storage::CaseFilter filter;
    filter.status = search.status;
    filter.number = search.number;
    filter.created_by = search.created_by;
    filter.workstation = search.workstation;
    filter.channel = search.channel;
    filter.limit = search.limit;
    if (search.person) filter.person = normalized_id(*search.person, "--person");
    if (search.date) {
        filter.created_from = core::Instant{core::china_day_start(*search.date)};
        auto next = core::CivilDate::from_days_since_epoch(search.date->days_since_epoch() + 1);
        filter.created_before = core::Instant{core::china_day_start(next)};
    }
    return filter;
}

}  // namespace

std::vector<Case> list_cases(Workspace& ws, const CaseSearch& search) { return stores(ws).cases.list(case_filter(search)); }

std::vector<core::CaseSummary> list_case_summaries(Workspace& ws, const CaseSearch& search) {
    auto cases = stores(ws).cases.summaries(case_filter(search));
    const TimeLimits limits(ws);
    for (auto& c : cases)
        if (auto limit = limits.of(c)) {
            c.due = limit->due;
            c.working_days_left = limit->working_days_left;
            c.overdue = limit->overdue;
        }
    return cases;
}

}  // namespace gongji::app
