// Pins the platform's settlement records (interfaces.md, second set) and the fund-supervision
// judgement of domain.md §8 in core: each finding code on a settlement made to break one rule,
// and none on a settlement that follows them.
#include <boost/test/unit_test.hpp>

#include "core/csv.h"
#include "core/instant.h"
#include "core/recorded_settlement.h"
#include "core/supervision.h"

using namespace gongji::core;

namespace {

const std::string kA = "450802196503120117", kB = "450803199309150128", kU = "450802199205060113";

PolicyVersion version(bool own_first = true, std::set<Use> uses = {Use::clinic, Use::inpatient, Use::pharmacy}) {
    PolicyVersion v;
    v.own_account_first = own_first;
    v.uses = std::move(uses);
    return v;
}

// U, with an own account, bound to A (first) and B (second); A had 50.00, B 500.00, U's own
// account 0 after. 100.00 paid 50.00 by A and 50.00 by B: what the rules expect.
struct Scenario {
    PolicyVersion v = version();
    RecordedSettlement s;
    RegisterAtTime r;
    Scenario() {
        s.setl_id = "S1";
        s.user_id = kU;
        s.time = *parse_iso_instant("2026-11-22T09:30:00+08:00");
        s.use = Use::clinic;
        s.amount_fen = 10000;
        s.payments = {{kA, 5000, 5000}, {kB, 5000, 50000}};
        r.user_has_account = true;
        r.paying = {{1, kA, &v, false}, {2, kB, &v, false}};
    }
    std::vector<std::string> codes() const {
        std::vector<std::string> out;
        for (const auto& f : judge_recorded(s, r)) out.push_back(f.code);
        return out;
    }
};

using Codes = std::vector<std::string>;

}  // namespace

BOOST_AUTO_TEST_SUITE(supervision)

