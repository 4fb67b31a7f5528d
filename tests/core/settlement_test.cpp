// Pins domain.md §8 in core: how a settlement is split over the accounts, the settlement file's
// lines, the quota rules and the China-time arithmetic they rest on.
#include <boost/test/unit_test.hpp>

#include "core/allocation.h"
#include "core/instant.h"
#include "core/settlement.h"

using namespace gongji::core;

namespace {

PolicyVersion version(bool own_first = true, std::set<Use> uses = {Use::clinic, Use::inpatient, Use::pharmacy}) {
    PolicyVersion v;
    v.own_account_first = own_first;
    v.uses = std::move(uses);
    v.relations = {RelationCategory::spouse};
    return v;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(settlement)

BOOST_AUTO_TEST_CASE(own_account_first_then_bindings_in_order_then_cash) {
    auto v = version();
    AllocationInput in;
    in.amount_fen = 10000;
    in.use = Use::clinic;
    in.user_has_account = true;
    in.user_balance_fen = 1500;
    in.bindings = {{1, "A", &v, false, 3000}, {2, "B", &v, false, 0}, {3, "C", &v, false, 4000}};
    auto a = allocate(in);
    BOOST_TEST(a.own_fen == 1500);
    BOOST_TEST(a.own_balance_after_fen == 0);
    BOOST_REQUIRE(a.draws.size() == 2u);  // B's empty account is skipped
    BOOST_TEST(a.draws[0].authorizer_id == "A");
    BOOST_TEST(a.draws[0].amount_fen == 3000);
    BOOST_TEST(a.draws[0].balance_after_fen == 0);
    BOOST_TEST(a.draws[1].authorizer_id == "C");
    BOOST_TEST(a.draws[1].amount_fen == 4000);
    BOOST_TEST(a.cash_fen == 1500);
    BOOST_TEST(a.own_fen + a.mutual_aid_fen() + a.cash_fen == in.amount_fen);
}

BOOST_AUTO_TEST_CASE(each_case_of_the_rules) {
    auto v = version();
    auto bindings_last = version(false);
    auto no_pharmacy = version(true, {Use::clinic});
    struct Case {
        const char* name;
        long long amount;
        Use use;
        bool has_account;
        long long own_balance;
        std::vector<PayingBinding> bindings;
        long long own, aid, cash;
    };
    const Case cases[] = {
        {"covered by the own account", 500, Use::clinic, true, 800, {{1, "A", &v, false, 900}}, 500, 0, 0},
        {"resident without an account", 500, Use::clinic, false, 800, {{1, "A", &v, false, 900}}, 0, 500, 0},
        {"never payable: fitness", 500, Use::fitness, true, 800, {{1, "A", &v, false, 900}}, 0, 0, 500},
        {"never payable: wellness", 500, Use::wellness, true, 800, {}, 0, 0, 500},
        {"use not in the version", 500, Use::pharmacy, true, 800, {{1, "A", &no_pharmacy, false, 900}}, 0, 0, 500},
        {"binding's own version decides", 500, Use::pharmacy, false, 0,
         {{1, "A", &no_pharmacy, false, 900}, {2, "B", &v, false, 900}}, 0, 500, 0},
        {"bindings first where the profile says so", 500, Use::clinic, true, 800,
         {{1, "A", &bindings_last, false, 300}}, 200, 300, 0},
        {"no binding: own account as usual", 500, Use::clinic, true, 300, {}, 300, 0, 200},
        {"zero amount", 0, Use::clinic, true, 300, {{1, "A", &v, false, 900}}, 0, 0, 0},
        {"exactly the balance", 900, Use::clinic, false, 0, {{1, "A", &v, false, 900}}, 0, 900, 0},
        {"one fen more than the balance", 901, Use::clinic, false, 0, {{1, "A", &v, false, 900}}, 0, 900, 1},
        {"quota pays like an account", 700, Use::clinic, false, 0, {{1, "A", &v, true, 500}}, 0, 500, 200},
    };
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.name) {
            AllocationInput in{c.amount, c.use, c.has_account, c.own_balance, c.bindings};
            auto a = allocate(in);
            BOOST_TEST(a.own_fen == c.own);
            BOOST_TEST(a.mutual_aid_fen() == c.aid);
            BOOST_TEST(a.cash_fen == c.cash);
            BOOST_TEST(a.own_fen + a.mutual_aid_fen() + a.cash_fen == c.amount);
            for (const auto& d : a.draws) BOOST_TEST(d.balance_after_fen >= 0);
        }
    }
}

