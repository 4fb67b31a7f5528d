// Pins the malformed-input drill (issue 15) on this run's backend: every file of
// tests/data/malformed, given to the command its name says (roster-, settle-, policy-, doc-), gets
// a clear answer: exit 0 naming its bad lines, or 1 or 2 with one line on stderr; never a crash
// or a C++ exception's text; a refused file changes nothing; the audit chains verify after them
// all.
#include <boost/test/unit_test.hpp>

#include <soci/soci.h>

#include <algorithm>
#include <filesystem>

#include "run_gongji.h"
#include "storage/database.h"
#include "support/test_database.h"

using namespace gongji::test;

namespace {

const std::string kZhangWei = "450802196503120117", kLiXiuying = "450802196708200129";

// What a file could change, summed up: the rows of every table it could touch and the money.
std::string fingerprint(const std::string& url) {
    auto db = gongji::storage::Database::open(url);
    std::string out;
    for (const char* query : {"SELECT count(*) FROM persons", "SELECT COALESCE(sum(balance_fen), 0) FROM persons",
                              "SELECT count(*) FROM settlements", "SELECT count(*) FROM ledger",
                              "SELECT count(*) FROM policy_profiles", "SELECT count(*) FROM cases",
                              "SELECT count(*) FROM documents", "SELECT count(*) FROM bindings"}) {
        long long n = 0;
        db->sql() << query, soci::into(n);
        out += std::to_string(n) + " ";
    }
    return out;
}

std::vector<std::string> command_for(const std::string& name, const std::string& path) {
    if (name.rfind("roster-", 0) == 0) return {"--as", "admin", "roster", "import", path};
    if (name.rfind("settle-", 0) == 0) return {"--as", "admin", "settle", path};
    if (name.rfind("policy-", 0) == 0) return {"--as", "admin", "policy", "import", path};
    return {"--as", "clerk", "case", "bind", "--policy", "guangxi", "--authorizer", kZhangWei, "--user", kLiXiuying,
            "--relation", "12", "--doc", "id_card=" + path, "--doc", "marriage_certificate=" + path};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(malformed_corpus)

BOOST_AUTO_TEST_CASE(every_malformed_file_gets_a_clear_answer_and_a_refused_one_changes_nothing) {
    FreshDatabase fresh;
    std::map<std::string, std::string> env{{"GONGJI_DB", fresh.url()}, {"GONGJI_PASSWORD", "demo"}};
    BOOST_REQUIRE(run_gongji({"init", "--demo"}, env).exit_code == 0);
    std::vector<std::string> files;
    for (const auto& entry : std::filesystem::directory_iterator(GONGJI_TEST_DATA_DIR "/malformed"))
        files.push_back(entry.path().filename().string());
    std::sort(files.begin(), files.end());
    BOOST_REQUIRE(files.size() >= 25u);
    int refused = 0, lines_named = 0;
    for (const auto& name : files) {
        BOOST_TEST_CONTEXT(name) {
            const auto before = fingerprint(fresh.url());
            auto r = run_gongji(command_for(name, GONGJI_TEST_DATA_DIR "/malformed/" + name), env);
            BOOST_TEST((r.exit_code == 0 || r.exit_code == 1 || r.exit_code == 2), "exit " << r.exit_code << ": " << r.err);
            for (const char* crash : {"terminate called", "std::", "what()", "Segmentation", "Aborted"})
                BOOST_TEST(r.err.find(crash) == std::string::npos, r.err);
            if (r.exit_code != 0) {
                ++refused;
                BOOST_TEST(r.err.find("gongji") != std::string::npos, "no message: " << r.err);
                BOOST_TEST(fingerprint(fresh.url()) == before);
            } else if (name != "roster-header-only.csv") {
                ++lines_named;  // taken with its bad lines named
                BOOST_TEST(r.object()->getArray("rejected")->size() > 0u, r.out);
            }
        }
    }
    BOOST_TEST_MESSAGE("malformed corpus: " << files.size() << " files, " << refused << " refused whole, "
                                            << lines_named << " taken with their bad lines named");
    auto verified = run_gongji({"audit", "verify"}, env);
    BOOST_TEST(verified.exit_code == 0, verified.out);
}

BOOST_AUTO_TEST_SUITE_END()
