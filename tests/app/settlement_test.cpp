// Pins settlement on this run's backend: allocation against the ledger, idempotent imports,
// bad lines, deduction order in force at the settlement's time, quotas, statements, a randomized
// comparison with an independent reference model, and two imports at once.
#include <boost/test/unit_test.hpp>

#include <soci/soci.h>

#include <map>
#include <random>
#include <thread>

#include "app/cases/case_service.h"
#include "app/setup/policy_service.h"
#include "app/money/settlement_service.h"
#include "core/instant.h"
#include "core/money.h"
#include "ledger_fixture.h"

using namespace gongji;

using test::line;

BOOST_FIXTURE_TEST_SUITE(settlement, test::Ledger)

BOOST_AUTO_TEST_CASE(a_settlement_is_paid_in_order_and_recorded_once) {
    auto people = std::vector<test::TestPerson>{test::make_person("父", true, "1960-01-01"),
                                                test::make_person("母", false, "1962-01-01"),
                                                test::make_person("子", true, "1990-01-01")};
    people[0].balance = "30.00";
    people[1].balance = "50.00";
    people[2].balance = "10.00";
    test::assign_ids(people);
    test::import_people(ws, people);
    const auto &father = people[0].id, &mother = people[1].id, &son = people[2].id;
    add_binding(mother, son, "guangxi", 1);
    add_binding(father, son, "guangxi", 2);

    auto report = settle(line("S1", son, "2026-11-22T09:30:00+08:00", "clinic", 10000) +
                         line("S2", son, "2026-11-22T10:00:00+08:00", "fitness", 2000) +
                         line("S3", son, "not a time", "clinic", 100) +
                         line("S1", son, "2026-11-22T09:30:00+08:00", "clinic", 10000));
    BOOST_TEST(report.read == 4u);
    BOOST_TEST(report.applied == 2u);
    BOOST_TEST(report.duplicates == 1u);
    BOOST_REQUIRE(report.rejected.size() == 1u);
    BOOST_TEST(report.rejected[0].line == 4u);
    // 100 元: own 10, mother 50, father 30, cash 10. Fitness: all cash.
    BOOST_TEST(balance(son) == 0);
    BOOST_TEST(balance(mother) == 0);
    BOOST_TEST(balance(father) == 0);
    auto st = app::statement(ws, clerk, true, son, {2026, 11, 1}, {2026, 11, 30});
    BOOST_REQUIRE(st.rows.size() == 2u);
    BOOST_TEST(st.rows[0].settlement.own_fen == 1000);
    BOOST_TEST(st.rows[0].settlement.mutual_aid_fen == 8000);
    BOOST_TEST(st.rows[0].settlement.cash_fen == 1000);
    BOOST_REQUIRE(st.rows[0].entries.size() == 3u);
    BOOST_TEST(st.rows[0].entries[1].account == mother);
    BOOST_TEST(st.rows[1].settlement.cash_fen == 2000);
    BOOST_TEST(st.amount_fen == st.own_fen + st.mutual_aid_fen + st.cash_fen);
    BOOST_TEST(st.amount_fen == 12000);

    // Importing the same file again changes nothing.
    auto again = settle(line("S1", son, "2026-11-22T09:30:00+08:00", "clinic", 10000));
    BOOST_TEST(again.duplicates == 1u);
    BOOST_TEST(again.applied == 0u);
    BOOST_TEST(app::statement(ws, clerk, false, mother, {2026, 11, 22}, {2026, 11, 22}).rows.size() == 1u);
    BOOST_TEST(app::statement(ws, clerk, true, son, {2026, 11, 23}, {2026, 11, 30}).rows.empty());
}

