// Pins, on this run's backend, settlements in time order (domain.md §8) and the platform's
// settlement records (interfaces.md, second set): stored as recorded and never re-split,
// idempotent by setl_id, balances taken from balc, both kinds in one statement; and the
// fund-supervision check, by a randomized test that makes settlements from the program's own
// allocation, breaks some of them in each way a finding names, and requires exactly those findings.
#include <boost/test/unit_test.hpp>

#include <map>
#include <random>

#include "app/oversight/supervision_service.h"
#include "core/allocation.h"
#include "core/settlement.h"
#include "ledger_fixture.h"
#include "storage/ledger_repository.h"

using namespace gongji;
using test::line;
using test::RecordedLine;

namespace {

test::TestPerson person(const std::string& name, bool male, const std::string& birth, const std::string& balance,
                        const std::string& type = "310") {
    auto p = test::make_person(name, male, birth, type);
    p.balance = balance;
    return p;
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(recorded_settlement, test::Ledger)

// The case: 3200.00 on 11-20 listed before 100.00 on 11-10. In time order the 11-10 one
// is paid from the account, which held 3200 that day.
BOOST_AUTO_TEST_CASE(a_files_settlements_are_paid_in_time_order_and_a_late_one_is_reported) {
    std::vector<test::TestPerson> people{person("父", true, "1960-01-01", "3200.00"),
                                         person("子", true, "2010-01-01", "0.00", "390")};
    test::assign_ids(people);
    test::import_people(ws, people);
    const auto &a = people[0].id, &u = people[1].id;
    add_binding(a, u, "guangxi", 1);

    auto report = settle(line("LATER", u, "2026-11-20T10:00:00+08:00", "clinic", 320000) +
                         line("EARLIER", u, "2026-11-10T10:00:00+08:00", "clinic", 10000));
    BOOST_TEST(report.applied == 2u);
    BOOST_TEST(report.late == 0u);
    auto st = app::statement(ws, clerk, true, u, {2026, 11, 1}, {2026, 11, 30});
    BOOST_REQUIRE(st.rows.size() == 2u);
    BOOST_TEST(st.rows[0].settlement.setl_id == "EARLIER");
    BOOST_TEST(st.rows[0].settlement.mutual_aid_fen == 10000);
    BOOST_TEST(st.rows[0].settlement.cash_fen == 0);
    BOOST_TEST(st.rows[1].settlement.mutual_aid_fen == 310000);
    BOOST_TEST(st.rows[1].settlement.cash_fen == 10000);

    // One of 11-05 arrives after them: applied to the balances as they now are, and reported.
    auto late = settle(line("UPLOADED_LATE", u, "2026-11-05T10:00:00+08:00", "clinic", 5000));
    BOOST_TEST(late.late == 1u);
    BOOST_TEST(balance(a) == 0);
    st = app::statement(ws, clerk, true, u, {2026, 11, 1}, {2026, 11, 30});
    BOOST_REQUIRE(st.rows.size() == 3u);
    // The ledger as it happened: the late one last, where it took the balance.
    BOOST_TEST(st.rows[2].settlement.setl_id == "UPLOADED_LATE");
    BOOST_TEST(st.rows[2].settlement.late);
    BOOST_TEST(st.rows[2].settlement.cash_fen == 5000);
    BOOST_TEST(!st.rows[0].settlement.late);
}

BOOST_AUTO_TEST_CASE(the_platforms_records_are_stored_as_split_and_statements_print_them) {
    std::vector<test::TestPerson> people{person("甲", true, "1960-01-01", "3200.00"),
                                         person("乙", false, "1962-01-01", "100.00"),
                                         person("丙", true, "1990-01-01", "20.00")};
    test::assign_ids(people);
    test::import_people(ws, people);
    const auto &a = people[0].id, &b = people[1].id, &u = people[2].id;
    add_binding(a, u, "guangxi", 1);

    // S1: own 20.00 first, then A; S2: A and B on two lines, B with no binding; S3's second line
    // is bad, so none of S3 is taken.
    const std::string file =
        RecordedLine{"S1", "2026-11-22 09:30:00", u, "11", 8650, 2000, 6650, a, 0, 0}.csv() +
        RecordedLine{"S2", "2026-11-23 09:30:00", u, "41", 1500, 0, 1000, a, 0, 0}.csv() +
        RecordedLine{"S2", "2026-11-23 09:30:00", u, "41", 1500, 0, 500, b, 0, 0}.csv() +
        RecordedLine{"S3", "2026-11-24 09:30:00", u, "11", 100, 0, 50, a, 0, 0}.csv() +
        RecordedLine{"S3", "2026-11-24 09:30:00", u, "99", 100, 0, 50, b, 0, 0}.csv();
    auto report = settle_recorded(file);
    BOOST_TEST(report.read == 5u);
    BOOST_TEST(report.applied == 2u);
    BOOST_TEST(report.findings == 1u);
    BOOST_REQUIRE(report.rejected.size() == 2u);
    BOOST_TEST(report.rejected[0].line == 5u);
    BOOST_TEST(report.rejected[0].code == "setl_refused");
    BOOST_TEST(report.rejected[1].line == 6u);
    BOOST_TEST(report.rejected[1].code == "med_type_unknown");
    // Balances: the user's from balc; each authorizer's less what the platform took.
    BOOST_TEST(balance(u) == 0);
    BOOST_TEST(balance(a) == 320000 - 6650 - 1000);
    BOOST_TEST(balance(b) == 10000 - 500);

    auto again = settle_recorded(file);
    BOOST_TEST(again.duplicates == 2u);
    BOOST_TEST(again.applied == 0u);
    BOOST_TEST(balance(a) == 320000 - 6650 - 1000);

    // The same setl_id as a settlement to split is another payment: refused, naming the kind.
    auto clash = settle(line("S1", u, "2026-11-22T09:30:00+08:00", "clinic", 8650));
    BOOST_REQUIRE(clash.rejected.size() == 1u);
    BOOST_TEST(clash.rejected[0].code == "setl_id_conflict");
    BOOST_TEST(clash.rejected[0].params.at("differs").find("kind") != std::string::npos);

    // Both kinds in one database and one statement, each row saying which it is.
    settle(line("OWN", u, "2026-11-25T09:30:00+08:00", "clinic", 1000));
    auto st = app::statement(ws, clerk, true, u, {2026, 11, 1}, {2026, 11, 30});
    BOOST_REQUIRE(st.rows.size() == 3u);
    BOOST_TEST(st.rows[0].settlement.setl_id == "S1");
    BOOST_TEST(st.rows[0].settlement.recorded);
    BOOST_TEST(st.rows[0].settlement.own_fen == 2000);
    BOOST_REQUIRE(st.rows[0].entries.size() == 2u);
    BOOST_TEST(st.rows[0].entries[0].balance_after_fen == 0);  // balc
    BOOST_TEST(st.rows[0].entries[1].account == a);
    BOOST_TEST(st.rows[0].entries[1].balance_after_fen == 320000 - 6650);
    BOOST_TEST(st.rows[1].settlement.mutual_aid_fen == 1500);
    BOOST_TEST(!st.rows[2].settlement.recorded);
    // B's statement is of B's account alone: A's payment and balance, and the user's own
    // account, are not B's to see, and B's mutual aid is the 5.00 B paid.
    auto of_b = app::statement(ws, clerk, false, b, {2026, 11, 1}, {2026, 11, 30});
    BOOST_REQUIRE(of_b.rows.size() == 1u);
    BOOST_REQUIRE(of_b.rows[0].entries.size() == 1u);
    BOOST_TEST(of_b.rows[0].entries[0].account == b);
    BOOST_TEST(of_b.rows[0].settlement.mutual_aid_fen == 500);
    BOOST_TEST(of_b.rows[0].settlement.amount_fen == 500);  // nothing to tell A's share from
    BOOST_TEST(of_b.rows[0].settlement.cash_fen == 0);
    BOOST_TEST(of_b.mutual_aid_fen == 500);
    BOOST_TEST(of_b.amount_fen == 500);

    // The platform's balance stands even where this program would have said otherwise.
    settle_recorded(RecordedLine{"S4", "2026-11-26 09:30:00", u, "11", 500, 500, 0, "", 0, 12345}.csv());
    BOOST_TEST(balance(u) == 12345);
}

// Settlements made from the program's own allocation agree with the rules; each one broken in
// one way must give that finding, and nothing else may.
BOOST_AUTO_TEST_CASE(recorded_settlements_broken_in_one_way_each_give_exactly_that_finding) {
    const unsigned seed = 20261203;
    std::mt19937 rng(seed);
    BOOST_TEST_MESSAGE("seed " << seed);
    // The profiles pay for clinic and inpatient care, not for the pharmacy (med_type 41).
    const std::set<core::Use> uses{core::Use::clinic, core::Use::inpatient};
    auto med_type = [](core::Use u) { return u == core::Use::pharmacy ? "41" : u == core::Use::inpatient ? "21" : "11"; };
    store_profile("guangxi", "sup-own-first", true, uses);
    store_profile("national-2026", "sup-quota", true, uses);
    const auto own_first = app::load_policy(ws, "sup-own-first");
    const auto quota_profile = app::load_policy(ws, "sup-quota");

    // A family: the user, two authorizers in order, one across provinces on a quota, one whose
    // binding ends on 11-15 (fourth in order until then), one bound under legacy rules.
    struct Family {
        std::string user, a1, a2, q, e, l;
        bool employee;
        long long b1, b2, bq, be;  // binding ids
    };
    std::vector<test::TestPerson> people;
    const int kFamilies = 10;
    for (int f = 0; f < kFamilies; ++f) {
        auto money = [&] { return core::format_yuan(static_cast<long long>(rng() % 200000)); };
        auto year = std::to_string(1950 + f);
        people.push_back(person("用" + std::to_string(f), true, "19" + std::to_string(80 + f) + "-03-01", money(),
                                f % 3 == 2 ? "390" : "310"));
        for (const char* role : {"甲", "乙", "异", "终", "旧"}) people.push_back(person(role + std::to_string(f), f % 2 == 0, year + "-05-0" + std::to_string(1 + people.size() % 9), money()));
        people[people.size() - 3].region = "440100";  // 异: another province
    }
    for (int s = 0; s < 3; ++s) people.push_back(person("陌" + std::to_string(s), true, "1970-07-0" + std::to_string(s + 1), "5000.00"));
    test::assign_ids(people);
    test::import_people(ws, people);
    std::map<std::string, long long> bal;
    for (const auto& p : people) bal[p.id] = *core::parse_yuan(p.balance);
    const long long until = *core::parse_iso_instant("2026-11-15T00:00:00+08:00");
    std::vector<Family> families;
    for (int f = 0; f < kFamilies; ++f) {
        const auto* g = &people[static_cast<size_t>(f) * 6];
        Family fam{g[0].id, g[1].id, g[2].id, g[3].id, g[4].id, g[5].id, g[0].type == "310", 0, 0, 0, 0};
        fam.b1 = add_binding(fam.a1, fam.user, "sup-own-first", 1);
        fam.b2 = add_binding(fam.a2, fam.user, "sup-own-first", 2);
        fam.bq = add_binding(fam.q, fam.user, "sup-quota", 3);
        fam.be = add_binding(fam.e, fam.user, "sup-own-first", 4, "2024-01-01T00:00:00Z", "2026-11-14T16:00:00Z");
        add_binding(fam.l, fam.user, "sup-own-first", 5, "2024-01-01T00:00:00Z", std::nullopt, /*legacy=*/true);
        families.push_back(fam);
    }
    std::map<long long, long long> quota;
    for (const auto& fam : families) {
        quota[fam.bq] = static_cast<long long>(rng() % 50000);
        storage::LedgerRepository(app::database(ws)).set_quota(fam.bq, quota[fam.bq]);
    }
    const std::string strangers[] = {people[people.size() - 3].id, people[people.size() - 2].id, people.back().id};

    enum Break { none, add_up, stranger, ended, legacy, not_allowed, over, order, own, over_quota };
    const char* code_of[] = {"", "amounts_do_not_add_up", "no_binding", "binding_ended", "legacy_binding",
                             "use_not_allowed", "over_balance", "order_skipped", "own_not_first", "quota_exceeded"};
    std::map<std::string, std::string> expected;  // setl_id → the one finding
    std::map<Break, int> made;
    std::vector<long long> times;
    for (int i = 0; i < 1200; ++i)
        times.push_back(*core::parse_iso_instant("2026-11-01T08:00:00+08:00") + static_cast<long long>(rng() % (28 * 86400)));
    std::sort(times.begin(), times.end());
    std::string file;
    for (std::size_t i = 0; i < times.size(); ++i) {
        const long long t = times[i];
        const auto& fam = families[rng() % families.size()];
        const core::Use use = rng() % 5 == 0 ? core::Use::pharmacy : rng() % 2 ? core::Use::clinic : core::Use::inpatient;
        const auto day = core::china_date(t);
        const auto* v = own_first.version_on(day);
        const auto* vq = quota_profile.version_on(day);
        core::AllocationInput in;
        in.amount_fen = 100 + static_cast<long long>(rng() % 80000);
        in.use = use;
        in.user_has_account = fam.employee;
        in.user_balance_fen = bal[fam.user];
        in.bindings = {{fam.b1, fam.a1, v, false, bal[fam.a1]}, {fam.b2, fam.a2, v, false, bal[fam.a2]},
                       {fam.bq, fam.q, vq, true, quota[fam.bq]}};
        if (t < until) in.bindings.push_back({fam.be, fam.e, v, false, bal[fam.e]});
        const auto a = core::allocate(in);

        core::RecordedSettlement r;
        r.setl_id = "P" + std::to_string(i);
        r.amount_fen = in.amount_fen;
        r.own_fen = a.own_fen;
        r.cash_fen = a.cash_fen;
        r.balc_fen = fam.employee ? a.own_balance_after_fen : 0;
        std::map<std::string, long long> pay;
        for (const auto& d : a.draws) pay[d.authorizer_id] = d.amount_fen;
        auto paid = [&](const std::string& who) { return pay.count(who) ? pay[who] : 0LL; };
        const bool allowed = uses.count(use) != 0;

        // The ways this settlement can be broken alone, and one chosen at random now and then.
        std::vector<Break> can{add_up};
        if (a.cash_fen > 0) {
            for (Break b : {stranger, legacy}) can.push_back(b);
            if (t >= until) can.push_back(ended);
            if (!allowed) can.push_back(not_allowed);
            if (allowed) can.push_back(over);
            if (allowed) can.push_back(over_quota);
        }
        if (allowed && paid(fam.a1) > 0 && paid(fam.q) == 0 && paid(fam.e) == 0 &&
            paid(fam.a1) + paid(fam.a2) <= bal[fam.a2])
            can.push_back(order);
        if (allowed && fam.employee && a.own_fen > 0 && paid(fam.a1) + a.own_fen <= bal[fam.a1]) can.push_back(own);
        Break broken = rng() % 3 == 0 ? can[rng() % can.size()] : none;
        const long long x = std::max(1LL, std::min(a.cash_fen, 1 + static_cast<long long>(rng() % 5000)));
        switch (broken) {
            case none: break;
            case add_up: r.cash_fen += 1; break;
            case stranger: pay[strangers[rng() % 3]] += x, r.cash_fen -= x; break;
            case ended: pay[fam.e] += x, r.cash_fen -= x; break;
            case legacy: pay[fam.l] += x, r.cash_fen -= x; break;
            case not_allowed: pay[fam.a1] += x, r.cash_fen -= x; break;
            case over: pay[fam.a1] += x, r.cash_fen -= x; break;
            case over_quota: pay[fam.q] += x, r.cash_fen -= x; break;
            case order:
                pay[fam.a2] = paid(fam.a1) + paid(fam.a2);
                pay.erase(fam.a1);
                break;
            case own:
                pay[fam.a1] = paid(fam.a1) + a.own_fen;
                r.own_fen = 0;
                r.balc_fen = bal[fam.user];
                break;
        }
        if (broken != none) {
            expected[r.setl_id] = code_of[broken];
            ++made[broken];
        }
        // The lines, one per payer; and the balances as the import keeps them.
        const auto when = core::format_china(t);
        const std::string china = when.substr(0, 10) + " " + when.substr(11, 8);
        bool any = false;
        for (const auto& [who, fen] : pay) {
            if (fen <= 0) continue;
            file += RecordedLine{r.setl_id, china, fam.user, med_type(use), r.amount_fen, r.own_fen, fen, who, r.cash_fen,
                                 r.balc_fen}.csv();
            any = true;
            long long& from = who == fam.q ? quota[fam.bq] : bal[who];
            from = std::max(0LL, from - fen);
        }
        if (!any)
            file += RecordedLine{r.setl_id, china, fam.user, med_type(use), r.amount_fen, r.own_fen, 0, "", r.cash_fen,
                                 r.balc_fen}.csv();
        if (fam.employee) bal[fam.user] = r.balc_fen;
    }
    for (Break b : {add_up, stranger, ended, legacy, not_allowed, over, order, own, over_quota})
        BOOST_TEST_CONTEXT(code_of[b]) { BOOST_TEST(made[b] > 0); }

    auto report = settle_recorded(file);
    BOOST_TEST(report.rejected.empty());
    BOOST_TEST(report.applied == times.size());
    BOOST_TEST(report.findings == expected.size());

    app::Actor supervisor{"admin", core::Role::admin, "test"};
    auto check = app::supervise(ws, supervisor, {2026, 11, 1}, {2026, 11, 30});
    BOOST_TEST(check.checked == static_cast<long long>(times.size()));
    std::map<std::string, std::string> found;
    for (const auto& f : check.findings) {
        BOOST_TEST_CONTEXT(f.finding.setl_id << " " << f.finding.code) { BOOST_TEST(!found.count(f.finding.setl_id)); }
        found[f.finding.setl_id] = f.finding.code;
    }
    for (const auto& [id, code] : expected) BOOST_TEST_CONTEXT(id) { BOOST_TEST(found[id] == code); }
    for (const auto& [id, code] : found) BOOST_TEST_CONTEXT(id << " " << code) { BOOST_TEST(expected.count(id) == 1u); }
}

BOOST_AUTO_TEST_SUITE_END()
