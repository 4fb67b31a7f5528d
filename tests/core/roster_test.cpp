// Pins the roster file rules: CSV records, money in 元 to fen, and the code each bad line gets.
#include <boost/test/unit_test.hpp>

#include "core/csv.h"
#include "core/money.h"
#include "core/roster.h"

using namespace gongji::core;

namespace {
const CivilDate kToday{2026, 11, 22};
const std::vector<std::string> kHeader = {"id_number", "name", "gender", "birth_date", "insurance_type",
                                          "status", "pooling_region", "account_balance"};
}  // namespace

BOOST_AUTO_TEST_SUITE(roster)

BOOST_AUTO_TEST_CASE(csv_records_handle_quotes_crlf_and_blank_lines) {
    CsvReader r("a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\n\n\"multi\nline\",2,3\nlast");
    std::vector<std::string> f;
    BOOST_REQUIRE(r.next(f));
    BOOST_TEST(f == (std::vector<std::string>{"a", "b", "c"}), boost::test_tools::per_element());
    BOOST_TEST(r.line() == 1u);
    BOOST_REQUIRE(r.next(f));
    BOOST_TEST(f == (std::vector<std::string>{"x, y", "say \"hi\"", ""}), boost::test_tools::per_element());
    BOOST_TEST(r.line() == 2u);
    BOOST_REQUIRE(r.next(f));
    BOOST_TEST(f[0] == "multi\nline");
    BOOST_TEST(r.line() == 4u);
    BOOST_REQUIRE(r.next(f));
    BOOST_TEST(f == (std::vector<std::string>{"last"}), boost::test_tools::per_element());
    BOOST_TEST(r.line() == 6u);
    BOOST_TEST(!r.next(f));
}

BOOST_AUTO_TEST_CASE(an_unterminated_quote_is_marked_malformed) {
    CsvReader r("a,\"open\nb,c\n");
    std::vector<std::string> f;
    BOOST_REQUIRE(r.next(f));
    BOOST_TEST(r.malformed());
}

BOOST_AUTO_TEST_CASE(yuan_become_fen_exactly) {
    BOOST_TEST(*parse_yuan("1523.40") == 152340);
    BOOST_TEST(*parse_yuan("1523.4") == 152340);
    BOOST_TEST(*parse_yuan("1523") == 152300);
    BOOST_TEST(*parse_yuan("0.01") == 1);
    BOOST_TEST(*parse_yuan("0") == 0);
    BOOST_TEST(*parse_yuan("19999999.99") == 1999999999);
    for (const char* bad : {"", "-1.00", "1.234", "1.", ".5", "1,000.00", "１２", "1e3", "abc", "1.2x",
                            "1234567890123"})
        BOOST_TEST_CONTEXT(bad) { BOOST_TEST(!parse_yuan(bad).has_value()); }
    BOOST_TEST(format_yuan(152340) == "1523.40");
    BOOST_TEST(format_yuan(5) == "0.05");
    BOOST_TEST(format_yuan(-5) == "-0.05");
}

BOOST_AUTO_TEST_CASE(the_header_maps_columns_in_any_order) {
    std::vector<std::string> header = {"account_balance", "pooling_region", "status", "insurance_type",
                                       "birth_date", "gender", "name", "id_number", "remark"};
    std::string missing;
    auto cols = RosterColumns::from_header(header, missing);
    BOOST_REQUIRE(cols.has_value());
    std::vector<std::string> row = {"1523.40", "450800", "1", "310", "1959-07-21", "1", "张三",
                                    "450802195907210499", "备注"};
    Person p;
    BOOST_TEST(!parse_roster_row(*cols, row, kToday, p).has_value());
    BOOST_TEST(p.id_number == "450802195907210499");
    BOOST_TEST(p.name == "张三");
    BOOST_TEST(p.balance_fen == 152340);
    BOOST_TEST(p.pooling_region == "450800");

    header.erase(header.begin() + 1);
    BOOST_TEST(!RosterColumns::from_header(header, missing).has_value());
    BOOST_TEST(missing == "pooling_region");
}

BOOST_AUTO_TEST_CASE(each_bad_line_gets_its_code) {
    std::string missing;
    auto cols = *RosterColumns::from_header(kHeader, missing);
    using Row = std::vector<std::string>;
    const Row good = {"450802195907210499", "张三", "1", "1959-07-21", "310", "1", "450800", "1523.40"};
    auto with = [&](size_t i, const std::string& v) { Row r = good; r[i] = v; return r; };
    struct Case { Row row; const char* code; };
    const Case cases[] = {
        {Row(good.begin(), good.end() - 1), "columns"},
        {with(0, "450802195907210492"), "id_invalid"},
        {with(1, " "), "name_missing"},
        {with(1, std::string("张\0三", 7)), "name_invalid"},
        {with(1, "张\t三"), "name_invalid"},
        {with(1, "张\u202e三"), "name_invalid"},  // right-to-left override
        {with(1, "张\u200b三"), "name_invalid"},  // zero-width space: looks like 张三, matches nothing
        {with(2, "男"), "gender_invalid"},
        {with(2, "2"), "gender_mismatch"},
        {with(3, "1959/07/21"), "birth_date_invalid"},
        {with(3, "1959-07-22"), "birth_date_mismatch"},
        {with(4, "31"), "insurance_type_invalid"},
        {with(5, "3"), "status_invalid"},
        {with(6, "4508"), "region_invalid"},
        {with(7, "-5.00"), "balance_invalid"},
        {with(7, "12.345"), "balance_invalid"},
    };
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.code) {
            Person p;
            auto issue = parse_roster_row(cols, c.row, kToday, p);
            BOOST_REQUIRE(issue.has_value());
            BOOST_TEST(issue->code == c.code);
            BOOST_TEST(!issue->message.empty());
        }
    }
    Person p;
    BOOST_TEST(!parse_roster_row(cols, with(0, "450802590721049"), kToday, p).has_value());
    BOOST_TEST(p.id_number == "450802195907210499");  // a 15-digit number is stored upgraded
}

BOOST_AUTO_TEST_SUITE_END()