BOOST_AUTO_TEST_CASE(the_order_in_force_at_the_settlements_time_is_followed) {
    auto people = std::vector<test::TestPerson>{test::make_person("甲", true, "1960-01-01"),
                                                test::make_person("乙", false, "1962-01-01"),
                                                test::make_person("丙", true, "1990-01-01", "390")};
    test::assign_ids(people);
    test::import_people(ws, people);
    const auto &a = people[0].id, &b = people[1].id, &u = people[2].id;
    auto first = add_binding(a, u, "national-2026", 1);
    auto second = add_binding(b, u, "national-2026", 2);
    // On 2026-11-10 the user swapped the order; a settlement of the 5th is imported afterwards.
    app::stores(ws).bindings.set_order(first, 2, *core::Instant::parse("2026-11-10T00:00:00Z"));
    app::stores(ws).bindings.set_order(second, 1, *core::Instant::parse("2026-11-10T00:00:00Z"));
    settle(line("OLD", u, "2026-11-05T12:00:00+08:00", "clinic", 1000) +
           line("NEW", u, "2026-11-15T12:00:00+08:00", "clinic", 1000));
    auto st = app::statement(ws, clerk, true, u, {2026, 11, 1}, {2026, 11, 30});
    BOOST_REQUIRE(st.rows.size() == 2u);
    BOOST_TEST(st.rows[0].entries[0].account == a);
    BOOST_TEST(st.rows[1].entries[0].account == b);
}

// A file is written in parts of 20,000 lines: a setl_id repeated in a later part, or stored by an
// earlier import, is still a duplicate, and rejections still come in line order.
BOOST_AUTO_TEST_CASE(duplicates_are_found_across_the_parts_of_a_large_file_and_across_imports) {
    auto people = std::vector<test::TestPerson>{test::make_person("子", true, "1990-01-01")};
    people[0].balance = "1000.00";
    test::assign_ids(people);
    test::import_people(ws, people);
    const auto& son = people[0].id;
    BOOST_TEST(settle(line("OLD", son, "2026-11-01T09:00:00+08:00", "clinic", 100)).applied == 1u);

    std::string body;
    for (int i = 1; i <= 20005; ++i) body += line("P" + std::to_string(i), son, "2026-11-22T09:30:00+08:00", "fitness", 1);
    body += line("P3", son, "2026-11-22T09:30:00+08:00", "fitness", 1);          // line 20007: from the first part
    body += line("OLD", son, "2026-11-01T09:00:00+08:00", "clinic", 100);        // line 20008: imported before
    body += line("NEW", "11010519491231002X", "2026-11-22T09:30:00+08:00", "clinic", 1);  // line 20009
    body += "P9,bad\n";                                                          // line 20010
    auto report = settle(body);
    BOOST_TEST(report.applied == 20005u);
    BOOST_TEST(report.duplicates == 2u);
    BOOST_REQUIRE(report.rejected.size() == 2u);
    BOOST_TEST(report.rejected[0].line == 20009u);
    BOOST_TEST(report.rejected[1].line == 20010u);
    long long settlements = 0;
    app::database(ws).sql() << "SELECT count(*) FROM settlements", soci::into(settlements);
    BOOST_TEST(settlements == 20006);
    BOOST_TEST(balance(son) == 100000 - 100);  // fitness is paid in cash: only the clinic visit drew
}

