#include "app/trust/auth.h"

#include <algorithm>

#include <Poco/DigestEngine.h>
#include <Poco/HMACEngine.h>
#include <Poco/PBKDF2Engine.h>
#include <Poco/RandomStream.h>
#include <Poco/SHA2Engine.h>

#include "app/trust/audit.h"
#include "app/trust/duties.h"
#include "app/platform/errors.h"
#include "app/setup/machine_settings.h"
#include "app/trust/passwords.h"
#include "app/platform/stores.h"
#include "core/json_writer.h"

namespace gongji::app {
namespace {

// HMACEngine needs the block and digest sizes as constants of the engine type.
class Sha256Engine : public Poco::SHA2Engine {
public:
    enum { BLOCK_SIZE = 64, DIGEST_SIZE = 32 };
    Sha256Engine() : Poco::SHA2Engine(Poco::SHA2Engine::SHA_256) {}
};

// About 60 ms on this machine: affordable at login, expensive for a guesser.
constexpr int kDefaultIterations = 120000;

std::string derive(const std::string& password, const std::string& salt, int iterations) {
    Poco::PBKDF2Engine<Poco::HMACEngine<Sha256Engine>> engine(salt, static_cast<unsigned>(iterations), 32);
    engine.update(password);
    return Poco::DigestEngine::digestToHex(engine.digest());
}

bool constant_time_equal(const std::string& a, const std::string& b) {
    if (a.size() != b.size()) return false;
    unsigned char diff = 0;
    for (size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

bool valid_username(const std::string& name) {
    if (name.empty() || name.size() > 64) return false;
    for (char c : name)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
              c == '-' || c == '.'))
            return false;
    return true;
}

}  // namespace

PasswordHash hash_password(const std::string& password, int iterations) {
    if (iterations <= 0) iterations = kDefaultIterations;
    Poco::RandomInputStream random;
    std::string raw(16, '\0');
    random.read(&raw[0], static_cast<std::streamsize>(raw.size()));
    Poco::DigestEngine::Digest bytes(raw.begin(), raw.end());
    auto salt = Poco::DigestEngine::digestToHex(bytes);
    return {salt, derive(password, salt, iterations), iterations};
}

bool verify_password(const std::string& password, const PasswordHash& stored) {
    return constant_time_equal(derive(password, stored.salt, stored.iterations), stored.hash);
}

std::string staff_label(const std::string& username, const std::string& full_name) {
    return full_name.empty() ? username : full_name + "（" + username + "）";
}

void add_user(Workspace& ws, const std::string& by, const std::string& username, core::Role role,
              const std::string& password, const std::string& full_name, bool one_time) {
    if (!valid_username(username))
        throw BadInput("username: use 1–64 letters, digits, '.', '_' or '-'", {"username_invalid", {}});
    if (password.empty()) throw BadInput("password: must not be empty", {"password_empty", {}});
    require_within(full_name, core::kStaffNameLimit);
    if (stores(ws).users.find(username))
        throw BadInput("username: \"" + username + "\" already exists", {"username_taken", {{"username", username}}});
    auto h = hash_password(password);
    core::UserAccount u;
    u.username = username;
    u.full_name = full_name;
    u.role = role;
    u.password_salt = h.salt;
    u.password_hash = h.hash;
    u.iterations = h.iterations;
    u.created_at = now();
    u.password_set_at = u.created_at;
    u.must_change_password = one_time;
    storage::Transaction tx(database(ws));
    stores(ws).users.add(u);
    core::JsonWriter after;
    after.begin_object().key("username").value(username).key("full_name").value(full_name).key("role").value(core::role_name(role));
    after.key("credential").value(credential_fingerprint(h)).end_object();
    audit(ws, {by, workstation_name()}, "user.add", "user", username, "", after.str());
    tx.commit();
}

std::string credential_fingerprint(const PasswordHash& stored) {
    Sha256Engine sha;
    sha.update(stored.salt + ":" + stored.hash + ":" + std::to_string(stored.iterations));
    return Poco::DigestEngine::digestToHex(sha.digest()).substr(0, 16);
}

void set_user_disabled(Workspace& ws, const Actor& actor, const std::string& username, bool disabled) {
    require_role(actor, {core::Role::admin});
    auto target = stores(ws).users.find(username);
    if (!target) throw BadInput("username: no user \"" + username + "\"", {"user_unknown", {{"username", username}}});
    storage::Transaction tx(database(ws));
    // Nobody could administer the agency again (and `init` makes no new administrator on a
    // database that has users): the last enabled administrator stays.
    // Where duties are separate, nor does the last of each duty.
    if (disabled && target->role == core::Role::admin && !target->disabled) {
        const bool separate = duties_separated(ws);
        int enabled_admins = 0;
        for (const auto& u : stores(ws).users.list())
            enabled_admins += u.role == core::Role::admin && !u.disabled &&
                              (!separate || account_duty(u) == account_duty(*target));
        if (enabled_admins <= 1)
            throw Refused("last_admin", {{"username", username},
                                         {"duty", separate ? core::duty_name(account_duty(*target)) : ""}});
    }
    stores(ws).users.set_disabled(username, disabled);
    audit(ws, {actor.username, actor.workstation}, disabled ? "user.disable" : "user.enable", "user", username,
          disabled ? "{\"disabled\":false}" : "{\"disabled\":true}",
          disabled ? "{\"disabled\":true}" : "{\"disabled\":false}");
    tx.commit();
}

std::vector<core::UserAccount> list_users(Workspace& ws, const Actor& actor) {
    // Every administrator's to read, whatever the duty: security gives duties, audit checks them.
    if (actor.role != core::Role::admin) require_role(actor, {core::Role::admin});
    return stores(ws).users.list();
}

void reset_password(Workspace& ws, const Actor& actor, const std::string& username, const std::string& password) {
    require_role(actor, {core::Role::admin});
    if (password.empty()) throw BadInput("password: must not be empty", {"password_empty", {}});
    if (!stores(ws).users.find(username))
        throw BadInput("username: no user \"" + username + "\"", {"user_unknown", {{"username", username}}});
    auto h = hash_password(password);
    storage::Transaction tx(database(ws));
    if (!stores(ws).users.set_password(username, h.salt, h.hash, h.iterations, /*must_change=*/true, now()))
        throw Refused("password_not_changed", {{"username", username}});
    audit(ws, {actor.username, actor.workstation}, "user.password", "user", username, "",
          "{\"reset\":true,\"credential\":\"" + credential_fingerprint(h) + "\"}");
    tx.commit();
}

Actor authenticate(Workspace& ws, const std::string& username, const std::string& password) {
    const AuditWho who{username, workstation_name()};
    // The outcome is recorded whatever it is, so it commits before any refusal is thrown.
    auto refuse = [&](Problem problem, const char* action) {
        storage::Transaction tx(database(ws));
        audit(ws, who, action, "user", username, "", "{\"refused\":\"" + problem.code + "\"}");
        tx.commit();
        throw Refused(std::move(problem));
    };
    // Nothing is said of an account before its password is proven: an unknown name, a wrong
    // password, a disabled or locked account all cost one key derivation and get one answer, so
    // neither the words nor the time list the accounts (等保: no enumeration).
    auto user = stores(ws).users.find(username);
    static const PasswordHash kNobody = hash_password("", kDefaultIterations);
    bool proven = user ? verify_password(password, {user->password_salt, user->password_hash, user->iterations})
                       : (verify_password(password, kNobody), false);
    if (!user) refuse({"authentication_failed", {}}, "login.failed");
    // Counted and locked per window: a stranger's guesses elsewhere never lock the owner out here.
    auto failures = stores(ws).users.login_failures(username, who.workstation);
    // And at every window together: a ceiling no new window name walks around.
    const auto account = stores(ws).users.login_failures(username, "");
    bool locked_everywhere = false;
    if (account.locked_until && (!failures.locked_until || *account.locked_until > *failures.locked_until)) {
        failures.locked_until = account.locked_until;
        locked_everywhere = true;
    }
    const bool locked = failures.locked_until && *failures.locked_until > now();
    if (!proven && (locked || user->disabled))  // a guess at a closed account neither counts nor extends its lock
        refuse({"authentication_failed", {}}, "login.failed");
    if (proven && user->disabled) refuse({"forbidden", {{"disabled_user", username}}}, "login.refused");
    if (proven && locked)
        refuse({"locked", {{"until", failures.locked_until->utc()}, {"where", locked_everywhere ? "everywhere" : "here"}}},
               "login.locked");
    if (!proven) {
        bool lock = failures.failed + 1 >= kMaxFailedLogins;
        const auto rule = account_lock_rule(ws);
        const auto at = now();
        storage::Transaction tx(database(ws));
        stores(ws).users.record_failed_login(username, who.workstation,
                                             lock ? std::optional(at.plus(kLockSeconds)) : std::nullopt);
        const int at_all_windows = stores(ws).users.count_account_failure(username, at, at.plus(-60LL * rule.minutes));
        const bool lock_account = at_all_windows >= rule.failures;
        if (lock_account) stores(ws).users.lock_account(username, at.plus(kLockSeconds));
        core::JsonWriter detail;
        detail.begin_object().key("failed_logins").value(failures.failed + 1).key("at_all_windows").value(at_all_windows);
        if (lock_account) detail.key("account_locked").value(true);
        audit(ws, who, lock || lock_account ? "login.lock" : "login.failed", "user", username, "", detail.end_object().str());
        tx.commit();
        throw Refused("authentication_failed");  // locked now or not: said only to the right password
    }
    storage::Transaction tx(database(ws));
    stores(ws).users.record_login(username, who.workstation);
    Actor actor{user->username, user->role, who.workstation, user->full_name};
    actor.password_change = password_change_due(ws, *user);
    actor.duty = duty_in_force(ws, *user);
    core::JsonWriter outcome;
    outcome.begin_object().key("role").value(core::role_name(user->role));
    if (actor.password_change != PasswordChange::none)
        outcome.key("password_change").value(kPasswordChanges.code(actor.password_change));
    if (actor.duty != core::Duty::all) outcome.key("duty").value(core::duty_name(actor.duty));
    audit(ws, who, "login", "user", username, "", outcome.end_object().str());
    tx.commit();
    return actor;
}

void log_out(Workspace& ws, const Actor& actor) {
    storage::Transaction tx(database(ws));
    audit(ws, {actor.username, actor.workstation}, "logout", "user", actor.username, "", "");
    tx.commit();
}

void require_role(const Actor& actor, std::initializer_list<core::Role> roles) {
    const bool system_work = actor.role != core::Role::admin || actor.duty == core::Duty::all ||
                             actor.duty == core::Duty::system;
    for (auto r : roles)
        if (actor.role == r && system_work) return;
    // An administrator of another duty where system administration may: said as the duty needed.
    const bool admins_may = std::find(roles.begin(), roles.end(), core::Role::admin) != roles.end();
    if (actor.role == core::Role::admin && admins_may)
        throw Refused("forbidden", {{"role", std::string("admin:") + core::duty_name(actor.duty)}, {"needs", "admin:system"}});
    std::string allowed;
    for (auto r : roles) allowed += (allowed.empty() ? "" : ", ") + std::string(core::role_name(r));
    throw Refused("forbidden", {{"role", core::role_name(actor.role)}, {"needs", allowed}});
}

void require_duty(const Actor& actor, core::Duty duty) {
    if (actor.role == core::Role::admin && (actor.duty == core::Duty::all || actor.duty == duty)) return;
    throw Refused("forbidden", {{"role", core::role_name(actor.role) + std::string(actor.role == core::Role::admin ? ":" : "") +
                                             (actor.role == core::Role::admin ? core::duty_name(actor.duty) : "")},
                                {"needs", std::string("admin:") + core::duty_name(duty)}});
}

}  // namespace gongji::app
