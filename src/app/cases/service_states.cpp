#include "app/cases/service_states.h"

#include "app/cases/case_service.h"
#include "app/cases/case_steps.h"
#include "app/cases/eligibility_service.h"
#include "app/cases/time_limits.h"
#include "app/platform/clock.h"
#include "app/platform/errors.h"
#include "app/platform/stores.h"
#include "app/setup/calendar.h"
#include "app/setup/number_setting.h"
#include "app/trust/audit_record.h"
#include "core/case_rules.h"
#include "core/text_limits.h"

namespace gongji::app {
namespace {

using core::Case;
using core::CaseStatus;

constexpr NumberSetting kCorrectionDays{"correction_days", 1, 30};
constexpr long long kDefaultCorrectionDays = 5;

void require_window_staff(const Actor& actor) { require_role(actor, {core::Role::clerk, core::Role::supervisor}); }

// Accepting or not is for what came online: a window case was accepted as it was submitted, and is
// rejected (case reject) or withdrawn, not refused.
void refuse_window_case(const Case& c) {
    if (c.channel == core::Channel::window) throw Refused("not_online", {{"case", c.number}});
}

// Moves a locked case by `action`, with `change` filling in what the step records, and audits it.
// A bind application ended without approval first gives up its pending binding.
template <class Change>
Case move(Workspace& ws, const Actor& actor, Case c, core::CaseAction action, const char* audited, Change change) {
    const auto from = c.status;
    const auto before = audit_record(c);
    c.status = transition(c, action);
    change(c);
    save_state(ws, c, from);
    if (core::is_final(c.status)) drop_pending_binding(ws, actor, c);
    audit_case(ws, actor, audited, before, c);
    return c;
}

// An accepted bind application holds its place in the limits as a window submission does: judged
// by the rules today, with its papers, it gets a pending binding.
void hold_place_in_limits(Workspace& ws, const Actor& actor, Case& c) {
    if (!c.policy || !c.authorizer_id || !c.relation)
        throw Refused("case_state", {{"case", c.number}, {"status", core::case_status_name(c.status)}, {"action", "accept"}});
    stores(ws).persons.lock({*c.authorizer_id, c.user_id});
    auto result = check_eligibility(ws, {*c.policy, *c.authorizer_id, c.user_id, *c.relation, china_today(), c.documents});
    if (!result.eligible) throw NotEligible(result);
    core::Binding b;
    b.authorizer_id = *c.authorizer_id;
    b.user_id = c.user_id;
    b.relation = *c.relation;
    b.policy = *c.policy;
    b.status = core::BindingStatus::pending;
    b.deduction_order = stores(ws).bindings.next_order_for_user(c.user_id);
    b.created_at = now();
    b.id = stores(ws).bindings.insert(b);
    stores(ws).cases.set_binding(c.id, b.id);
    c.binding_id = b.id;
    audit_binding(ws, actor, "binding.create", std::nullopt, b.id);
}

}  // namespace

int correction_days(Workspace& ws) {
    return static_cast<int>(number_setting(stores(ws).settings.all(), kCorrectionDays.key).value_or(kDefaultCorrectionDays));
}

void set_correction_days(Workspace& ws, const Actor& actor, const std::string& value) {
    set_number_setting(ws, actor, core::Duty::system, kCorrectionDays, value, "correction_days_invalid");
}

Case accept_case(Workspace& ws, const Actor& actor, const std::string& number) {
    require_window_staff(actor);
    storage::Transaction tx(database(ws));
    auto c = lock_case(ws, number);
    refuse_window_case(c);
    transition(c, core::CaseAction::accept);
    if (c.kind == core::CaseKind::bind && !c.binding_id) hold_place_in_limits(ws, actor, c);
    const auto promised = processing_days(ws);
    auto accepted = move(ws, actor, c, core::CaseAction::accept, "case.accept", [&](Case& k) {
        k.submitted_at = now();
        k.promised_days = promised;
    });
    tx.commit();
    return accepted;
}

Case refuse_case(Workspace& ws, const Actor& actor, const std::string& number, core::NotAcceptedReason reason,
                 const std::optional<std::string>& note) {
    require_window_staff(actor);
    if (reason == core::NotAcceptedReason::other && (!note || note->empty()))
        throw BadInput("--note: required with reason other", {"note_required", {}});
    if (note) require_within(*note, core::kNoteLimit);
    storage::Transaction tx(database(ws));
    auto locked = lock_case(ws, number);
    refuse_window_case(locked);
    auto c = move(ws, actor, locked, core::CaseAction::refuse, "case.refuse", [&](Case& k) {
        k.reason = core::kNotAcceptedReasons.code(reason);
        k.note = note;
        k.decided_by = actor.username;
        k.decided_at = now();
    });
    tx.commit();
    return c;
}

Case ask_correction(Workspace& ws, const Actor& actor, const std::string& number,
                    const std::set<core::DocumentType>& missing, const std::string& note) {
    require_window_staff(actor);
    if (missing.empty())
        throw BadInput("--missing: name every paper that is missing or unclear", {"correction_nothing_missing", {}});
    if (missing.count(core::DocumentType::id_card_read))
        throw BadInput("--missing: a card read is not a paper to bring", {"card_read_not_a_paper", {}});
    require_within(note, core::kNoteLimit);
    const auto calendar = working_calendar(ws);
    const int days = correction_days(ws);
    storage::Transaction tx(database(ws));
    auto c = lock_case(ws, number);
    if (c.correction) throw Refused("correction_once", {{"case", c.number}, {"asked_at", c.correction->asked_at.utc()}});
    const auto from = c.status;
    c = move(ws, actor, c, core::CaseAction::ask_correction, "case.correct", [&](Case& k) {
        core::Correction asked;
        asked.missing = missing;
        asked.note = note;
        asked.asked_at = now();
        asked.due = calendar.add_working_days(asked.asked_at.china_date(), days);
        asked.asked_from = from;
        k.correction = asked;
    });
    tx.commit();
    return c;
}

Case answer_correction(Workspace& ws, const Actor& actor, const std::string& number,
                       const std::vector<CheckedPaper>& brought) {
    require_window_staff(actor);
    storage::Transaction tx(database(ws));
    auto c = lock_case(ws, number);
    transition(c, core::CaseAction::answer_correction);
    for (const auto& paper : brought) {
        store_paper(ws, actor, c.id, c.number, paper);
        if (c.documents.insert(paper.upload->type).second) stores(ws).cases.set_documents(c.id, c.documents);
    }
    std::set<core::DocumentType> still_missing = c.correction->missing;
    for (const auto& paper : stores(ws).documents.list(c.id))
        if (!paper.is_removed() && c.correction->asked_at <= paper.captured_at) still_missing.erase(paper.type);
    if (!still_missing.empty())
        throw Refused("correction_papers_missing",
                      {{"case", c.number}, {"type", core::document_type_name(*still_missing.begin())}});
    c = move(ws, actor, c, core::CaseAction::answer_correction, "case.resume",
             [&](Case& k) { k.correction->answered_at = now(); });
    tx.commit();
    return c;
}

std::vector<Case> expire_corrections(Workspace& ws, const Actor& actor) {
    require_window_staff(actor);
    std::vector<Case> ended;
    for (const auto& number : stores(ws).cases.corrections_due_before(china_today())) {
        storage::Transaction tx(database(ws));
        auto c = lock_case(ws, number);
        if (c.status != CaseStatus::correction) continue;  // answered meanwhile at another window
        c = move(ws, actor, c, core::CaseAction::withdraw, "case.expire", [&](Case& k) {
            k.reason = core::kCorrectionExpired;
            k.decided_by = actor.username;
            k.decided_at = now();
        });
        tx.commit();
        ended.push_back(c);
    }
    return ended;
}

Case deliver_case(Workspace& ws, const Actor& actor, const std::string& number, const std::string& how) {
    require_window_staff(actor);
    if (how != "window" && how != "channel")
        throw BadInput("delivery: \"window\" or \"channel\", not \"" + how + "\"", {"delivery_how_invalid", {{"how", how}}});
    storage::Transaction tx(database(ws));
    auto c = lock_case(ws, number);
    const bool ended = c.is_decided() || c.status == CaseStatus::not_accepted;
    if (!ended) throw Refused("case_state", {{"case", c.number}, {"status", core::case_status_name(c.status)}, {"action", "deliver"}});
    if (c.delivered_at) throw Refused("already_delivered", {{"case", c.number}, {"at", c.delivered_at->utc()}});
    const auto before = audit_record(c);
    c.delivered_at = now();
    c.delivered_how = how;
    save_state(ws, c, c.status);
    audit_case(ws, actor, "case.deliver", before, c);
    tx.commit();
    return c;
}

}  // namespace gongji::app
