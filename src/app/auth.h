#pragma once
// Users, roles and passwords. Roles are checked here so the CLI and the desktop app obey the
// same rules.
#include <initializer_list>
#include <string>

#include "app/workspace.h"

namespace gongji::app {

struct Actor {
    std::string username;
    std::string role;  // clerk, supervisor, admin
};

bool is_role(const std::string& role);

// PBKDF2-HMAC-SHA256 with a per-user random salt; hex-encoded.
struct PasswordHash {
    std::string salt;
    std::string hash;
    int iterations = 0;
};
PasswordHash hash_password(const std::string& password, int iterations = 0);  // 0: the default
bool verify_password(const std::string& password, const PasswordHash& stored);

// Creates a user; BadInput for a bad name, role or empty password, or a name already taken.
void add_user(Workspace& ws, const std::string& username, const std::string& role,
              const std::string& password);

// Checks the password; Refused("authentication_failed") for an unknown user or wrong password,
// Refused("forbidden") for a disabled account.
Actor authenticate(Workspace& ws, const std::string& username, const std::string& password);

// Refused("forbidden") unless the actor has one of `roles`.
void require_role(const Actor& actor, std::initializer_list<const char*> roles);

}  // namespace gongji::app
