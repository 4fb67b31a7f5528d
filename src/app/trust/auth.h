#pragma once
// Users, roles and passwords. Roles are checked here so the CLI and the desktop app obey the
// same rules.
#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

#include "app/platform/workspace.h"
#include "core/code_table.h"
#include "core/role.h"

namespace gongji::app {

// Why an account's holder must choose a new password before working: none, or the codes the CLI
// and the login outcome say ("set_by_administrator", "expired").
enum class PasswordChange { none, set_by_administrator, expired };
inline constexpr core::CodeTable<PasswordChange, 3> kPasswordChanges{{
    {PasswordChange::none, ""},
    {PasswordChange::set_by_administrator, "set_by_administrator"},
    {PasswordChange::expired, "expired"},
}};

struct Actor {
    Actor() = default;
    Actor(std::string username_, core::Role role_, std::string workstation_, std::string full_name_ = "")
        : username(std::move(username_)), role(role_), workstation(std::move(workstation_)),
          full_name(std::move(full_name_)) {}
    std::string username;
    core::Role role = core::Role::clerk;
    std::string workstation;
    std::string full_name;  // empty when the account has none
    // Set at login when the holder must choose a new password first (app/trust/passwords.h).
    PasswordChange password_change = PasswordChange::none;
    // An administrator's duty in force (core::Duty): `all` unless the agency separates them.
    core::Duty duty = core::Duty::all;
};

// How papers name a member of staff: "韦丽华（clerk）", or the login alone when no name is kept.
std::string staff_label(const std::string& username, const std::string& full_name);

// PBKDF2-HMAC-SHA256 with a per-user random salt; hex-encoded.
struct PasswordHash {
    std::string salt;
    std::string hash;
    int iterations = 0;
};
PasswordHash hash_password(const std::string& password, int iterations = 0);  // 0: the default
bool verify_password(const std::string& password, const PasswordHash& stored);
// What the audit log records of a stored password: 16 hex digits of SHA-256 over its salt,
// hash and iterations — enough to find a hash set behind the log (app/trust/state_check.h), nothing a
// guess can be checked against faster than the PBKDF2 it stands for.
std::string credential_fingerprint(const PasswordHash& stored);

// Creates a user (audited as `by`); BadInput for a bad name or empty password, or a name
// already taken. `one_time`: the password was chosen by someone else, and its holder must choose
// their own at the first login (app/trust/passwords.h).
void add_user(Workspace& ws, const std::string& by, const std::string& username, core::Role role,
              const std::string& password, const std::string& full_name = "", bool one_time = true);
// Disables or re-enables a user (admin only); a disabled user cannot log in.
void set_user_disabled(Workspace& ws, const Actor& actor, const std::string& username, bool disabled);

// Every user with role, state and lock (admin only).
std::vector<core::UserAccount> list_users(Workspace& ws, const Actor& actor);
// Sets a forgotten password anew and lifts a lock (admin only, audited without the password);
// the holder must choose their own at the next login.
void reset_password(Workspace& ws, const Actor& actor, const std::string& username, const std::string& password);

constexpr int kMaxFailedLogins = 5;
constexpr long long kLockSeconds = 15 * 60;

// Logs in: every attempt is audited. Refused("authentication_failed") for an unknown user or a
// wrong password; the fifth wrong password in a row at a window locks the account at that window
// for 15 minutes: Refused("locked") there until then, even with the right password (said only to
// the right password); Refused("forbidden") for a disabled account.
Actor authenticate(Workspace& ws, const std::string& username, const std::string& password);

// The end of a session at a window (log out, change of user), in the audit log beside the login.
void log_out(Workspace& ws, const Actor& actor);

// Refused("forbidden") unless the actor has one of `roles`. Where duties are separate, an
// administrator's work is the system administrator's: one for security or audit is refused.
void require_role(const Actor& actor, std::initializer_list<core::Role> roles);
// Refused("forbidden") unless the actor is an administrator with this duty (or all of them).
void require_duty(const Actor& actor, core::Duty duty);

}  // namespace gongji::app
