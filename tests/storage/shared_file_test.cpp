// Pins the embedded database shared by several programs (issue 30): a second connection opened in
// the same process (a desktop app's background task) leaves the first connection's SQLite locks
// alone, so another program closing the database never takes the write-ahead log for abandoned,
// checkpoints it and deletes it while this process is still writing into it. And a file named by
// mistake as the database is known, so it is refused before anything outside SQLite touches it.
#include <boost/test/unit_test.hpp>

#include <sys/stat.h>

#include <cstdlib>

#include <soci/soci.h>

#include "storage/database.h"
#include "support/test_database.h"

using namespace gongji;

namespace {

bool exists(const std::string& path) {
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0;
}

// Another program opening and closing the database: the sqlite3 shell, as an administrator would.
long long count_in_another_program(const std::string& path) {
    std::string command = "sqlite3 '" + path + "' 'SELECT count(*) FROM t'";
    FILE* p = popen(command.c_str(), "r");
    BOOST_REQUIRE(p);
    char buffer[64] = {};
    auto got = fgets(buffer, sizeof buffer, p);
    BOOST_REQUIRE_EQUAL(pclose(p), 0);
    BOOST_REQUIRE(got);
    return std::atoll(buffer);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(shared_file)

BOOST_AUTO_TEST_CASE(a_second_connection_leaves_the_first_ones_locks_and_wal) {
    if (test::backend_name() != "sqlite") return;
    test::TempDir dir;
    auto path = dir.path() + "/window.db";
    auto window = storage::Database::open("sqlite:" + path);
    window->sql() << "CREATE TABLE t (x INTEGER)";
    window->sql() << "INSERT INTO t VALUES (1)";
    BOOST_REQUIRE(exists(path + "-wal"));

    storage::Database::open("sqlite:" + path).reset();  // a background task's connection, opened and closed
    BOOST_TEST(count_in_another_program(path) == 1);    // then a second program comes and goes
    BOOST_TEST(exists(path + "-wal"));                  // still this process's: not checkpointed away

    window->sql() << "INSERT INTO t VALUES (2)";  // written after the other program left
    BOOST_TEST(count_in_another_program(path) == 2);
    window.reset();
    BOOST_TEST(count_in_another_program(path) == 2);
}

BOOST_AUTO_TEST_CASE(an_open_database_file_is_known_and_forgotten_once_closed) {
    if (test::backend_name() != "sqlite") return;
    test::TempDir dir;
    auto path = dir.path() + "/window.db";
    auto other = dir.write("paper.png", test::tiny_png());
    {
        auto db = storage::Database::open("sqlite:" + path);
        db->sql() << "CREATE TABLE t (x INTEGER)";
        auto again = storage::Database::open("sqlite:" + dir.path() + "/../" + dir.path().substr(dir.path().rfind('/') + 1) + "/window.db");
        BOOST_TEST(storage::is_open_database_file(path));
        BOOST_TEST(storage::is_open_database_file(path + "-wal"));
        BOOST_TEST(!storage::is_open_database_file(other));
        again.reset();
        BOOST_TEST(storage::is_open_database_file(path));  // the first connection still has it
    }
    BOOST_TEST(!storage::is_open_database_file(path));
}

BOOST_AUTO_TEST_SUITE_END()
