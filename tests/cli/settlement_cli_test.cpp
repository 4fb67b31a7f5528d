// Pins `gongji settle`, `statement` and `quota` as scripts use them, on this run's backend.
#include <boost/test/unit_test.hpp>

#include "run_gongji.h"
#include "support/test_database.h"

using namespace gongji::test;

namespace {
const std::string kFather = "450802196503120117", kSon = "450802199205060113";  // demo: bound, 3200 元
}

BOOST_AUTO_TEST_CASE(settle_then_statement_adds_up_and_reimporting_changes_nothing) {
    FreshDatabase fresh{"demo", gongji_init_demo};
    TempDir files;
    std::map<std::string, std::string> env{{"GONGJI_DB", fresh.url()}, {"GONGJI_PASSWORD", "demo"}};
    auto file = files.write("setl.csv",
                            "setl_id,user_id_number,time,institution_code,institution_name,use,amount\n"
                            "S1," + kSon + ",2026-11-22T09:30:00+08:00,H1,贵港市人民医院,clinic,86.50\n"
                            "S2," + kSon + ",2026-11-22T10:30:00+08:00,H1,贵港市人民医院,fitness,20.00\n"
                            "S3," + kSon + ",2026-11-22T11:30:00+08:00,H1,贵港市人民医院,inpatient,5000.00\n"
                            "S4," + kSon + ",yesterday,H1,贵港市人民医院,clinic,1.00\n");
    auto clerk = run_gongji({"--as", "clerk", "settle", file}, env);
    BOOST_TEST(clerk.exit_code == 1);  // an administrator's job
    auto first = run_gongji({"--as", "admin", "settle", file}, env);
    BOOST_REQUIRE_MESSAGE(first.exit_code == 0, first.err);
    BOOST_TEST(first.object()->getValue<int>("applied") == 3);
    BOOST_TEST(first.object()->getArray("rejected")->getObject(0)->getValue<int>("line") == 5);
    auto again = run_gongji({"--as", "admin", "settle", file}, env);
    BOOST_TEST(again.object()->getValue<int>("applied") == 0);
    BOOST_TEST(again.object()->getValue<int>("duplicates") == 3);

    auto st = run_gongji({"--as", "clerk", "statement", "--user", kSon, "--from", "2026-11-22", "--to", "2026-11-22"}, env);
    BOOST_REQUIRE_MESSAGE(st.exit_code == 0, st.err);
    auto rows = st.object()->getArray("rows");
    BOOST_REQUIRE(rows->size() == 3u);
    auto first_row = rows->getObject(0);
    BOOST_TEST(first_row->getValue<std::string>("time") == "2026-11-22T09:30:00+08:00");
    BOOST_TEST(first_row->getArray("mutual_aid")->getObject(0)->getValue<std::string>("authorizer") == kFather);
    BOOST_TEST(first_row->getArray("mutual_aid")->getObject(0)->getValue<long long>("balance_after_fen") == 320000 - 8650);
    BOOST_TEST(rows->getObject(1)->getValue<long long>("cash_fen") == 2000);  // fitness is never payable
    auto totals = st.object()->getObject("totals");
    BOOST_TEST(totals->getValue<long long>("amount_fen") == 8650 + 2000 + 500000);
    BOOST_TEST(totals->getValue<long long>("mutual_aid_fen") == 320000);  // the father's whole account
    BOOST_TEST(totals->getValue<long long>("own_fen") + totals->getValue<long long>("mutual_aid_fen") +
                   totals->getValue<long long>("cash_fen") ==
               totals->getValue<long long>("amount_fen"));

    auto person = run_gongji({"--as", "clerk", "person", "show", kFather}, env);
    BOOST_TEST(person.object()->getValue<long long>("balance_fen") == 0);

    BOOST_TEST(run_gongji({"--as", "clerk", "statement", "--user", kSon, "--from", "2026-11-30", "--to", "2026-11-01"}, env)
                   .exit_code == 2);
    BOOST_TEST(run_gongji({"--as", "clerk", "quota", "reserve", "--authorizer", kFather, "--user", kSon, "--amount", "10"}, env)
                   .exit_code == 2);  // a provincial binding has no quota
}
