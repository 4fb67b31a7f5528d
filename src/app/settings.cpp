#include "app/settings.h"

#include "app/audit.h"
#include "app/stores.h"
#include "storage/database.h"
#include "storage/settings_repository.h"

namespace gongji::app {

std::optional<std::string> setting(Workspace& ws, const std::string& key) {
    return storage::SettingsRepository(database(ws)).get(key);
}

void change_setting(Workspace& ws, const Actor& actor, const std::string& key, const std::string& value) {
    require_role(actor, {core::Role::admin});
    storage::SettingsRepository settings(database(ws));
    storage::Transaction tx(database(ws));
    auto before = settings.get(key).value_or("");
    settings.set(key, value);
    audit(ws, {actor.username, actor.workstation}, "settings.set", "settings", key, before, value);
    tx.commit();
}

}  // namespace gongji::app
