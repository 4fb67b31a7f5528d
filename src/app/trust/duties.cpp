#include "app/trust/duties.h"

#include "app/trust/audit.h"
#include "app/platform/errors.h"
#include "app/setup/settings.h"
#include "app/platform/stores.h"

namespace gongji::app {

bool duties_separated(Workspace& ws) { return setting(ws, "separate_duties") == std::string("on"); }

core::Duty account_duty(const core::UserAccount& account) {
    return account.duty == core::Duty::none ? core::Duty::system : account.duty;
}

core::Duty duty_in_force(Workspace& ws, const core::UserAccount& account) {
    if (account.role != core::Role::admin || !duties_separated(ws)) return core::Duty::all;
    return account_duty(account);
}

void set_duties_separated(Workspace& ws, const Actor& actor, bool separated) {
    if (separated == duties_separated(ws)) return;
    if (!separated) {
        require_duty(actor, core::Duty::security);  // the system administrator cannot take them back
        return change_setting(ws, actor, "separate_duties", "off");
    }
    require_role(actor, {core::Role::admin});
    for (auto needed : {core::Duty::security, core::Duty::audit}) {
        bool staffed = false;
        for (const auto& u : stores(ws).users.list())
            staffed |= u.role == core::Role::admin && !u.disabled && u.duty == needed;
        if (!staffed) throw Refused("duties_unstaffed", {{"duty", core::duty_name(needed)}});
    }
    change_setting(ws, actor, "separate_duties", "on");
}

void set_user_duty(Workspace& ws, const Actor& actor, const std::string& username, core::Duty duty) {
    if (duties_separated(ws)) require_duty(actor, core::Duty::security);
    else require_role(actor, {core::Role::admin});
    if (duties_separated(ws) && username == actor.username) throw Refused("forbidden", {{"own_duty", username}});
    auto target = stores(ws).users.find(username);
    if (!target) throw BadInput("username: no user \"" + username + "\"", {"user_unknown", {{"username", username}}});
    if (target->role != core::Role::admin || duty == core::Duty::all || duty == core::Duty::none)
        throw BadInput("duty: system, security or audit, for an administrator", {"duty_invalid", {{"username", username}}});
    storage::Transaction tx(database(ws));
    stores(ws).users.set_duty(username, duty);
    audit(ws, {actor.username, actor.workstation}, "user.duty", "user", username,
          std::string("{\"duty\":\"") + core::duty_name(target->duty) + "\"}",
          std::string("{\"duty\":\"") + core::duty_name(duty) + "\"}");
    tx.commit();
}

}  // namespace gongji::app
