// Pins how database failures are told apart for the clerk (issue 30): a file that is not a
// database, or a locked one, is named as such (the desktop app then says what to do in the user's
// language), a wrong address or a server not there is not met with "try again", the database's own
// words go to the administrator's log, and an application refusal is not taken for a database failure.
#include <boost/test/unit_test.hpp>

#include <soci/soci.h>

#include <cstdlib>
#include <fstream>

#include "app/platform/errors.h"
#include "app/platform/storage_trouble.h"
#include "app/platform/workspace.h"
#include "storage/database.h"
#include "support/test_database.h"

using namespace gongji;

BOOST_AUTO_TEST_SUITE(storage_trouble)

BOOST_AUTO_TEST_CASE(a_file_that_is_not_a_database_is_damaged_and_logged) {
    if (test::backend_name() != "sqlite") return;
    test::TempDir dir;
    auto path = dir.write("gongji.db", std::string(8192, 'x'));  // overwritten, as a page 1 was in the trials
    setenv("XDG_DATA_HOME", dir.path().c_str(), 1);
    try {
        app::Workspace ws("sqlite:" + path);
        BOOST_FAIL("a file of x's opened as a database");
    } catch (const std::exception& e) {
        BOOST_TEST((app::storage_trouble(e) == app::StorageTrouble::damaged), e.what());
        auto log = app::log_for_administrator("start", e);
        BOOST_TEST(log == dir.path() + "/gongji/gongji-desk.log");
        std::ifstream in(log);
        std::string line;
        std::getline(in, line);
        BOOST_TEST(line.find("file is not a database") != std::string::npos, line);
    }
    unsetenv("XDG_DATA_HOME");
}

BOOST_AUTO_TEST_CASE(a_locked_database_is_busy) {
    if (test::backend_name() != "sqlite") return;
    test::TempDir dir;
    auto url = "sqlite:" + dir.path() + "/gongji.db";
    auto holder = storage::Database::open(url);
    holder->sql() << "CREATE TABLE t (x INTEGER)";
    holder->sql() << "BEGIN EXCLUSIVE";
    auto other = storage::Database::open(url);
    other->sql() << "PRAGMA busy_timeout = 50";  // not the five seconds a window waits
    try {
        other->sql() << "INSERT INTO t VALUES (1)";
        BOOST_FAIL("written past an exclusive lock");
    } catch (const std::exception& e) {
        BOOST_TEST((app::storage_trouble(e) == app::StorageTrouble::busy), e.what());
    }
    holder->sql() << "ROLLBACK";
}

BOOST_AUTO_TEST_CASE(a_refusal_is_not_the_database_and_a_wrong_address_is_said_as_such) {
    BOOST_TEST((app::storage_trouble(app::BadInput("no such file", {"file_unreadable", {}})) == app::StorageTrouble::none));
    if (test::backend_name() != "postgresql") return;
    try {
        storage::Database::open("postgresql://127.0.0.1:1/nowhere?connect_timeout=2");
        BOOST_FAIL("connected to port 1");
    } catch (const std::exception& e) {
        BOOST_TEST((app::storage_trouble(e) == app::StorageTrouble::unreachable), e.what());
    }
    try {
        storage::Database::open("postgresql://u:pw@[::1");
        BOOST_FAIL("a broken address opened");
    } catch (const std::exception& e) {
        BOOST_TEST((app::storage_trouble(e) == app::StorageTrouble::unreachable), e.what());
    }
}

BOOST_AUTO_TEST_SUITE_END()
