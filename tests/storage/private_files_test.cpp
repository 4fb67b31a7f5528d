// Pins the embedded database as private at rest: created readable by its own account only, its
// WAL too, and a file found open to others (copied in, or made by an older version) closed
// again when it is opened. PostgreSQL keeps its files itself: nothing to check there.
#include <boost/test/unit_test.hpp>

#include <sys/stat.h>

#include <soci/soci.h>

#include "storage/database.h"
#include "support/test_database.h"

using namespace gongji;

namespace {

unsigned mode_of(const std::string& path) {
    struct stat st {};
    BOOST_REQUIRE_EQUAL(::stat(path.c_str(), &st), 0);
    return st.st_mode & 0777;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(private_files)

BOOST_AUTO_TEST_CASE(a_new_database_and_its_wal_are_the_owners_only) {
    if (test::backend_name() != "sqlite") return;
    test::TempDir dir;
    auto path = dir.path() + "/gongji.db";
    auto old_mask = ::umask(022);  // a usual desktop's: files readable by everyone
    {
        auto db = storage::Database::open("sqlite:" + path);
        db->sql() << "CREATE TABLE t (x INTEGER)";
        db->sql() << "INSERT INTO t VALUES (1)";
        BOOST_TEST(mode_of(path) == 0600u);
        BOOST_TEST(mode_of(path + "-wal") == 0600u);
    }
    ::umask(old_mask);
}

BOOST_AUTO_TEST_CASE(a_database_open_to_others_is_closed_at_start) {
    if (test::backend_name() != "sqlite") return;
    test::TempDir dir;
    auto path = dir.path() + "/copied.db";
    storage::Database::open("sqlite:" + path)->sql() << "CREATE TABLE t (x INTEGER)";
    ::chmod(path.c_str(), 0644);
    auto db = storage::Database::open("sqlite:" + path);
    BOOST_TEST(mode_of(path) == 0600u);
}

BOOST_AUTO_TEST_CASE(a_url_that_does_not_parse_is_never_echoed_with_its_password) {
    try {
        storage::Database::open("postgresql://window:s3cret-pw@[::1");  // the IPv6 host left open
        BOOST_FAIL("a broken URL opened");
    } catch (const storage::StorageError& e) {
        std::string message = e.what();
        BOOST_TEST(message.find("s3cret-pw") == std::string::npos, message);
        BOOST_TEST(message.find("bad PostgreSQL URL") != std::string::npos, message);
    }
}

BOOST_AUTO_TEST_SUITE_END()
