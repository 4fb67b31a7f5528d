#pragma once
// Users of the application; passwords only as salted PBKDF2 hashes.
#include <optional>
#include <string>
#include <vector>

#include "core/role.h"
#include "storage/database.h"

namespace gongji::storage {

using UserRecord = core::UserAccount;

class UserRepository {
public:
    explicit UserRepository(Database& db) : db_(db) {}
    void add(const UserRecord& user);  // throws when the name is taken
    std::optional<UserRecord> find(const std::string& username);
    std::vector<UserRecord> list();
    long long count();
    // A wrong password: counts it, and locks the account until `lock_until` when given.
    void record_failed_login(const std::string& username, const std::optional<core::Instant>& lock_until);
    void record_login(const std::string& username);  // clears the count and any lock
    void set_disabled(const std::string& username, bool disabled);
    void set_duty(const std::string& username, core::Duty duty);
    // A new password, set at `at`; clears the failed-login count and any lock. The one it replaces
    // goes into the account's password history.
    void set_password(const std::string& username, const std::string& salt, const std::string& hash, int iterations,
                      bool must_change, const core::Instant& at);
    struct StoredPassword {
        std::string salt, hash;
        int iterations = 0;
    };
    // The `n` passwords the account had before its current one, newest first.
    std::vector<StoredPassword> earlier_passwords(const std::string& username, int n);

private:
    Database& db_;
};

}  // namespace gongji::storage
