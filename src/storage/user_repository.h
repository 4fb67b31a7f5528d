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
    // Wrong passwords at one window: how many in a row, and the lock they led to.
    struct LoginFailures {
        int failed = 0;
        std::optional<core::Instant> locked_until;
    };
    LoginFailures login_failures(const std::string& username, const std::string& workstation);
    // A wrong password at a window: counts it there, and locks the account there until
    // `lock_until` when given (the count starts again).
    void record_failed_login(const std::string& username, const std::string& workstation,
                             const std::optional<core::Instant>& lock_until);
    void record_login(const std::string& username, const std::string& workstation);  // clears that window's
    // The account's wrong passwords at every window together (the row of workstation ""), counted
    // from the first at or after `period_start` (an older count starts again with this one): the
    // count with this one. A login does not clear it: only the period does.
    int count_account_failure(const std::string& username, const core::Instant& at, const core::Instant& period_start);
    void lock_account(const std::string& username, const core::Instant& until);  // at every window, count restarted
    void set_disabled(const std::string& username, bool disabled);
    void set_duty(const std::string& username, core::Duty duty);
    // A new password, set at `at`; clears the failed-login counts and locks at every window. The one it replaces
    // goes into the account's password history.
    bool set_password(const std::string& username, const std::string& salt, const std::string& hash, int iterations,
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
