#include "app/setup/settings.h"

#include "app/trust/audit.h"
#include "app/platform/stores.h"
#include "storage/database.h"

namespace gongji::app {

AgencySettings agency_settings(Workspace& ws) {
    auto all = stores(ws).settings.all();
    auto get = [&](const char* key) -> std::optional<std::string> {
        auto it = all.find(key);
        return it == all.end() ? std::nullopt : std::optional(it->second);
    };
    return {get("agency_name").value_or(""), get("agency_phone"), get("processing_days"), get("default_policy")};
}

std::map<std::string, std::string> stored_settings(Workspace& ws) {
    return stores(ws).settings.all();
}

std::optional<std::string> setting(Workspace& ws, const std::string& key) {
    return stores(ws).settings.get(key);
}

void change_setting(Workspace& ws, const Actor& actor, const std::string& key, const std::string& value) {
    change_settings(ws, actor, {{key, value}});
}

void change_settings(Workspace& ws, const Actor& actor, const std::vector<std::pair<std::string, std::string>>& changes) {
    // Which administrator's duty a setting is, the caller checks (app/trust/duties.h).
    if (actor.role != core::Role::admin) require_role(actor, {core::Role::admin});
    auto& settings = stores(ws).settings;
    storage::Transaction tx(database(ws));
    for (const auto& [key, value] : changes) {
        auto before = settings.get(key).value_or("");
        settings.set(key, value);
        audit(ws, {actor.username, actor.workstation}, "settings.set", "settings", key, before, value);
    }
    tx.commit();
}

}  // namespace gongji::app