// A setl_id names one payment: sent again it is a duplicate, but the same ID with another amount,
// person or time (in the file or stored before) is refused on its line and changes nothing.
BOOST_AUTO_TEST_CASE(a_setl_id_repeated_with_another_amount_is_refused_not_taken_as_a_duplicate) {
    auto people = std::vector<test::TestPerson>{test::make_person("子", true, "1990-01-01"),
                                                test::make_person("女", false, "1992-01-01")};
    people[0].balance = "100.00";
    test::assign_ids(people);
    test::import_people(ws, people);
    const auto &son = people[0].id, &daughter = people[1].id;
    BOOST_TEST(settle(line("S1", son, "2026-11-01T09:00:00+08:00", "clinic", 1000)).applied == 1u);
    auto report = settle(line("S1", son, "2026-11-01T09:00:00+08:00", "clinic", 1000) +       // line 2: the same
                         line("S1", son, "2026-11-01T09:00:00+08:00", "clinic", 9000) +       // line 3: amount
                         line("S2", son, "2026-11-02T09:00:00+08:00", "clinic", 500) +        // line 4: new
                         line("S2", daughter, "2026-11-02T09:00:00+08:00", "clinic", 500) +   // line 5: person
                         line("S2", son, "2026-11-03T09:00:00+08:00", "clinic", 500));        // line 6: time
    BOOST_TEST(report.applied == 1u);
    BOOST_TEST(report.duplicates == 1u);
    BOOST_REQUIRE(report.rejected.size() == 3u);
    for (std::size_t i = 0; i < 3; ++i) BOOST_TEST(report.rejected[i].code == "setl_id_conflict");
    BOOST_TEST(report.rejected[0].line == 3u);
    BOOST_TEST(report.rejected[0].params.at("differs") == "amount");
    BOOST_TEST(report.rejected[0].params.at("line") == "");  // imported before
    BOOST_TEST(report.rejected[1].line == 5u);
    BOOST_TEST(report.rejected[1].params.at("differs") == "person");
    BOOST_TEST(report.rejected[1].params.at("line") == "4");
    BOOST_TEST(report.rejected[1].message.find("第4行") != std::string::npos, report.rejected[1].message);
    BOOST_TEST(report.rejected[0].message.find("10.00 ≠ 90.00 元") != std::string::npos, report.rejected[0].message);
    BOOST_TEST(report.rejected[2].line == 6u);
    BOOST_TEST(report.rejected[2].params.at("differs") == "time");
    BOOST_TEST(balance(son) == 10000 - 1000 - 500);
}

BOOST_AUTO_TEST_CASE(a_settlement_for_someone_not_in_the_roster_is_rejected) {
    auto r = settle(line("X", "11010519491231002X", "2026-11-22T09:30:00+08:00", "clinic", 100));
    BOOST_REQUIRE(r.rejected.size() == 1u);
    BOOST_TEST(r.rejected[0].code == "user_not_found");
    BOOST_CHECK_THROW(app::settle_text(ws, "setl_id,amount\n", app::Encoding::utf8, system), app::BadInput);
}

BOOST_AUTO_TEST_CASE(small_and_large_files_settle_alike_whether_people_are_looked_up_or_read_in_one_pass) {
    std::vector<test::TestPerson> people;
    for (int i = 0; i < 20; ++i) {
        people.push_back(test::make_person("人" + std::to_string(i), i % 2 == 0, "19" + std::to_string(60 + i) + "-03-01"));
        people.back().balance = "100.00";
    }
    test::assign_ids(people);
    test::import_people(ws, people);
    // Two lines against twenty people: each person is looked up.
    auto small = settle(line("S1", people[0].id, "2026-11-22T09:30:00+08:00", "clinic", 1000) +
                        line("S2", "11010519491231002X", "2026-11-22T09:31:00+08:00", "clinic", 1000));
    BOOST_TEST(small.applied == 1u);
    BOOST_REQUIRE(small.rejected.size() == 1u);
    BOOST_TEST(small.rejected[0].code == "user_not_found");
    BOOST_TEST(balance(people[0].id) == 9000);
    // Twenty-one lines against twenty people: the roster is read in one pass.
    std::string large;
    for (size_t i = 0; i < people.size(); ++i)
        large += line("L" + std::to_string(i), people[i].id, "2026-11-22T10:00:00+08:00", "clinic", 100);
    large += line("L-unknown", "11010519491231002X", "2026-11-22T10:00:00+08:00", "clinic", 100);
    auto big = settle(large);
    BOOST_TEST(big.applied == 20u);
    BOOST_REQUIRE(big.rejected.size() == 1u);
    BOOST_TEST(big.rejected[0].code == "user_not_found");
    BOOST_TEST(balance(people[0].id) == 8900);
    for (size_t i = 1; i < people.size(); ++i) BOOST_TEST(balance(people[i].id) == 9900, people[i].id);
}

