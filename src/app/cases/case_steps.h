#pragma once
// The steps every change of a case is made of, shared by the workflow (case_service) and the
// service states (service_states): a number, a new record, the move along the lifecycle, the
// lock, and the audit entries that prove each.
#include <optional>
#include <string>

#include "app/trust/audit.h"
#include "app/trust/auth.h"
#include "app/platform/workspace.h"
#include "core/binding.h"
#include "core/case_record.h"

namespace gongji::app {

inline AuditWho who(const Actor& actor) { return {actor.username, actor.workstation}; }

// Case numbers count through the day. The counter is taken by one statement of its own, before
// the change's transaction: its one row is then locked for that statement, not for a whole
// submission that every other window would queue behind. A change refused afterwards leaves its
// number unused.
std::string take_case_number(Workspace& ws);
core::Case new_case(std::string number, const Actor& actor, core::CaseKind kind, const std::string& user_id,
                    const core::CivilDate& date);

void audit_case(Workspace& ws, const Actor& actor, const char* action, const std::string& before, const core::Case& after);
void audit_binding(Workspace& ws, const Actor& actor, const char* action, const std::optional<core::Binding>& before,
                   long long id);

// The state `action` moves the case to, by core's lifecycle: Refused("already_decided") from a
// final state, Refused("case_state") from one the action does not start from.
core::CaseStatus transition(const core::Case& c, core::CaseAction action);
// Writes the case's new state, with its decision, correction and delivery fields; Refused
// ("already_decided") when another workstation moved it from `from` first.
void save_state(Workspace& ws, const core::Case& c, core::CaseStatus from);

// A bind application that ends without approval leaves no binding behind.
void drop_pending_binding(Workspace& ws, const Actor& actor, core::Case& c);

// Locks the case's people (as every change of their bindings does first), then reads the case
// under its own lock. BadInput when there is no such case.
core::Case lock_case(Workspace& ws, const std::string& number);

}  // namespace gongji::app
