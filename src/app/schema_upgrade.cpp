#include "app/schema_upgrade.h"

#include <filesystem>

#include "app/audit.h"
#include "app/errors.h"
#include "app/init_service.h"
#include "app/machine_settings.h"
#include "app/stores.h"
#include "storage/migrations.h"
#include "storage/sqlite_backup.h"

namespace gongji::app {

namespace {

constexpr std::string_view kEmbedded = "sqlite:";

// `gongji.db.schema-11`, or with a number after it when an earlier try left one.
std::string free_copy_name(const std::string& file, int version) {
    auto base = file + ".schema-" + std::to_string(version);
    std::error_code ec;
    auto name = base;
    for (int n = 2; std::filesystem::exists(name, ec); ++n) name = base + "." + std::to_string(n);
    return name;
}

}  // namespace

std::optional<SchemaUpgrade> upgrade_on_start(Workspace& ws) {
    const int latest = static_cast<int>(storage::load_migrations(migrations_dir()).size());
    const int current = storage::schema_version(database(ws));
    if (current == 0 || current >= latest) {
        ws.require_current_schema();  // says what is wrong with a database that is not behind
        return std::nullopt;
    }
    const auto& url = ws.url();
    if (url.rfind(kEmbedded, 0) != 0)
        throw NotInitialized("the agency's database has schema version " + std::to_string(current) + ", this program needs " +
                             std::to_string(latest) + ": its owner upgrades it with `gongji init` (docs/postgresql.md)");

    SchemaUpgrade upgrade{current, latest, free_copy_name(url.substr(kEmbedded.size()), current)};
    try {
        storage::copy_sqlite(database(ws), upgrade.copy);
    } catch (const std::exception& e) {
        std::error_code ec;
        std::filesystem::remove(upgrade.copy, ec);
        throw storage::StorageError("the database needs an upgrade, but the copy kept before it cannot be written (" +
                                    std::string(e.what()) + "): nothing was changed");
    }
    bring_up_to_date(ws);
    audit(ws, {"system", workstation_name()}, "schema_upgrade", "database", "schema",
          "{\"version\":" + std::to_string(current) + "}", "{\"version\":" + std::to_string(latest) + "}");
    return upgrade;
}

}  // namespace gongji::app
