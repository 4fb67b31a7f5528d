#pragma once
// The agency's password rules (等保 level 3) and a holder changing their own password.
// Passwords an administrator sets (a new account's, a reset one, the demo's) are for one login:
// the holder is asked for a new one then, as they are when theirs is older than the rules allow.
// The desktop app always asks; the command line, run by scripts, warns unless the agency sets
// `cli_password_change` to `require`.
#include <string>

#include "app/trust/auth.h"
#include "app/platform/workspace.h"
#include "core/password_rules.h"

namespace gongji::app {

// password_min_length (4–64), password_min_classes (1–4), password_max_age_days (0–3650, 0
// never), password_history (0–24); unset: core::PasswordRules' defaults.
core::PasswordRules password_rules(Workspace& ws);
// Beside the per-window count (auth.h), an account locks at every window after `failures` wrong
// passwords at all windows together within `minutes`: login_account_limit (5–1000, default 20),
// login_account_period_minutes (1–10080, default 60).
struct AccountLockRule {
    int failures = 20;
    int minutes = 60;
};
AccountLockRule account_lock_rule(Workspace& ws);
bool is_password_setting(const std::string& key);  // the four above, the two of the lock, cli_password_change
// Administrator only; BadInput("password_setting_invalid") for a value out of bounds.
void set_password_setting(Workspace& ws, const Actor& actor, const std::string& key, const std::string& value);
// Whether the command line refuses (rather than warns) an account that must change its password.
bool cli_requires_password_change(Workspace& ws);

// Why the holder must choose a new password at this login, if they must.
PasswordChange password_change_due(Workspace& ws, const core::UserAccount& account);

// The holder's own change, audited without the passwords. Refused("authentication_failed") for
// a wrong current password; BadInput with the rule's code (password_too_short,
// password_too_few_classes, password_has_username, password_reused) for a new one that breaks
// the rules.
void change_own_password(Workspace& ws, Actor& actor, const std::string& current, const std::string& chosen);

}  // namespace gongji::app
