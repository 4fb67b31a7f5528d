#include "app/setup/init_service.h"

#include <tuple>

#include <algorithm>
#include <filesystem>

#include "app/trust/audit.h"
#include "app/trust/audit_record.h"
#include "app/trust/auth.h"
#include "app/platform/errors.h"
#include "app/setup/machine_settings.h"
#include "app/platform/paths.h"
#include "app/setup/policy_service.h"
#include "app/imports/roster_import.h"
#include "app/setup/schema_upgrade.h"
#include "app/trust/state_check.h"
#include "app/platform/stores.h"
#include "core/csv.h"
#include "core/relation.h"
#include "storage/migrations.h"

namespace gongji::app {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> shipped_policy_files() {
    std::vector<std::string> files;
    for (const auto& e : fs::directory_iterator(data_dir() + "/policies"))
        if (e.path().extension() == ".json") files.push_back(e.path().string());
    std::sort(files.begin(), files.end());
    return files;
}

void load_code_tables(Workspace& ws, InitReport& report) {
    auto rows = read_shipped_regions();
    storage::Transaction tx(database(ws));
    stores(ws).codes.replace_regions(rows);
    stores(ws).codes.replace_relations(core::all_relations());
    record_code_tables(ws);
    tx.commit();
    report.regions = static_cast<long long>(rows.size());
}

void load_demo(Workspace& ws, InitReport& report) {
    auto dir = data_dir() + "/demo";
    auto roster = import_roster_text(ws, read_file(dir + "/roster.csv"), Encoding::utf8);
    if (!roster.rejected.empty())
        throw std::runtime_error("demo roster line " + std::to_string(roster.rejected.front().line) +
                                 ": " + roster.rejected.front().message);
    report.demo_persons = roster.inserted + roster.updated;

    const std::string bindings = read_file(dir + "/bindings.csv");
    core::CsvReader reader(bindings);
    std::vector<std::string> f;
    reader.next(f);  // header: authorizer_id,user_id,relation,policy,status
    storage::Transaction tx(database(ws));
    // The demo's bindings date from before any settlement a demo would import.
    const core::Instant since = *core::Instant::parse("2024-01-01T00:00:00Z");
    while (reader.next(f)) {
        if (f.size() != 5) throw std::runtime_error("demo bindings line " + std::to_string(reader.line()));
        if (stores(ws).bindings.open_pair_exists(f[0], f[1])) continue;
        core::Binding b;
        b.authorizer_id = f[0];
        b.user_id = f[1];
        b.relation = f[2];
        b.policy = f[3];
        auto status = core::parse_binding_status(f[4]);
        if (!status) throw std::runtime_error("demo bindings line " + std::to_string(reader.line()) + ": status");
        b.status = *status;
        b.deduction_order = stores(ws).bindings.count_open_as_user(f[1]) + 1;
        b.created_at = since;
        b.since = since;
        b.id = stores(ws).bindings.insert(b);
        audit(ws, {"system", workstation_name()}, "binding.create", "binding", std::to_string(b.id), "", audit_record(b));
        ++report.demo_bindings;
    }
    tx.commit();

    // The demo's staff, with the names their papers carry.
    const std::tuple<const char*, core::Role, const char*> staff[] = {
        {"admin", core::Role::admin, "黄志强"}, {"clerk", core::Role::clerk, "韦丽华"}, {"super", core::Role::supervisor, "覃建国"}};
    for (const auto& [name, role, full_name] : staff) {
        if (stores(ws).users.find(name)) continue;
        add_user(ws, "system", name, role, "demo", full_name);
        report.users_created.push_back(name);
    }
}

}  // namespace

bool needs_first_admin(Workspace& ws) {
    return storage::schema_version(database(ws)) == 0 || stores(ws).users.count() == 0;
}

InitReport bring_up_to_date(Workspace& ws) {
    InitReport report;
    auto migrations = storage::load_migrations(migrations_dir());
    UpgradeLock one_at_a_time(ws);
    const int before = storage::schema_version(database(ws));
    const bool upgrading = before > 0 && before < static_cast<int>(migrations.size());
    if (upgrading) report.copy = keep_copy_before_upgrade(ws, before);
    auto migration_report = storage::migrate(database(ws), migrations, now());
    report.from_version = migration_report.from_version;
    report.to_version = migration_report.to_version;
    report.migrations_applied = migration_report.applied;
    if (!report.migrations_applied.empty())
        storage::record_release(database(ws), now(), GONGJI_VERSION, report.from_version, report.to_version);
    // From here on the log proves the state (app/trust/state_check.h): where it starts.
    if (report.from_version < kStateProvenFrom && report.to_version >= kStateProvenFrom) record_state_baseline(ws);
    if (upgrading)
        audit(ws, {"system", workstation_name()}, "schema_upgrade", "database", "schema",
              "{\"version\":" + std::to_string(report.from_version) + "}",
              "{\"version\":" + std::to_string(report.to_version) + ",\"release\":\"" GONGJI_VERSION "\"}");

    load_code_tables(ws, report);
    // A shipped profile is loaded once; later an administrator's corrections are kept.
    for (const auto& file : shipped_policy_files()) {
        auto loaded = store_policy_text(ws, read_file(file), file, /*replace=*/false);
        if (loaded.created) report.policies_loaded.push_back(loaded.name);
    }
    return report;
}

InitReport initialize(Workspace& ws, const InitOptions& options) {
    bool first_admin = needs_first_admin(ws);
    if (first_admin && !options.demo && (!options.admin_password || options.admin_password->empty()))
        throw BadInput("password: the first administrator needs a password (GONGJI_NEW_PASSWORD)", {"password_empty", {}});
    auto report = bring_up_to_date(ws);
    if (options.demo) load_demo(ws, report);
    if (stores(ws).users.count() == 0) {
        // The installer's own choice, not a password given to someone else.
        add_user(ws, "system", "admin", core::Role::admin, *options.admin_password, "", /*one_time=*/false);
        report.users_created.push_back("admin");
    }
    return report;
}

}  // namespace gongji::app
