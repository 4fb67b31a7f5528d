// Pins a new version's first start on a database an older version made (docs/packaging.md): a
// window's embedded database is upgraded there, after a copy of it as it was is kept beside it,
// and the upgrade is sealed in the audit log; the agency's shared PostgreSQL is left to its owner's
// `gongji init`; a database newer than the program is refused and left as it was.
#include <boost/test/unit_test.hpp>

#include <soci/soci.h>

#include <filesystem>
#include <future>

#include "app/trust/audit.h"
#include "app/trust/backup_service.h"
#include "app/platform/errors.h"
#include "app/setup/init_service.h"
#include "app/setup/schema_upgrade.h"
#include "app/platform/stores.h"
#include "storage/migrations.h"
#include "storage/sqlite_backup.h"
#include "support/test_database.h"

using namespace gongji;

namespace {

// A database as the version before this one left it: every migration but the last.
int make_older_database(const std::string& url) {
    auto all = storage::load_migrations(app::migrations_dir());
    all.pop_back();
    auto db = storage::Database::open(url);
    storage::migrate(*db, all, core::Instant{0});
    return static_cast<int>(all.size());
}

int latest_version() { return static_cast<int>(storage::load_migrations(app::migrations_dir()).size()); }

}  // namespace

BOOST_AUTO_TEST_SUITE(schema_upgrade)

BOOST_AUTO_TEST_CASE(a_windows_database_is_upgraded_on_first_start_after_a_copy_is_kept) {
    test::FreshDatabase fresh;
    const int older = make_older_database(fresh.url());
    app::Workspace ws(fresh.url());
    if (test::backend_name() != "sqlite") {
        // Fifty windows share it: whichever starts first must not change it under the others.
        try {
            app::upgrade_on_start(ws);
            BOOST_FAIL("a shared database behind the program was upgraded by a window");
        } catch (const app::SchemaMismatch& e) {
            BOOST_TEST(std::string(e.what()).find("its owner upgrades it with `gongji init`") != std::string::npos, e.what());
        }
        BOOST_TEST(storage::schema_version(app::database(ws)) == older);
        return;
    }
    auto upgrade = app::upgrade_on_start(ws);
    BOOST_REQUIRE(upgrade.has_value());
    BOOST_TEST(upgrade->from_version == older);
    BOOST_TEST(upgrade->to_version == latest_version());
    ws.require_current_schema();
    BOOST_TEST(app::stores(ws).codes.load_regions().find("450802")->name == "港北区");  // the code tables came too

    // The database as it was, beside it, and still at the older version.
    const auto file = fresh.url().substr(std::string("sqlite:").size());
    BOOST_TEST(upgrade->copy == file + ".schema-" + std::to_string(older));
    {
        auto copy = storage::Database::open("sqlite:" + upgrade->copy);
        BOOST_TEST(storage::schema_version(*copy) == older);
    }

    auto verified = app::verify_audit(ws);
    BOOST_TEST(!verified.broken.has_value());
    long long sealed = 0;
    app::database(ws).sql() << "SELECT count(*) FROM audit_log WHERE action = 'schema_upgrade' AND actor = 'system'",
        soci::into(sealed);
    BOOST_TEST(sealed == 1);
    // And which release did it, for the agency's support.
    int from = 0, to = 0;
    std::string release;
    app::database(ws).sql() << "SELECT program_release, from_version, to_version FROM schema_releases",
        soci::into(release), soci::into(from), soci::into(to);
    BOOST_TEST(!release.empty());
    BOOST_TEST(from == older);
    BOOST_TEST(to == latest_version());

    // Once is enough: the next start finds it current and copies nothing.
    BOOST_TEST(!app::upgrade_on_start(ws).has_value());
    BOOST_TEST(!std::filesystem::exists(upgrade->copy + ".2"));

    // The copy is the way back: `gongji restore` takes it, and the database is as it was.
    app::restore(ws, app::Actor{"admin", core::Role::admin, "test-ws"}, upgrade->copy);
    BOOST_TEST(storage::schema_version(app::database(ws)) == older);
}

