// Pins the migration runner on the backend of this run: applies in order and records, upgrades
// an older database, refuses a newer one, and rolls a failing migration back whole.
#include <boost/test/unit_test.hpp>

#include <soci/soci.h>

#include "storage/migrations.h"
#include "support/test_database.h"

using namespace gongji;
using namespace gongji::storage;

namespace {

std::vector<Migration> shipped() { return load_migrations(GONGJI_SOURCE_DATA_DIR "/migrations"); }

std::vector<Migration> shipped_plus(const std::string& sql) {
    auto all = shipped();
    all.push_back({static_cast<int>(all.size()) + 1, "9999_test.sql", sql});
    return all;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(migrations)

BOOST_AUTO_TEST_CASE(a_new_database_gets_every_migration_recorded) {
    test::FreshDatabase fresh;
    auto db = Database::open(fresh.url());
    BOOST_TEST(schema_version(*db) == 0);
    auto report = migrate(*db, shipped(), test::kTestNow);
    BOOST_TEST(report.from_version == 0);
    BOOST_TEST(report.to_version == static_cast<int>(shipped().size()));
    BOOST_TEST(report.applied.size() == shipped().size());
    BOOST_TEST(schema_version(*db) == report.to_version);
    int recorded = 0;
    db->sql() << "SELECT count(*) FROM schema_migrations", soci::into(recorded);
    BOOST_TEST(recorded == report.to_version);
    // Running again changes nothing.
    auto again = migrate(*db, shipped(), test::kTestNow);
    BOOST_TEST(again.applied.empty());
}

BOOST_AUTO_TEST_CASE(an_older_database_is_upgraded) {
    test::FreshDatabase fresh;
    auto db = Database::open(fresh.url());
    migrate(*db, shipped(), test::kTestNow);
    auto report = migrate(*db, shipped_plus("CREATE TABLE later_feature (id BIGINT PRIMARY KEY);"), test::kTestNow);
    BOOST_TEST(report.applied == std::vector<std::string>{"9999_test.sql"}, boost::test_tools::per_element());
    BOOST_TEST(schema_version(*db) == static_cast<int>(shipped().size()) + 1);
    db->sql() << "INSERT INTO later_feature (id) VALUES (1)";
}

BOOST_AUTO_TEST_CASE(a_newer_database_is_refused_and_left_alone) {
    test::FreshDatabase fresh;
    {
        auto db = Database::open(fresh.url());
        migrate(*db, shipped_plus("CREATE TABLE later_feature (id BIGINT PRIMARY KEY);"), test::kTestNow);
    }
    auto db = Database::open(fresh.url());
    BOOST_CHECK_EXCEPTION(migrate(*db, shipped(), test::kTestNow), StorageError, [](const StorageError& e) {
        return std::string(e.what()).find("newer than this program") != std::string::npos;
    });
    BOOST_TEST(schema_version(*db) == static_cast<int>(shipped().size()) + 1);
}

BOOST_AUTO_TEST_CASE(a_failing_migration_leaves_nothing_behind) {
    test::FreshDatabase fresh;
    auto db = Database::open(fresh.url());
    migrate(*db, shipped(), test::kTestNow);
    BOOST_CHECK_THROW(migrate(*db, shipped_plus("CREATE TABLE half_done (id BIGINT);\nSELECT nonsense FROM nowhere;"), test::kTestNow),
                      StorageError);
    BOOST_TEST(schema_version(*db) == static_cast<int>(shipped().size()));
    BOOST_CHECK_THROW(db->sql() << "SELECT count(*) FROM half_done", soci::soci_error);
}

BOOST_AUTO_TEST_CASE(scripts_split_at_line_ending_semicolons) {
    auto parts = split_sql_statements("-- comment; not a statement\nCREATE TABLE a (x INT);\n\nCREATE INDEX i\n  ON a (x);  -- trailing\n");
    BOOST_REQUIRE(parts.size() == 2u);
    BOOST_TEST(parts[0] == "CREATE TABLE a (x INT)");
    BOOST_TEST(parts[1] == "CREATE INDEX i\nON a (x)");
}

BOOST_AUTO_TEST_CASE(migration_files_must_be_numbered_without_gaps) {
    test::TempDir dir;
    dir.write("0001_a.sql", "CREATE TABLE a (x INT);");
    dir.write("0003_c.sql", "CREATE TABLE c (x INT);");
    dir.write("README.txt", "not a migration");
    BOOST_CHECK_THROW(load_migrations(dir.path()), StorageError);
    BOOST_CHECK_THROW(load_migrations(dir.file("missing")), StorageError);
}

BOOST_AUTO_TEST_SUITE_END()
