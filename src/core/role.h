#pragma once
// Who may do what at the agency (domain.md §7): the roles an account has.
#include <optional>
#include <string>
#include <string_view>

#include "core/code_table.h"
#include "core/instant.h"

namespace gongji::core {

enum class Role { clerk, supervisor, admin };
inline constexpr CodeTable<Role, 3> kRoles{{
    {Role::clerk, "clerk"},
    {Role::supervisor, "supervisor"},
    {Role::admin, "admin"},
}};
inline const char* role_name(Role r) { return kRoles.code(r); }
inline std::optional<Role> parse_role(std::string_view s) { return kRoles.parse(s); }

// An administrator's duty where the agency separates them (等保 level 3, 三权分立): the system's
// (users, imports, profiles, settings, backups), security's (password rules, resets, document
// limits) or audit's (who looked at whose data). `all` where it does not; `none` is an account's
// before one was given (the system's when duties are separate).
enum class Duty { none, all, system, security, audit };
inline constexpr CodeTable<Duty, 5> kDuties{{
    {Duty::none, ""},
    {Duty::all, "all"},
    {Duty::system, "system"},
    {Duty::security, "security"},
    {Duty::audit, "audit"},
}};
inline const char* duty_name(Duty d) { return kDuties.code(d); }
// An account's duty: none, system, security or audit ("all" is the agency's, never an account's).
std::optional<Duty> parse_duty(std::string_view s);

// An account as kept by the agency.
struct UserAccount {
    std::string username;
    Role role = Role::clerk;
    std::string password_salt;  // hex
    std::string password_hash;  // hex
    int iterations = 0;
    bool disabled = false;
    // Wrong passwords are counted per window (storage login_failures); this is the latest lock at
    // any window, for the administrator's list.
    std::optional<Instant> locked_until;
    Instant created_at;
    std::string full_name = "";  // 姓名 as printed on papers; empty for accounts made without one
    std::optional<Instant> password_set_at = std::nullopt;  // none for accounts from before it was kept
    bool must_change_password = false;  // set by an administrator: the holder chooses a new one
    Duty duty = Duty::none;             // administrators only
    std::string locked_at = "";         // the window of locked_until
};

}  // namespace gongji::core
