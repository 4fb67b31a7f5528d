#include "app/trust/passwords.h"

#include "app/trust/audit.h"
#include "app/platform/clock.h"
#include "app/platform/errors.h"
#include "app/setup/number_setting.h"
#include "app/setup/settings.h"
#include "app/platform/stores.h"

namespace gongji::app {
namespace {

constexpr NumberSetting kRules[] = {{"password_min_length", 4, 64},
                                    {"password_min_classes", 1, 4},
                                    {"password_max_age_days", 0, 3650},
                                    {"password_history", 0, 24}};
constexpr long long kSecondsPerDay = 24 * 60 * 60;
constexpr NumberSetting kAccountLimit{"login_account_limit", 5, 1000}, kAccountPeriod{"login_account_period_minutes", 1, 10080};

}  // namespace

core::PasswordRules password_rules(Workspace& ws) {
    core::PasswordRules rules;
    int* fields[] = {&rules.min_length, &rules.min_classes, &rules.max_age_days, &rules.history};
    const auto settings = stores(ws).settings.all();  // the four in one look-up
    for (std::size_t i = 0; i < std::size(kRules); ++i)
        if (auto n = number_setting(settings, kRules[i].key)) *fields[i] = static_cast<int>(*n);
    return rules;
}

AccountLockRule account_lock_rule(Workspace& ws) {
    AccountLockRule rule;
    const auto settings = stores(ws).settings.all();
    if (auto n = number_setting(settings, kAccountLimit.key)) rule.failures = static_cast<int>(*n);
    if (auto n = number_setting(settings, kAccountPeriod.key)) rule.minutes = static_cast<int>(*n);
    return rule;
}

bool is_password_setting(const std::string& key) {
    if (key == "cli_password_change" || key == kAccountLimit.key || key == kAccountPeriod.key) return true;
    for (const auto& r : kRules)
        if (key == r.key) return true;
    return false;
}

void set_password_setting(Workspace& ws, const Actor& actor, const std::string& key, const std::string& value) {
    if (key == "cli_password_change") {
        require_duty(actor, core::Duty::security);
        if (value != "warn" && value != "require")
            throw BadInput("cli_password_change: warn or require, not \"" + value + "\"",
                           {"password_setting_invalid", {{"key", key}, {"value", value}}});
        return change_setting(ws, actor, key, value);
    }
    for (const auto& r : {kRules[0], kRules[1], kRules[2], kRules[3], kAccountLimit, kAccountPeriod})
        if (key == r.key) return set_number_setting(ws, actor, core::Duty::security, r, value, "password_setting_invalid");
    throw BadInput("unknown password setting " + key, {"password_setting_invalid", {{"key", key}, {"value", value}}});
}

bool cli_requires_password_change(Workspace& ws) { return setting(ws, "cli_password_change") == std::string("require"); }

PasswordChange password_change_due(Workspace& ws, const core::UserAccount& account) {
    if (account.must_change_password) return PasswordChange::set_by_administrator;
    auto rules = password_rules(ws);
    auto set_at = account.password_set_at.value_or(account.created_at);
    if (rules.max_age_days > 0 && now().seconds - set_at.seconds >= rules.max_age_days * kSecondsPerDay) return PasswordChange::expired;
    return PasswordChange::none;
}

void change_own_password(Workspace& ws, Actor& actor, const std::string& current, const std::string& chosen) {
    auto account = stores(ws).users.find(actor.username);
    if (!account || !verify_password(current, {account->password_salt, account->password_hash, account->iterations}))
        throw Refused("authentication_failed");
    auto rules = password_rules(ws);
    if (auto issue = core::check_password(rules, chosen, actor.username))
        throw BadInput("new password: " + issue->message, {issue->code, issue->params});
    // The current one and the ones before it, as many as the rules remember.
    bool reused = rules.history > 0 && chosen == current;
    if (!reused && rules.history > 1)
        for (const auto& earlier : stores(ws).users.earlier_passwords(actor.username, rules.history - 1))
            if (verify_password(chosen, {earlier.salt, earlier.hash, earlier.iterations})) reused = true;
    if (reused)
        throw BadInput("new password: one of the last " + std::to_string(rules.history) + " may not be chosen again",
                       {"password_reused", {{"history", std::to_string(rules.history)}}});
    auto h = hash_password(chosen);
    storage::Transaction tx(database(ws));
    if (!stores(ws).users.set_password(actor.username, h.salt, h.hash, h.iterations, false, now()))
        throw Refused("password_not_changed", {{"username", actor.username}});
    audit(ws, {actor.username, actor.workstation}, "user.password", "user", actor.username, "",
          "{\"changed_by\":\"holder\",\"credential\":\"" + credential_fingerprint(h) + "\"}");
    tx.commit();
    actor.password_change = PasswordChange::none;
}

}  // namespace gongji::app
