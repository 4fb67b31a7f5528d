// Pins the agency's monthly figures (gongji stats) on this run's backend: cases counted by
// kind, outcome, window and clerk in the month they were taken in, the hours to a decision;
// bindings made and ended by relation category and the authorizer's pooling region; mutual-aid
// money by use and by China day, from settlements split here and recorded by the platform.
#include <boost/test/unit_test.hpp>
#include <soci/soci.h>

#include "app/platform/errors.h"
#include "app/intake/channel_keys.h"
#include "app/oversight/stats_service.h"
#include "app/printing/printed_papers.h"
#include "ledger_fixture.h"

using namespace gongji;
using test::line;
using test::RecordedLine;

namespace {

struct Month : test::Ledger {
    app::Actor supervisor{"admin", core::Role::admin, "test"};
    std::vector<test::TestPerson> people;
    Month() {
        for (int i = 0; i < 6; ++i) {
            auto p = test::make_person("人" + std::to_string(i), i % 2 == 0, "19" + std::to_string(60 + i) + "-01-01");
            p.balance = "1000.00";
            people.push_back(p);
        }
        people[5].region = "440100";  // 广州市
        test::assign_ids(people);
        test::import_people(ws, people);
    }
    const std::string& id(int i) const { return people[static_cast<size_t>(i)].id; }
    void add_case(const std::string& number, core::CaseKind kind, core::CaseStatus status, const std::string& clerk,
                  const std::string& window, const std::string& submitted, std::optional<std::string> decided) {
        core::Case c;
        c.number = number;
        c.kind = kind;
        c.status = status;
        c.policy = "guangxi";
        c.authorizer_id = id(0);
        c.user_id = id(1);
        c.relation = "12";
        c.application_date = {2026, 11, 1};
        c.created_by = clerk;
        c.workstation = window;
        c.created_at = *core::Instant::parse(submitted);
        c.submitted_at = c.created_at;
        if (decided) {
            c.decided_by = "admin";
            c.decided_at = core::Instant::parse(*decided);
        }
        app::stores(ws).cases.insert(c);
    }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(monthly_figures, Month)

BOOST_AUTO_TEST_CASE(a_months_cases_bindings_and_money_are_counted_where_they_belong) {
    app::stores(ws).users.add({"clerk2", core::Role::clerk, "00", "00", 1, false, std::nullopt, app::now()});
    // November in China time: 10-31 16:30 UTC is already 11-01 00:30 there.
    add_case("C1", core::CaseKind::bind, core::CaseStatus::approved, "clerk1", "窗口-01", "2026-10-31T16:30:00Z",
             "2026-11-01T16:30:00Z");  // 24 hours
    add_case("C2", core::CaseKind::bind, core::CaseStatus::rejected, "clerk1", "窗口-01", "2026-11-10T01:00:00Z",
             "2026-11-10T03:00:00Z");  // 2 hours
    add_case("C3", core::CaseKind::unbind, core::CaseStatus::submitted, "clerk2", "窗口-02", "2026-11-20T01:00:00Z", {});
    add_case("C4", core::CaseKind::bind, core::CaseStatus::approved, "clerk2", "窗口-02", "2026-10-31T15:30:00Z",
             "2026-12-01T01:00:00Z");  // taken in October, decided in December: in neither count
    add_case("C5", core::CaseKind::bind, core::CaseStatus::withdrawn, "clerk2", "窗口-02", "2026-11-21T01:00:00Z",
             "2026-11-21T01:05:00Z");  // withdrawn: taken in, but no decision
    // Bindings: a spouse (12) and a child (20) made in November, the spouse ended in it too; a
    // parent (50) made in October; one whose authorizer is in 广州.
    add_binding(id(0), id(1), "guangxi", 1, "2026-11-02T00:00:00Z", "2026-11-25T00:00:00Z");
    app::stores(ws).bindings.insert([&] {
        storage::BindingRecord b;
        b.authorizer_id = id(5);
        b.user_id = id(2);
        b.relation = "20";
        b.policy = "guangxi";
        b.status = core::BindingStatus::active;
        b.created_at = *core::Instant::parse("2026-11-03T00:00:00Z");
        b.since = b.created_at;
        return b;
    }());
    add_binding(id(3), id(4), "guangxi", 1, "2026-10-03T00:00:00Z");
    // Money: split here on 11-05 (clinic), recorded by the platform on 11-06 (pharmacy) and in
    // the first minutes of 12-01 China time (not November).
    add_binding(id(3), id(2), "guangxi", 2, "2026-01-01T00:00:00Z");
    settle(line("A1", id(4), "2026-11-05T10:00:00+08:00", "clinic", 5000));
    settle_recorded(RecordedLine{"R1", "2026-11-06 10:00:00", id(2), "41", 3000, 0, 3000, id(5), 0, 0}.csv() +
                    RecordedLine{"R2", "2026-12-01 00:10:00", id(2), "11", 700, 0, 700, id(5), 0, 0}.csv());

    app::database(ws).sql() << "UPDATE users SET full_name = '王芳' WHERE username = 'clerk2'";  // named as on her papers
    auto f = app::monthly_figures(ws, supervisor, "2026-11");
    BOOST_TEST(f.first.to_string() == "2026-11-01");
    BOOST_TEST(f.last.to_string() == "2026-11-30");
    BOOST_REQUIRE(f.cases_by_kind.size() == 2u);
    BOOST_TEST(f.cases_by_kind[0].kind == "bind");
    BOOST_TEST(f.cases_by_kind[0].submitted == 3);
    BOOST_TEST(f.cases_by_kind[0].withdrawn == 1);
    BOOST_TEST(f.cases_by_kind[0].approved == 1);
    BOOST_TEST(f.cases_by_kind[0].rejected == 1);
    BOOST_TEST(f.cases_by_kind[1].kind == "unbind");
    BOOST_TEST(f.cases_by_kind[1].waiting == 1);
    BOOST_REQUIRE(f.cases_by_window.size() == 2u);
    BOOST_TEST(f.cases_by_window[0].second == 2);
    BOOST_REQUIRE(f.cases_by_clerk.size() == 2u);
    BOOST_TEST(f.cases_by_clerk[0].first == "clerk1");        // an account without a full name: its login
    BOOST_TEST(f.cases_by_clerk[1].first == "王芳（clerk2）");  // by the name on her papers
    BOOST_TEST(f.decision_hours.decided == 2);
    BOOST_TEST(f.decision_hours.mean == 13.0);
    BOOST_TEST(f.decision_hours.median == 13.0);  // of two, their mean
    BOOST_TEST(f.decision_hours.p90 == 21.8, boost::test_tools::tolerance(1e-9));
    BOOST_TEST(!f.time_limits.promised);  // no processing_days set

    // "made/ended" of a category, "none" when it is not listed.
    auto category = [&](const std::string& key) {
        for (const auto& b : f.bindings_by_category)
            if (b.key == key) return std::to_string(b.made) + "/" + std::to_string(b.ended);
        return std::string("none");
    };
    BOOST_TEST(category("spouse") == "1/1");
    BOOST_TEST(category("child") == "1/0");
    BOOST_TEST(category("parent") == "none");  // made in October
    BOOST_REQUIRE(f.bindings_by_region.size() == 2u);
    BOOST_TEST(f.bindings_by_region[0].key == "440100");
    BOOST_TEST(f.bindings_by_region[0].label == "广州市");
    BOOST_TEST(f.bindings_by_region[1].key == "450800");
    BOOST_TEST(f.bindings_by_region[1].made == 1);

    // The split settlement paid 50.00 from the user's own account first (employees), so only
    // what the authorizer paid counts: here nothing, the own account held enough.
    BOOST_REQUIRE(f.mutual_aid_by_use.size() == 1u);
    BOOST_TEST(f.mutual_aid_by_use[0].use == "pharmacy");
    BOOST_TEST(f.mutual_aid_by_use[0].recorded_fen == 3000);
    BOOST_TEST(f.mutual_aid_fen == 3000);
    BOOST_REQUIRE(f.mutual_aid_by_day.size() == 30u);
    BOOST_TEST(f.mutual_aid_by_day[5].first.to_string() == "2026-11-06");
    BOOST_TEST(f.mutual_aid_by_day[5].second == 3000);
    BOOST_TEST(f.mutual_aid_by_day[29].second == 0);  // 12-01 00:10 China time is December's

    auto december = app::monthly_figures(ws, supervisor, "2026-12");
    BOOST_TEST(december.mutual_aid_fen == 700);
    BOOST_TEST(december.last.to_string() == "2026-12-31");
    BOOST_CHECK_THROW(app::monthly_figures(ws, supervisor, "2026-13"), app::BadInput);
    BOOST_CHECK_THROW(app::monthly_figures(ws, clerk, "2026-11"), app::Refused);
}

// Decided in time or late, in the agency's working days from acceptance (domain.md §9): one
// working day promised; a case accepted on a Friday and decided on Monday is in time, one decided
// on Tuesday late, and one whose correction held the clock over Monday in time again.
BOOST_AUTO_TEST_CASE(decisions_are_counted_in_time_or_late_in_working_days) {
    app::set_processing_days(ws, supervisor, "1");
    add_case("T1", core::CaseKind::bind, core::CaseStatus::approved, "clerk1", "窗口-01", "2026-11-06T02:00:00Z",
             "2026-11-09T02:00:00Z");  // Friday → Monday
    add_case("T2", core::CaseKind::bind, core::CaseStatus::rejected, "clerk1", "窗口-01", "2026-11-06T02:00:00Z",
             "2026-11-10T02:00:00Z");  // Friday → Tuesday
    add_case("T3", core::CaseKind::bind, core::CaseStatus::approved, "clerk1", "窗口-01", "2026-11-06T02:00:00Z",
             "2026-11-10T02:00:00Z");
    app::database(ws).sql() << "UPDATE cases SET correction_asked_at = '2026-11-06T03:00:00Z', correction_due = '2026-11-13', "
                               "correction_from = 'submitted', correction_answered_at = '2026-11-09T03:00:00Z' WHERE number = 'T3'";
    auto f = app::monthly_figures(ws, supervisor, "2026-11");
    BOOST_TEST(f.time_limits.promised);
    BOOST_TEST(f.time_limits.in_time == 2);
    BOOST_TEST(f.time_limits.late == 1);
}

// An online application is counted under its channel, never as a window named after the intake
// service's key (a trial read "intake-wechat-4fa05198" among the windows).
BOOST_AUTO_TEST_CASE(online_applications_count_under_their_channel) {
    app::issue_channel_key(ws, supervisor, "wechat");  // makes the channel's account, online-wechat
    add_case("O1", core::CaseKind::bind, core::CaseStatus::submitted, "online-wechat", "intake-K1", "2026-11-06T02:00:00Z",
             std::nullopt);
    auto f = app::monthly_figures(ws, supervisor, "2026-11");
    BOOST_REQUIRE(f.cases_by_window.size() == 1u);
    BOOST_TEST(f.cases_by_window[0].first == "网上（微信）");
}

BOOST_AUTO_TEST_SUITE_END()