BOOST_AUTO_TEST_CASE(cross_province_quotas_are_reserved_drawn_and_returned) {
    auto people = std::vector<test::TestPerson>{test::make_person("在桂", true, "1960-01-01"),
                                                test::make_person("在冀", false, "1990-01-01", "390")};
    people[0].balance = "10000.00";
    people[1].region = "130600";
    test::assign_ids(people);
    test::import_people(ws, people);
    const auto &a = people[0].id, &u = people[1].id;
    add_binding(a, u, "national-2026", 1);
    auto at = [](const char* t) { return *core::parse_iso_instant(t); };
    auto refused = [&](long long fen, const char* when) {
        try {
            app::reserve_quota(ws, clerk, a, u, fen, at(when));
        } catch (const app::Refused& e) {
            return e.code();
        }
        return std::string("accepted");
    };
    BOOST_TEST(refused(200001, "2026-11-22T10:00:00+08:00") == "quota_amount");
    BOOST_TEST(refused(100, "2026-11-22T22:30:00+08:00") == "quota_hours");
    BOOST_TEST(app::reserve_quota(ws, clerk, a, u, 200000, at("2026-11-22T10:00:00+08:00")) == 200000);
    BOOST_TEST(app::reserve_quota(ws, clerk, a, u, 100000, at("2026-11-22T11:00:00+08:00")) == 300000);
    BOOST_TEST(app::reserve_quota(ws, clerk, a, u, 50000, at("2026-11-22T12:00:00+08:00")) == 350000);
    BOOST_TEST(refused(100, "2026-11-22T13:00:00+08:00") == "quota_daily");
    BOOST_TEST(app::reserve_quota(ws, clerk, a, u, 100, at("2026-11-23T09:00:00+08:00")) == 350100);
    BOOST_TEST(balance(a) == 1000000 - 350100);

    // The user's settlement draws on the quota, not the live account.
    settle(line("Q1", u, "2026-11-23T10:00:00+08:00", "clinic", 50000));
    BOOST_TEST(balance(a) == 1000000 - 350100);
    auto st = app::statement(ws, clerk, true, u, {2026, 11, 23}, {2026, 11, 23});
    BOOST_REQUIRE(st.rows.size() == 1u);
    BOOST_TEST(st.rows[0].entries[0].kind == core::LedgerKind::quota_draw);
    BOOST_TEST(st.rows[0].entries[0].balance_after_fen == 300100);

    // Ending the binding returns what is left.
    app::unbind(ws, clerk, a, u, core::UnbindReason::request);
    BOOST_TEST(balance(a) == 1000000 - 50000);
    long long returned = 0;
    app::database(ws).sql() << "SELECT amount_fen FROM ledger WHERE kind = 'quota_return'", soci::into(returned);
    BOOST_TEST(returned == 300100);
}

// An independent reference: the rules of domain.md §8 written out plainly, without core.
struct Model {
    struct Binding { std::string a, u, policy; int order; long long since, until; bool legacy; };
    std::map<std::string, long long> balance;
    std::map<std::string, bool> has_account;
    std::vector<Binding> bindings;
    std::map<std::string, std::pair<bool, std::set<std::string>>> profile;  // own first, uses
    struct Result { long long own = 0, aid = 0, cash = 0; };

    Result pay(const std::string& user, long long t, const std::string& use, long long amount) {
        Result r;
        std::vector<const Binding*> paying;
        for (const auto& b : bindings)
            if (b.u == user && !b.legacy && b.since <= t && t < b.until) paying.push_back(&b);
        std::stable_sort(paying.begin(), paying.end(), [](auto x, auto y) { return x->order < y->order; });
        bool never = use == "fitness" || use == "wellness" || use == "public_health";
        if (never) {
            r.cash = amount;
            return r;
        }
        bool own_first = paying.empty() || profile[paying[0]->policy].first;
        bool own_allowed = has_account[user] && (paying.empty() || profile[paying[0]->policy].second.count(use));
        long long due = amount;
        auto own = [&] {
            if (!own_allowed) return;
            long long x = std::min(due, balance[user]);
            balance[user] -= x;
            r.own += x;
            due -= x;
        };
        if (own_first) own();
        for (auto b : paying) {
            if (!profile[b->policy].second.count(use)) continue;
            long long x = std::min(due, balance[b->a]);
            balance[b->a] -= x;
            r.aid += x;
            due -= x;
        }
        if (!own_first) own();
        r.cash = due;
        return r;
    }
};