BOOST_AUTO_TEST_CASE(a_settlement_split_as_the_rules_say_has_no_finding) {
    Scenario x;
    BOOST_TEST(x.codes() == Codes{}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(parts_that_do_not_sum_to_the_share_are_found) {
    Scenario x;
    x.s.cash_fen = 1;
    BOOST_TEST(x.codes() == Codes{"amounts_do_not_add_up"}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_payer_without_a_binding_then_is_found_and_why) {
    Scenario x;
    x.r.paying.pop_back();  // B's binding is not in force
    BOOST_TEST(x.codes() == Codes{"no_binding"}, boost::test_tools::per_element());
    x.r.others[kB] = {PairState::ended, 7};
    auto findings = judge_recorded(x.s, x.r);
    BOOST_TEST(findings.size() == 1u);
    BOOST_TEST(findings[0].code == "binding_ended");
    BOOST_TEST(findings[0].authorizer_id == kB);
    BOOST_TEST(findings[0].binding_id.value_or(0) == 7);
    BOOST_TEST(findings[0].amount_fen == 5000);
    x.r.others[kB] = {PairState::legacy, 7};
    BOOST_TEST(x.codes() == Codes{"legacy_binding"}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_use_the_version_does_not_allow_or_never_payable_is_found_on_each_payer) {
    Scenario x;
    x.s.use = Use::resident_premium;  // not in this version's uses
    BOOST_TEST(x.codes() == Codes({"use_not_allowed", "use_not_allowed"}), boost::test_tools::per_element());
    x.v.uses.insert(Use::fitness);
    x.s.use = Use::fitness;  // never payable, whatever the profile says
    BOOST_TEST(x.codes() == Codes({"use_not_allowed", "use_not_allowed"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(more_than_the_account_or_the_quota_held_is_found) {
    Scenario x;
    x.s.payments[1].balance_before_fen = 4999;
    BOOST_TEST(x.codes() == Codes{"over_balance"}, boost::test_tools::per_element());
    x.r.paying[1].quota = true;
    BOOST_TEST(x.codes() == Codes{"quota_exceeded"}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_later_authorizer_paying_while_an_earlier_one_had_money_is_an_order_skipped) {
    Scenario x;
    x.s.payments = {{kA, 0, 5000}, {kB, 10000, 50000}};
    auto findings = judge_recorded(x.s, x.r);
    BOOST_TEST(findings.size() == 1u);
    BOOST_TEST(findings[0].code == "order_skipped");
    BOOST_TEST(findings[0].authorizer_id == kB);
    BOOST_TEST(findings[0].message.find(kA) != std::string::npos);
    // An earlier authorizer whose version does not pay for the use is rightly passed over.
    PolicyVersion pharmacy_only = version(true, {Use::pharmacy});
    x.r.paying[0].version = &pharmacy_only;
    BOOST_TEST(x.codes() == Codes{}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(mutual_aid_while_the_own_account_still_had_money_is_found_where_own_comes_first) {
    Scenario x;
    x.s.balc_fen = 2000;  // 20.00 left on U's own account after
    BOOST_TEST(x.codes() == Codes{"own_not_first"}, boost::test_tools::per_element());
    x.v.own_account_first = false;  // the profile has mutual aid first
    BOOST_TEST(x.codes() == Codes{}, boost::test_tools::per_element());
    x.v.own_account_first = true;
    x.r.user_has_account = false;  // residents have no own account
    BOOST_TEST(x.codes() == Codes{}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_platform_line_is_read_with_its_china_time_and_med_type) {
    auto med_types = MedTypeTable::parse("# c\ncode,name,use\n11,普通门诊,clinic\n41,定点药店购药,pharmacy\n");
    BOOST_TEST((med_types.use_of("41") == Use::pharmacy));
    BOOST_TEST(!med_types.use_of("99"));
    BOOST_CHECK_THROW(MedTypeTable::parse("11,普通门诊,spa\n"), std::invalid_argument);

    std::vector<std::string> header(RecordedColumns::kNames.begin(), RecordedColumns::kNames.end());
    BOOST_TEST(RecordedColumns::recognises(header));
    BOOST_TEST(!RecordedColumns::recognises({"setl_id", "user_id_number", "time"}));
    std::string missing;
    auto columns = RecordedColumns::from_header(header, missing);
    BOOST_REQUIRE(columns);
    auto today = *CivilDate::parse("2026-12-01");
    auto fields = [](std::string line) {
        CsvReader r(line);
        std::vector<std::string> f;
        r.next(f);
        return f;
    };
    RecordedSettlement s;
    auto ok = fields("S1,2026-11-22 09:30:00," + kU + ",张磊,H1,贵港市人民医院,11,120.00,86.50,0.00,86.50," + kA + ",0.00,3113.50");
    BOOST_TEST(!parse_recorded_line(*columns, ok, med_types, today, s));
    BOOST_TEST(format_utc(s.time) == "2026-11-22T01:30:00Z");
    BOOST_TEST(s.amount_fen == 8650);
    BOOST_TEST(s.balc_fen == 311350);
    BOOST_TEST(s.payments.size() == 1u);
    BOOST_TEST(s.payments[0].authorizer_id == kA);
    BOOST_TEST(s.mutual_aid_fen() == 8650);

    auto code_of = [&](const std::string& line) {
        auto issue = parse_recorded_line(*columns, fields(line), med_types, today, s);
        return issue ? issue->code : std::string("ok");
    };
    const std::string rest = ",张磊,H1,贵港市人民医院,";
    BOOST_TEST(code_of("S1,2026-11-22T09:30,"+ kU + rest + "11,1,1,0,1," + kA + ",0,0") == "time_invalid");
    BOOST_TEST(code_of("S1,2026-12-22 09:30:00," + kU + rest + "11,1,1,0,1," + kA + ",0,0") == "time_future");
    BOOST_TEST(code_of("S1,2026-11-22 09:30:00," + kU + rest + "99,1,1,0,1," + kA + ",0,0") == "med_type_unknown");
    BOOST_TEST(code_of("S1,2026-11-22 09:30:00," + kU + rest + "11,1,1,0,1,,0,0") == "mulaid_certno_missing");
    BOOST_TEST(code_of("S1,2026-11-22 09:30:00," + kU + rest + "11,1,1,0,1," + kU + ",0,0") == "mulaid_self");
    BOOST_TEST(code_of("S1,2026-11-22 09:30:00," + kU + rest + "11,1,-1,0,1," + kA + ",0,0") == "amount_invalid");
    BOOST_TEST(code_of("S1,2026-11-22 09:30:00," + kU + rest + "11,1,1,1,0,,0,0") == "ok");  // no mutual aid
}

BOOST_AUTO_TEST_CASE(the_lines_of_one_settlement_join_when_only_the_payer_differs) {
    RecordedSettlement first, second;
    first.setl_id = second.setl_id = "S1";
    first.user_id = second.user_id = kU;
    first.amount_fen = second.amount_fen = 10000;
    first.payments = {{kA, 5000, 0}};
    second.payments = {{kB, 5000, 0}};
    BOOST_TEST(!merge_recorded_line(first, second, 2));
    BOOST_TEST(first.mutual_aid_fen() == 10000);
    BOOST_TEST(merge_recorded_line(first, second, 2)->code == "mulaid_repeated");
    second.payments = {{"450802195001010116", 1, 0}};
    second.amount_fen = 9999;
    auto differs = merge_recorded_line(first, second, 2);
    BOOST_TEST(differs->code == "recorded_line_differs");
    BOOST_TEST(differs->params.at("column") == "psn_part_amt");
}

BOOST_AUTO_TEST_SUITE_END()
