#include "storage/user_repository.h"

#include <soci/soci.h>

#include "storage/row_values.h"

namespace gongji::storage {

void UserRepository::add(const UserRecord& u) {
    int disabled = u.disabled ? 1 : 0, must_change = u.must_change_password ? 1 : 0;
    std::string role = core::role_name(u.role), created_at = u.created_at.utc(), duty = core::duty_name(u.duty);
    std::string set_at = u.password_set_at.value_or(u.created_at).utc();
    db_.sql() << "INSERT INTO users (username, full_name, role, password_salt, password_hash, iterations, disabled, "
                 "failed_logins, created_at, password_set_at, must_change_password, duty) "
                 "VALUES (:n, :f, :r, :s, :h, :i, :d, 0, :c, :p, :m, :duty)",
        soci::use(u.username), soci::use(u.full_name), soci::use(role), soci::use(u.password_salt), soci::use(u.password_hash),
        soci::use(u.iterations), soci::use(disabled), soci::use(created_at), soci::use(set_at), soci::use(must_change),
        soci::use(duty);
}

std::optional<UserRecord> UserRepository::find(const std::string& username) {
    UserRecord u;
    int disabled = 0, must_change = 0;
    std::string locked, role, created_at, set_at, duty;
    soci::indicator locked_ind = soci::i_ok, set_at_ind = soci::i_ok;
    db_.sql() << "SELECT username, full_name, role, password_salt, password_hash, iterations, disabled, "
                 "(SELECT max(locked_until) FROM login_failures f WHERE f.username = users.username), created_at, "
                 "password_set_at, must_change_password, duty, "
                 // '*': locked at every window (the account's count over all of them)
                 "COALESCE((SELECT CASE WHEN workstation = '' THEN '*' ELSE workstation END FROM login_failures f "
                 "WHERE f.username = users.username AND f.locked_until IS NOT NULL ORDER BY f.locked_until DESC LIMIT 1), '') "
                 "FROM users WHERE username = :n",
        soci::into(u.username), soci::into(u.full_name), soci::into(role), soci::into(u.password_salt),
        soci::into(u.password_hash), soci::into(u.iterations), soci::into(disabled),
        soci::into(locked, locked_ind), soci::into(created_at), soci::into(set_at, set_at_ind), soci::into(must_change),
        soci::into(duty), soci::into(u.locked_at), soci::use(username);
    if (!db_.sql().got_data()) return std::nullopt;
    u.disabled = disabled != 0;
    u.must_change_password = must_change != 0;
    if (locked_ind == soci::i_ok) u.locked_until = instant_of_text(locked);
    if (set_at_ind == soci::i_ok) u.password_set_at = instant_of_text(set_at);
    u.created_at = instant_of_text(created_at);
    auto parsed = core::parse_role(role);
    if (!parsed) throw soci::soci_error("users: unknown role \"" + role + "\"");
    u.role = *parsed;
    u.duty = core::parse_duty(duty).value_or(core::Duty::none);
    return u;
}

std::vector<UserRecord> UserRepository::list() {
    std::vector<UserRecord> out;
    std::vector<std::string> names;
    soci::rowset<std::string> rows = (db_.sql().prepare << "SELECT username FROM users ORDER BY username");
    for (const auto& n : rows) names.push_back(n);
    for (const auto& n : names) out.push_back(*find(n));
    return out;
}

UserRepository::LoginFailures UserRepository::login_failures(const std::string& username, const std::string& workstation) {
    LoginFailures f;
    std::string locked;
    soci::indicator locked_ind = soci::i_null;
    db_.sql() << "SELECT failed, locked_until FROM login_failures WHERE username = :n AND workstation = :w",
        soci::into(f.failed), soci::into(locked, locked_ind), soci::use(username), soci::use(workstation);
    if (db_.sql().got_data() && locked_ind == soci::i_ok) f.locked_until = instant_of_text(locked);
    return f;
}

void UserRepository::record_failed_login(const std::string& username, const std::string& workstation,
                                         const std::optional<core::Instant>& lock_until) {
    std::string until = lock_until ? lock_until->utc() : "";
    soci::indicator ind = lock_until ? soci::i_ok : soci::i_null;
    // A lock also restarts the count, so the next five tries after it are counted afresh.
    db_.sql() << "INSERT INTO login_failures (username, workstation, failed, locked_until) VALUES (:n, :w, 1, :lock) "
                 "ON CONFLICT (username, workstation) DO UPDATE SET "
                 "failed = CASE WHEN excluded.locked_until IS NULL THEN login_failures.failed + 1 ELSE 0 END, "
                 "locked_until = COALESCE(excluded.locked_until, login_failures.locked_until)",
        soci::use(username), soci::use(workstation), soci::use(until, ind);
}

int UserRepository::count_account_failure(const std::string& username, const core::Instant& at,
                                          const core::Instant& period_start) {
    const auto now = at.utc(), since = period_start.utc();
    int failed = 0;
    // One statement: a count begun before the period starts again with this failure.
    db_.sql() << "INSERT INTO login_failures (username, workstation, failed, counting_since) VALUES (:n, '', 1, :at) "
                 "ON CONFLICT (username, workstation) DO UPDATE SET "
                 "failed = CASE WHEN login_failures.counting_since IS NULL OR login_failures.counting_since < :since "
                 "THEN 1 ELSE login_failures.failed + 1 END, "
                 "counting_since = CASE WHEN login_failures.counting_since IS NULL OR login_failures.counting_since < :since2 "
                 "THEN excluded.counting_since ELSE login_failures.counting_since END "
                 "RETURNING failed",
        soci::use(username), soci::use(now), soci::use(since), soci::use(since), soci::into(failed);
    return failed;
}

void UserRepository::lock_account(const std::string& username, const core::Instant& until) {
    const auto text = until.utc();
    db_.sql() << "UPDATE login_failures SET locked_until = :u, failed = 0, counting_since = NULL "
                 "WHERE username = :n AND workstation = ''",
        soci::use(text), soci::use(username);
}

void UserRepository::record_login(const std::string& username, const std::string& workstation) {
    db_.sql() << "DELETE FROM login_failures WHERE username = :n AND workstation = :w", soci::use(username),
        soci::use(workstation);
}

void UserRepository::set_disabled(const std::string& username, bool disabled) {
    int flag = disabled ? 1 : 0;
    db_.sql() << "UPDATE users SET disabled = :d WHERE username = :n", soci::use(flag), soci::use(username);
}

void UserRepository::set_duty(const std::string& username, core::Duty duty) {
    std::string name = core::duty_name(duty);
    db_.sql() << "UPDATE users SET duty = :d WHERE username = :n", soci::use(name), soci::use(username);
}

bool UserRepository::set_password(const std::string& username, const std::string& salt, const std::string& hash,
                                  int iterations, bool must_change, const core::Instant& at) {
    const std::string at_text = at.utc();
    const int must = must_change ? 1 : 0;
    db_.sql() << "INSERT INTO password_history (username, password_salt, password_hash, iterations, replaced_at) "
                 "SELECT username, password_salt, password_hash, iterations, :at FROM users WHERE username = :n",
        soci::use(at_text), soci::use(username);
    soci::statement update = (db_.sql().prepare << "UPDATE users SET password_salt = :s, password_hash = :h, iterations = :i, "
                                                   "password_set_at = :at, must_change_password = :m WHERE username = :n",
                              soci::use(salt), soci::use(hash), soci::use(iterations), soci::use(at_text), soci::use(must),
                              soci::use(username));
    update.execute(true);
    // PostgreSQL's row security lets the windows' role change no administrator's row: no row,
    // no error.
    if (update.get_affected_rows() != 1) return false;
    db_.sql() << "DELETE FROM login_failures WHERE username = :n", soci::use(username);
    return true;
}

std::vector<UserRepository::StoredPassword> UserRepository::earlier_passwords(const std::string& username, int n) {
    std::vector<StoredPassword> out;
    soci::rowset<soci::row> rows =
        (db_.sql().prepare << "SELECT password_salt, password_hash, iterations FROM password_history "
                              "WHERE username = :n ORDER BY replaced_at DESC LIMIT :k",
         soci::use(username), soci::use(n));
    for (const auto& r : rows) out.push_back({r.get<std::string>(0), r.get<std::string>(1), static_cast<int>(row_integer(r, 2))});
    return out;
}

long long UserRepository::count() {
    long long n = 0;
    db_.sql() << "SELECT count(*) FROM users", soci::into(n);
    return n;
}

}  // namespace gongji::storage