BOOST_AUTO_TEST_CASE(thousands_of_random_settlements_match_a_reference_model) {
    std::mt19937 rng(20261122);
    store_profile("guangxi", "model-own-first", true, {core::Use::clinic, core::Use::inpatient, core::Use::pharmacy});
    store_profile("guangxi", "model-aid-first", false, {core::Use::clinic});
    Model model;
    model.profile["model-own-first"] = {true, {"clinic", "inpatient", "pharmacy"}};
    model.profile["model-aid-first"] = {false, {"clinic"}};

    std::vector<test::TestPerson> people;
    for (int i = 0; i < 30; ++i) {
        bool employee = i % 3 != 2;
        auto p = test::make_person("人" + std::to_string(i), i % 2 == 0, "19" + std::to_string(50 + i) + "-06-15",
                                   employee ? "310" : "390");
        p.balance = core::format_yuan(employee ? static_cast<long long>(rng() % 300000) : 0);
        people.push_back(p);
    }
    test::assign_ids(people);
    test::import_people(ws, people);
    for (const auto& p : people) {
        model.balance[p.id] = *core::parse_yuan(p.balance);
        model.has_account[p.id] = p.type == "310";
    }
    // Bindings: employees pay for random others; some legacy, some ended mid-month.
    std::map<std::string, int> next_order;
    std::set<std::pair<std::string, std::string>> pairs;
    for (int i = 0; i < 45; ++i) {
        const auto& a = people[rng() % people.size()];
        const auto& u = people[rng() % people.size()];
        if (a.type != "310" || a.id == u.id || !pairs.insert({a.id, u.id}).second) continue;
        std::string policy = rng() % 2 ? "model-own-first" : "model-aid-first";
        bool legacy = rng() % 10 == 0;
        std::optional<std::string> until;
        long long until_s = 1LL << 62;
        if (rng() % 6 == 0) {
            until = "2026-11-15T00:00:00Z";
            until_s = *core::parse_iso_instant(*until);
        }
        int order = ++next_order[u.id];
        add_binding(a.id, u.id, policy, order, "2026-01-01T00:00:00Z", until, legacy);
        model.bindings.push_back({a.id, u.id, policy, order, *core::parse_iso_instant("2026-01-01T00:00:00Z"), until_s, legacy});
    }
    // Settlements in four files, each over the whole month, so that most of a file's lines come
    // after a later one (applied in time order within a file; across files a late one takes the
    // balances as they are). The second file is imported twice.
    const char* uses[] = {"clinic", "inpatient", "pharmacy", "resident_premium", "fitness", "wellness"};
    std::vector<std::string> files(4, "");
    std::map<std::string, Model::Result> expected;
    struct Planned {
        long long t;
        std::string id, user, use;
        long long amount;
    };
    std::vector<std::vector<Planned>> planned(4);
    for (int i = 0; i < 2400; ++i) {
        const auto& u = people[rng() % people.size()];
        long long t = *core::parse_iso_instant("2026-11-01T00:00:00+08:00") + static_cast<long long>(rng() % (29 * 86400));
        std::string use = uses[rng() % 6];
        long long amount = static_cast<long long>(rng() % 60000);
        std::string id = "R" + std::to_string(i);
        planned[static_cast<size_t>(i) * 4 / 2400].push_back({t, id, u.id, use, amount});
        files[static_cast<size_t>(i) * 4 / 2400] += line(id, u.id, core::format_china(t), use, amount);
    }
    for (auto& file : planned) {
        std::stable_sort(file.begin(), file.end(), [](const Planned& a, const Planned& b) { return a.t < b.t; });
        for (const auto& p : file) expected[p.id] = model.pay(p.user, p.t, p.use, p.amount);
    }
    for (size_t f = 0; f < files.size(); ++f) {
        auto r = settle(files[f]);
        BOOST_TEST(r.applied == 600u);
        if (f == 1) BOOST_TEST(settle(files[f]).duplicates == 600u);
    }

    for (const auto& p : people) BOOST_TEST_CONTEXT(p.name) { BOOST_TEST(balance(p.id) == model.balance[p.id]); }
    soci::rowset<soci::row> rows = (app::database(ws).sql().prepare << "SELECT setl_id, own_fen, mutual_aid_fen, cash_fen FROM settlements");
    size_t checked = 0;
    for (const auto& r : rows) {
        auto id = r.get<std::string>(0);
        auto e = expected[id];
        auto number = [&](size_t i) { return r.get_properties(i).get_data_type() == soci::dt_integer ? r.get<int>(i) : r.get<long long>(i); };
        BOOST_TEST_CONTEXT(id) {
            BOOST_TEST(number(1) == e.own);
            BOOST_TEST(number(2) == e.aid);
            BOOST_TEST(number(3) == e.cash);
        }
        ++checked;
    }
    BOOST_TEST(checked == 2400u);
    // The ledger's movements add up to the settlements' account shares; nothing negative.
    long long moved = 0, shares = 0, negative = 0;
    app::database(ws).sql() << "SELECT COALESCE(-SUM(amount_fen), 0) FROM ledger WHERE setl_id IS NOT NULL", soci::into(moved);
    app::database(ws).sql() << "SELECT COALESCE(SUM(own_fen + mutual_aid_fen), 0) FROM settlements", soci::into(shares);
    app::database(ws).sql() << "SELECT count(*) FROM persons WHERE balance_fen < 0", soci::into(negative);
    BOOST_TEST(moved == shares);
    BOOST_TEST(negative == 0);
}