// Two windows started at once on the same old database (two desktop apps, or the app and a
// script): one upgrades it, the other waits and finds it current; one copy, one upgrade sealed.
BOOST_AUTO_TEST_CASE(two_first_starts_at_once_upgrade_the_database_once) {
    if (test::backend_name() != "sqlite") return;  // a shared database is its owner's to upgrade
    test::FreshDatabase fresh;
    const int older = make_older_database(fresh.url());
    auto start = [&] {
        app::Workspace ws(fresh.url());
        return app::upgrade_on_start(ws);
    };
    auto first = std::async(std::launch::async, start);
    auto second = std::async(std::launch::async, start);
    auto a = first.get();
    auto b = second.get();
    BOOST_TEST(a.has_value() + b.has_value() == 1);
    const auto file = fresh.url().substr(std::string("sqlite:").size());
    BOOST_TEST(std::filesystem::exists(file + ".schema-" + std::to_string(older)));
    BOOST_TEST(!std::filesystem::exists(file + ".schema-" + std::to_string(older) + ".2"));
    app::Workspace ws(fresh.url());
    long long sealed = 0, releases = 0;
    app::database(ws).sql() << "SELECT count(*) FROM audit_log WHERE action = 'schema_upgrade'", soci::into(sealed);
    app::database(ws).sql() << "SELECT count(*) FROM schema_releases", soci::into(releases);
    BOOST_TEST(sealed == 1);
    BOOST_TEST(releases == 1);
}

// A backup put back by hand (cp) still carries its mark; its upgrade marks its own copy anew.
BOOST_AUTO_TEST_CASE(a_backup_copied_back_by_hand_is_upgraded_too) {
    if (test::backend_name() != "sqlite") return;  // backups of the embedded database
    test::FreshDatabase fresh;
    make_older_database(fresh.url());
    storage::mark_backup(*storage::Database::open(fresh.url()), "2026-12-01T00:00:00Z", "admin", 0);
    app::Workspace ws(fresh.url());
    BOOST_TEST(app::upgrade_on_start(ws).has_value());
    ws.require_current_schema();
}

// The owner's `gongji init` (PostgreSQL's only way up, and an administrator's on SQLite) keeps
// the same record: a copy of an embedded database, and the upgrade in the audit log.
BOOST_AUTO_TEST_CASE(gongji_init_on_an_older_database_keeps_the_same_record) {
    test::FreshDatabase fresh;
    const int older = make_older_database(fresh.url());
    app::Workspace ws(fresh.url());
    app::InitOptions options;
    options.admin_password = "secret";
    auto report = app::initialize(ws, options);
    BOOST_TEST(report.from_version == older);
    BOOST_TEST(report.to_version == latest_version());
    if (test::backend_name() == "sqlite")
        BOOST_TEST(std::filesystem::exists(report.copy));
    else
        BOOST_TEST(report.copy.empty());  // the owner's pg_dump is PostgreSQL's copy
    long long sealed = 0;
    app::database(ws).sql() << "SELECT count(*) FROM audit_log WHERE action = 'schema_upgrade'", soci::into(sealed);
    BOOST_TEST(sealed == 1);
    BOOST_TEST(!app::verify_audit(ws).broken.has_value());
}

BOOST_AUTO_TEST_CASE(a_database_newer_than_the_program_is_refused_and_left_as_it_was) {
    test::FreshDatabase fresh;
    const int latest = latest_version();
    {
        auto db = storage::Database::open(fresh.url());
        storage::migrate(*db, storage::load_migrations(app::migrations_dir()), core::Instant{0});
        db->sql() << "INSERT INTO schema_migrations (version, name, applied_at) VALUES (:v, 'from_a_newer_version', "
                     "'2027-01-01T00:00:00Z')",
            soci::use(latest + 1);
    }
    app::Workspace ws(fresh.url());
    try {
        app::upgrade_on_start(ws);
        BOOST_FAIL("an older program opened a newer database");
    } catch (const app::SchemaMismatch& e) {
        BOOST_TEST(e.problem().code == "schema_newer");
        BOOST_TEST(std::string(e.what()).find("newer than this program knows") != std::string::npos, e.what());
    }
    BOOST_TEST(storage::schema_version(app::database(ws)) == latest + 1);
}

BOOST_AUTO_TEST_CASE(a_database_without_a_schema_is_sent_to_gongji_init) {
    test::FreshDatabase fresh;
    app::Workspace ws(fresh.url());
    BOOST_CHECK_THROW(app::upgrade_on_start(ws), app::SchemaMismatch);
    BOOST_TEST(storage::schema_version(app::database(ws)) == 0);
}

BOOST_AUTO_TEST_SUITE_END()