BOOST_AUTO_TEST_CASE(settlement_lines_are_checked_field_by_field) {
    std::string missing;
    std::vector<std::string> header = {"setl_id", "user_id_number", "time", "institution_code", "institution_name",
                                       "use", "amount"};
    auto cols = *SettlementColumns::from_header(header, missing);
    using Row = std::vector<std::string>;
    const Row good = {"S1", "450802199205060113", "2026-11-22T09:30:00+08:00", "H1", "贵港市人民医院", "clinic", "86.50"};
    Settlement s;
    BOOST_REQUIRE(!parse_settlement_row(cols, good, {2026, 11, 22}, s).has_value());
    BOOST_TEST(s.amount_fen == 8650);
    BOOST_TEST(format_utc(s.time) == "2026-11-22T01:30:00Z");
    auto with = [&](size_t i, const std::string& v) { Row r = good; r[i] = v; return r; };
    struct Case { Row row; const char* code; };
    const Case cases[] = {
        {Row(good.begin(), good.end() - 1), "columns"}, {with(0, ""), "setl_id_missing"},
        {with(1, "450802199205060112"), "id_invalid"},  {with(2, "2026-11-22 09:30:00"), "time_invalid"},
        {with(2, "2026-11-22T09:30:00"), "time_invalid"}, {with(2, "2026-11-31T09:30:00+08:00"), "time_invalid"},
        {with(3, ""), "institution_missing"},           {with(5, "spa"), "use_invalid"},
        {with(6, "-1.00"), "amount_invalid"},            {with(6, "1.001"), "amount_invalid"},
    };
    for (const auto& c : cases)
        BOOST_TEST_CONTEXT(c.code) {
            auto issue = parse_settlement_row(cols, c.row, {2026, 11, 22}, s);
            BOOST_REQUIRE(issue.has_value());
            BOOST_TEST(issue->code == c.code);
        }
    header.pop_back();
    BOOST_TEST(!SettlementColumns::from_header(header, missing).has_value());
    BOOST_TEST(missing == "amount");
}

BOOST_AUTO_TEST_CASE(quota_transfers_follow_the_rules_of_the_day) {
    auto at = [](const char* china) { return *parse_iso_instant(china); };
    BOOST_TEST(!check_quota_transfer(200000, 2, at("2026-11-22T06:00:00+08:00")).has_value());
    BOOST_TEST(!check_quota_transfer(1, 0, at("2026-11-22T21:59:59+08:00")).has_value());
    BOOST_TEST(check_quota_transfer(200001, 0, at("2026-11-22T12:00:00+08:00"))->code == "quota_amount");
    BOOST_TEST(check_quota_transfer(100, 3, at("2026-11-22T12:00:00+08:00"))->code == "quota_daily");
    BOOST_TEST(check_quota_transfer(100, 0, at("2026-11-22T22:00:00+08:00"))->code == "quota_hours");
    BOOST_TEST(check_quota_transfer(100, 0, at("2026-11-22T05:59:59+08:00"))->code == "quota_hours");
    BOOST_TEST(check_quota_transfer(0, 0, at("2026-11-22T12:00:00+08:00"))->code == "amount_invalid");

    PolicyVersion national;
    national.cross_province_quota = true;
    BOOST_TEST(uses_quota(national, "450800", "130600"));
    BOOST_TEST(!uses_quota(national, "450800", "450100"));
    PolicyVersion provincial;
    BOOST_TEST(!uses_quota(provincial, "450800", "130600"));
}

BOOST_AUTO_TEST_CASE(instants_and_china_days) {
    BOOST_TEST(*parse_iso_instant("1970-01-01T00:00:00Z") == 0);
    BOOST_TEST(*parse_iso_instant("1970-01-01T08:00:00+08:00") == 0);
    BOOST_TEST(*parse_iso_instant("1970-01-01T08:00:00+0800") == 0);
    BOOST_TEST(*parse_iso_instant("1969-12-31T19:00:00-05:00") == 0);
    BOOST_TEST(*parse_iso_instant("2026-11-22T09:30:00.250+08:00") == *parse_iso_instant("2026-11-22T01:30:00Z"));
    BOOST_TEST(!parse_iso_instant("2026-11-22T24:00:00Z").has_value());
    auto late = *parse_iso_instant("2026-11-22T23:30:00+08:00");
    BOOST_TEST(china_date(late).to_string() == "2026-11-22");
    BOOST_TEST(china_hour(late) == 23);
    BOOST_TEST(format_utc(late) == "2026-11-22T15:30:00Z");
    BOOST_TEST(format_china(late) == "2026-11-22T23:30:00+08:00");
    BOOST_TEST(format_utc(china_day_start({2026, 11, 22})) == "2026-11-21T16:00:00Z");
}

BOOST_AUTO_TEST_SUITE_END()
