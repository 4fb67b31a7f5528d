#include "storage/user_repository.h"

#include <soci/soci.h>

namespace gongji::storage {

void UserRepository::add(const UserRecord& u) {
    int disabled = u.disabled ? 1 : 0;
    db_.sql() << "INSERT INTO users (username, role, password_salt, password_hash, iterations, disabled, "
                 "failed_logins, created_at) VALUES (:n, :r, :s, :h, :i, :d, 0, :c)",
        soci::use(u.username), soci::use(u.role), soci::use(u.password_salt), soci::use(u.password_hash),
        soci::use(u.iterations), soci::use(disabled), soci::use(u.created_at);
}

std::optional<UserRecord> UserRepository::find(const std::string& username) {
    UserRecord u;
    int disabled = 0;
    std::string locked;
    soci::indicator locked_ind = soci::i_ok;
    soci::statement st =
        (db_.sql().prepare << "SELECT username, role, password_salt, password_hash, iterations, disabled, "
                              "failed_logins, locked_until, created_at FROM users WHERE username = :n",
         soci::into(u.username), soci::into(u.role), soci::into(u.password_salt),
         soci::into(u.password_hash), soci::into(u.iterations), soci::into(disabled),
         soci::into(u.failed_logins), soci::into(locked, locked_ind), soci::into(u.created_at),
         soci::use(username));
    if (!st.execute(true)) return std::nullopt;
    u.disabled = disabled != 0;
    if (locked_ind == soci::i_ok) u.locked_until = locked;
    return u;
}

long long UserRepository::count() {
    long long n = 0;
    db_.sql() << "SELECT count(*) FROM users", soci::into(n);
    return n;
}

}  // namespace gongji::storage
