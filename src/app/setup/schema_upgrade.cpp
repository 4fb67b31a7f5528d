#include "app/setup/schema_upgrade.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <filesystem>

#include "app/platform/clock.h"
#include "app/platform/errors.h"
#include "app/setup/init_service.h"
#include "app/platform/stores.h"
#include "storage/migrations.h"
#include "storage/sqlite_backup.h"
#include "app/trust/backup_service.h"
#include "app/setup/machine_settings.h"

namespace gongji::app {

namespace {

constexpr std::string_view kEmbedded = "sqlite:";

bool embedded(const Workspace& ws) { return ws.url().rfind(kEmbedded, 0) == 0; }

// `gongji.db.schema-12`, or with a number after it when an earlier try left one.
std::string free_copy_name(const std::string& file, int version) {
    auto base = file + ".schema-" + std::to_string(version);
    std::error_code ec;
    auto name = base;
    for (int n = 2; std::filesystem::exists(name, ec); ++n) name = base + "." + std::to_string(n);
    return name;
}

}  // namespace

UpgradeLock::UpgradeLock(const Workspace& ws) {
    if (!embedded(ws)) return;
    auto folder = std::filesystem::absolute(ws.url().substr(kEmbedded.size())).parent_path();
    fd_ = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd_ >= 0 && ::flock(fd_, LOCK_EX) != 0) {
        ::close(fd_);
        fd_ = -1;
    }
}

UpgradeLock::~UpgradeLock() {
    if (fd_ >= 0) ::close(fd_);  // and with it the lock
}

std::string keep_copy_before_upgrade(Workspace& ws, int version) {
    if (!embedded(ws)) return "";
    auto copy = free_copy_name(ws.url().substr(kEmbedded.size()), version);
    try {
        // A backup `gongji restore` takes (and checks then): the way back to the version before,
        // sealed as every backup is. Its schema is the older one, so only what every version has
        // is read here.
        const auto taken_at = now().utc();
        seal_backup(ws, {"system", workstation_name()}, std::filesystem::path(copy).filename().string(), taken_at);
        storage::copy_sqlite(database(ws), copy);
        auto copied = storage::Database::open("sqlite:" + copy);
        storage::mark_backup(*copied, taken_at, "system", storage::audit_entry_count(*copied));
    } catch (const std::exception& e) {
        std::error_code ec;
        std::filesystem::remove(copy, ec);
        throw storage::StorageError("the database needs an upgrade, but the copy kept before it cannot be written (" +
                                    std::string(e.what()) + "): nothing was changed");
    }
    return copy;
}

std::optional<SchemaUpgrade> upgrade_on_start(Workspace& ws) {
    const int latest = static_cast<int>(storage::load_migrations(migrations_dir()).size());
    const int current = storage::schema_version(database(ws));
    if (current == 0 || current >= latest) {
        ws.require_current_schema();  // says what is wrong with a database that is not behind
        return std::nullopt;
    }
    if (!embedded(ws))
        throw SchemaMismatch("the agency's database has schema version " + std::to_string(current) + ", this program needs " +
                                 std::to_string(latest) + ": its owner upgrades it with `gongji init` (docs/postgresql.md)",
                             {"schema_behind", {{"version", std::to_string(current)}, {"needs", std::to_string(latest)}, {"shared", "yes"}}});
    auto report = bring_up_to_date(ws);
    if (report.migrations_applied.empty()) return std::nullopt;  // another window upgraded it meanwhile
    return SchemaUpgrade{report.from_version, report.to_version, report.copy};
}

}  // namespace gongji::app
