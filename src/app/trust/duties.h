#pragma once
// Three separate duties where the agency wants them (等保 level 3, 三权分立): the system
// administrator keeps users, imports, profiles, settings and backups; the security
// administrator the password rules, document limits and who has which duty; the audit
// administrator sees who looked at whose data. Off, every administrator does all three.
#include <string>

#include "app/trust/auth.h"
#include "app/platform/workspace.h"

namespace gongji::app {

bool duties_separated(Workspace& ws);
// An administrator account's duty where duties are separate (none counts as the system's).
core::Duty account_duty(const core::UserAccount& account);
// What an account may do at login: `all` unless duties are separate and it is an administrator.
core::Duty duty_in_force(Workspace& ws, const core::UserAccount& account);

// Turning it on (an administrator): Refused("duties_unstaffed", {duty}) unless an enabled
// administrator holds each of security and audit. Turning it off: the security administrator's.
void set_duties_separated(Workspace& ws, const Actor& actor, bool separated);
// Gives an administrator account a duty (system, security, audit): any administrator while
// duties are not separate, then only the security administrator, never for their own account.
void set_user_duty(Workspace& ws, const Actor& actor, const std::string& username, core::Duty duty);

}  // namespace gongji::app
