#include "app/cases/case_steps.h"

#include "app/cases/case_service.h"
#include "app/platform/clock.h"
#include "app/platform/errors.h"
#include "app/platform/stores.h"
#include "app/trust/audit_record.h"
#include "core/case_rules.h"
#include "core/json_writer.h"

namespace gongji::app {

using core::Binding;
using core::Case;

std::string take_case_number(Workspace& ws) {
    auto today = china_today();
    auto day = today.to_string();
    return core::format_case_number(today, stores(ws).cases.next_sequence(day.substr(0, 4) + day.substr(5, 2) + day.substr(8, 2)));
}

Case new_case(std::string number, const Actor& actor, core::CaseKind kind, const std::string& user_id,
              const core::CivilDate& date) {
    Case c;
    c.number = std::move(number);
    c.kind = kind;
    c.user_id = user_id;
    c.application_date = date;
    c.created_by = actor.username;
    c.workstation = actor.workstation;
    c.created_at = now();
    return c;
}

namespace {

// What an online case's channel reads of a change in its events feed (interfaces.md third set):
// the state, and what the applicant is told of it — reason and note, or the papers asked for.
core::CaseEvent channel_event(const std::string& action, const Case& c) {
    core::CaseEvent e;
    e.via = core::kVias.code(*c.via);
    e.case_no = c.number;
    e.apply_no = *c.apply_no;
    e.action = action.substr(action.find('.') + 1);
    e.state = core::case_status_name(c.status);
    e.at = now();
    core::JsonWriter detail;
    detail.begin_object();
    if (c.correction && e.action == "correct") {
        detail.key("missing").begin_array();
        for (auto d : c.correction->missing) detail.value(core::document_type_name(d));
        detail.end_array().key("note").value(c.correction->note).key("due").value(c.correction->due.to_string());
    } else {
        if (c.reason) detail.key("reason").value(*c.reason);
        if (c.note) detail.key("note").value(*c.note);
    }
    detail.end_object();
    e.detail = detail.str();
    return e;
}

}  // namespace

void audit_case(Workspace& ws, const Actor& actor, const char* action, const std::string& before, const Case& after) {
    audit(ws, who(actor), action, "case", after.number, before, audit_record(after));
    if (after.channel != core::Channel::online || !after.via || !after.apply_no) return;
    auto& db = database(ws);
    if (db.in_transaction()) {
        db.pending_case_events().push_back(channel_event(action, after));
        return;
    }
    storage::Transaction tx(db);
    db.pending_case_events().push_back(channel_event(action, after));
    tx.commit();
}

void audit_binding(Workspace& ws, const Actor& actor, const char* action, const std::optional<Binding>& before,
                   long long id) {
    auto after = stores(ws).bindings.find(id);
    audit(ws, who(actor), action, "binding", std::to_string(id), before ? audit_record(*before) : "",
          after ? audit_record(*after) : "");
}

core::CaseStatus transition(const Case& c, core::CaseAction action) {
    auto to = core::next_status(c.status, action, c.correction ? c.correction->asked_from : core::CaseStatus::submitted);
    if (to) return *to;
    if (core::is_final(c.status))
        throw Refused("already_decided", {{"case", c.number}, {"status", core::case_status_name(c.status)}});
    throw Refused("case_state", {{"case", c.number}, {"status", core::case_status_name(c.status)},
                                 {"action", core::case_action_name(action)}});
}

void save_state(Workspace& ws, const Case& c, core::CaseStatus from) {
    if (!stores(ws).cases.update_status(c, from)) throw Refused("already_decided", {{"case", c.number}});
}

void drop_pending_binding(Workspace& ws, const Actor& actor, Case& c) {
    if (c.kind != core::CaseKind::bind || !c.binding_id) return;  // a rebind keeps its legacy binding
    auto binding_before = stores(ws).bindings.find(*c.binding_id);
    stores(ws).cases.set_binding(c.id, std::nullopt);
    stores(ws).bindings.remove_pending(*c.binding_id);
    audit(ws, who(actor), "binding.remove", "binding", std::to_string(*c.binding_id),
          binding_before ? audit_record(*binding_before) : "", "");
    c.binding_id.reset();
}

Case lock_case(Workspace& ws, const std::string& number) {
    stores(ws).cases.lock_people_of(number);
    auto c = stores(ws).cases.find(number, /*for_update=*/true);
    if (!c) return find_case(ws, number);  // says there is no such case
    return *c;
}

}  // namespace gongji::app