BOOST_AUTO_TEST_CASE(two_imports_at_once_never_spend_the_same_money_twice) {
    auto people = std::vector<test::TestPerson>{test::make_person("家长", true, "1960-01-01"),
                                                test::make_person("甲", true, "1990-01-01", "390"),
                                                test::make_person("乙", false, "1991-01-01", "390")};
    people[0].balance = "100.00";
    test::assign_ids(people);
    test::import_people(ws, people);
    add_binding(people[0].id, people[1].id, "national-2026", 1);
    add_binding(people[0].id, people[2].id, "national-2026", 1);
    std::string one, two;
    for (int i = 0; i < 40; ++i) {
        // 80 × 2 元 between them, against 100 元 in the account
        one += line("A" + std::to_string(i), people[1].id, "2026-11-22T10:00:00+08:00", "clinic", 200);
        two += line("B" + std::to_string(i), people[2].id, "2026-11-22T10:00:00+08:00", "clinic", 200);
    }
    std::vector<std::string> errors(2);
    auto run = [&](int i, const std::string& body) {
        try {
            app::Workspace own(fresh.url());
            app::settle_text(own, test::kHeader + body, app::Encoding::utf8, system);
        } catch (const std::exception& e) {
            errors[static_cast<size_t>(i)] = e.what();
        }
    };
    std::thread t1(run, 0, one), t2(run, 1, two);
    t1.join();
    t2.join();
    BOOST_TEST(errors[0].empty(), errors[0]);
    BOOST_TEST(errors[1].empty(), errors[1]);
    long long aid = 0;
    app::database(ws).sql() << "SELECT COALESCE(SUM(mutual_aid_fen), 0) FROM settlements", soci::into(aid);
    BOOST_TEST(aid == 10000);  // all of the 100 元, not a fen more
    BOOST_TEST(balance(people[0].id) == 0);
}

BOOST_AUTO_TEST_SUITE_END()
