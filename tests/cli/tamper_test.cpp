// Pins the tamper drill (issue 15) on this run's backend: each insider's edit in
// tests/data/tamper (SQL run with the database's own rights, as someone who can write it would)
// is found by `gongji audit verify` with the agency's key: at once, or, for a log cut back (files
// named *.anchor.sql), by the heads this account's programs kept as they committed (issue 30) and,
// from another account or machine that kept none, by the anchors printed before.
#include <boost/test/unit_test.hpp>

#include <soci/soci.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "run_gongji.h"
#include "storage/database.h"
#include "storage/migrations.h"
#include "support/test_database.h"

using namespace gongji::test;

BOOST_AUTO_TEST_SUITE(tamper)

BOOST_AUTO_TEST_CASE(every_insiders_edit_of_the_audit_log_is_found) {
    std::vector<std::filesystem::path> cases;
    for (const auto& entry : std::filesystem::directory_iterator(GONGJI_TEST_DATA_DIR "/tamper")) cases.push_back(entry.path());
    std::sort(cases.begin(), cases.end());
    BOOST_REQUIRE(cases.size() >= 7u);
    for (const auto& sql_file : cases) {
        BOOST_TEST_CONTEXT(sql_file.filename().string()) {
            FreshDatabase fresh;
            TempDir dir;
            std::map<std::string, std::string> env{{"GONGJI_DB", fresh.url()}, {"GONGJI_PASSWORD", "demo"},
                                                   {"GONGJI_AUDIT_KEY_FILE", dir.path() + "/audit.key"},
                                                   {"XDG_DATA_HOME", dir.path() + "/data"}};
            BOOST_REQUIRE(run_gongji({"audit", "key", "new"}, env).exit_code == 0);
            BOOST_REQUIRE(run_gongji({"init", "--demo"}, env).exit_code == 0);
            BOOST_REQUIRE(run_gongji({"--as", "clerk", "person", "show", "450802196503120117"}, env).exit_code == 0);
            std::vector<std::string> verify_anchored = {"audit", "verify"};
            auto anchors = run_gongji({"audit", "anchor"}, env).json().extract<Poco::JSON::Array::Ptr>();
            for (std::size_t i = 0; i < anchors->size(); ++i) {
                verify_anchored.push_back("--anchor");
                verify_anchored.push_back(anchors->getElement<std::string>(static_cast<unsigned>(i)));
            }
            BOOST_REQUIRE(run_gongji(verify_anchored, env).exit_code == 0);
            {
                std::ifstream in(sql_file);
                std::stringstream text;
                text << in.rdbuf();
                auto db = gongji::storage::Database::open(fresh.url());
                for (const auto& statement : gongji::storage::split_sql_statements(text.str())) db->sql() << statement;
            }
            const bool only_anchors = sql_file.filename().string().find(".anchor.") != std::string::npos;
            auto alone = run_gongji({"audit", "verify"}, env);
            BOOST_TEST(alone.exit_code == 1, alone.out);
            auto elsewhere_env = env;
            elsewhere_env["XDG_DATA_HOME"] = dir.path() + "/elsewhere";
            auto elsewhere = run_gongji({"audit", "verify"}, elsewhere_env);
            BOOST_TEST(elsewhere.exit_code == (only_anchors ? 0 : 1), elsewhere.out);
            auto anchored = run_gongji(verify_anchored, env);
            BOOST_TEST(anchored.exit_code == 1, anchored.out);
            BOOST_TEST(anchored.object()->getValue<bool>("intact") == false);
        }
    }
}

// Issue 31, as an auditor reads it: the row, the fields that differ and a summary; a backup of
// the changed database is kept but exits 1 saying a restore will refuse it, and the restore does.
BOOST_AUTO_TEST_CASE(a_change_behind_the_log_is_named_field_by_field_and_its_backup_says_so) {
    FreshDatabase fresh;
    TempDir dir;
    std::map<std::string, std::string> env{{"GONGJI_DB", fresh.url()}, {"GONGJI_PASSWORD", "demo"},
                                           {"XDG_DATA_HOME", dir.path() + "/data"}};
    BOOST_REQUIRE(run_gongji({"init", "--demo"}, env).exit_code == 0);
    gongji::storage::Database::open(fresh.url())->sql() << "UPDATE users SET role = 'admin' WHERE username = 'clerk'";
    auto verify = run_gongji({"audit", "verify"}, env);
    BOOST_TEST(verify.exit_code == 1);
    auto o = verify.object();
    BOOST_TEST(o->getValue<std::string>("summary") == "1 rows differ from the audit log: users 1", verify.out);
    auto d = o->getArray("differences")->getObject(0);
    BOOST_TEST(d->getValue<std::string>("key") == "clerk");
    auto fields = d->getObject("fields");
    BOOST_TEST(fields->size() == 1u, verify.out);  // only the role: not two long texts to compare
    BOOST_TEST(fields->getObject("role")->getValue<std::string>("log") == "clerk");
    BOOST_TEST(fields->getObject("role")->getValue<std::string>("table") == "admin");
    BOOST_TEST(verify.err.find("no agency key") != std::string::npos, verify.err);
    if (fresh.url().rfind("sqlite:", 0) != 0) return;  // backups are the embedded database's
    auto backup = run_gongji({"--as", "admin", "backup", dir.path() + "/b.db"}, env);
    BOOST_TEST(backup.exit_code == 1, backup.err);
    BOOST_TEST(backup.object()->getValue<bool>("tables_match_log") == false);
    BOOST_TEST(backup.err.find("restore") != std::string::npos, backup.err);
    auto restore = run_gongji({"--as", "admin", "restore", dir.path() + "/b.db"}, env);
    BOOST_TEST(restore.exit_code == 1, restore.err);
    BOOST_TEST(restore.err.find("users clerk") != std::string::npos, restore.err);
    // An output that is a symbolic link would overwrite whatever it points at.
    std::ofstream(dir.path() + "/target.txt") << "not to be overwritten";
    std::filesystem::create_symlink(dir.path() + "/target.txt", dir.path() + "/link.xlsx");
    auto through_link = run_gongji({"--as", "admin", "stats", "--month", "2026-11", "--xlsx", dir.path() + "/link.xlsx"}, env);
    BOOST_TEST(through_link.exit_code == 2, through_link.err);
    BOOST_TEST(through_link.err.find("symbolic link") != std::string::npos, through_link.err);
}

BOOST_AUTO_TEST_SUITE_END()
