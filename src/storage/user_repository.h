#pragma once
// Users of the application; passwords only as salted PBKDF2 hashes.
#include <optional>
#include <string>

#include "storage/database.h"

namespace gongji::storage {

struct UserRecord {
    std::string username;
    std::string role;  // clerk, supervisor, admin
    std::string password_salt;  // hex
    std::string password_hash;  // hex
    int iterations = 0;
    bool disabled = false;
    int failed_logins = 0;
    std::optional<std::string> locked_until;
    std::string created_at;
};

class UserRepository {
public:
    explicit UserRepository(Database& db) : db_(db) {}
    void add(const UserRecord& user);  // throws when the name is taken
    std::optional<UserRecord> find(const std::string& username);
    long long count();

private:
    Database& db_;
};

}  // namespace gongji::storage
