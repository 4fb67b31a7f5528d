// Pins 好差评 (domain.md §9) on this run's backend: a rating comes back once however often its
// file is imported; a 差评 opens a follow-up due in the agency's working days (across the National
// Day week); one more rating after it, no more; no account enters or changes a grade; supervisors
// record the follow-up and a late one is flagged and counted in the month's figures; a channel
// rates its own applications and the windows' cases, never another channel's; the rating
// request fills the agency's template.
#include <boost/test/unit_test.hpp>

#include "app/cases/case_service.h"
#include "app/cases/online_applications.h"
#include "app/cases/service_states.h"
#include "app/citizen/rating_link.h"
#include "app/citizen/ratings.h"
#include "app/intake/channel_service.h"
#include "app/oversight/stats_service.h"
#include "app/platform/clock.h"
#include "app/printing/printed_papers.h"
#include "app/setup/calendar.h"
#include "app/platform/stores.h"
#include "app/trust/state_check.h"
#include <soci/soci.h>
#include "demo_couple.h"
#include "fixture.h"
#include "refusals.h"
#include "samples.h"

using namespace gongji;

namespace {

struct Rated : test::DemoWorkspace {
    app::Actor clerk{"clerk", core::Role::clerk, "窗口-01"};
    app::Actor super{"super", core::Role::supervisor, "审核-01"};
    std::string number;

    Rated() {
        app::import_calendar_text(ws, admin, test::kNationalDayCalendar, app::Encoding::auto_detect, "calendar.csv");
        at("2026-09-28T02:00:00Z");  // Monday 10:00 in China
        number = app::submit_bind(ws, clerk, test::wife()).number;
        at("2026-09-29T02:00:00Z");
        app::approve_case(ws, super, number);
        at("2026-09-30T02:00:00Z");  // Wednesday: the ratings arrive the day before the holiday week
    }
    ~Rated() { app::set_clock(std::nullopt); }
    void at(const char* utc) { app::set_clock(core::Instant::parse(utc)); }
    app::RatingImport import(const std::string& lines) {
        return app::import_ratings_text(ws, admin, "apply_no,grade,comment,rated_at\n" + lines, app::Encoding::auto_detect,
                                        "hcp-export.csv");
    }
    std::vector<app::RatingEntry> all() { return app::list_ratings(ws, super, app::FollowUpFilter::any, std::nullopt); }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(ratings, Rated)

BOOST_AUTO_TEST_CASE(a_bad_rating_opens_a_follow_up_due_in_working_days_and_comes_back_once) {
    const auto line = number + ",2,等候时间太长,2026-09-30 09:30:00\n";
    auto first = import(line + "NO-SUCH-CASE,5,,2026-09-30 09:00:00\n" + number + ",9,x,2026-09-30 09:00:00\n");
    BOOST_TEST(first.added == 1u);
    BOOST_TEST(first.follow_ups == 1u);
    BOOST_REQUIRE(first.rejected.size() == 2u);
    BOOST_TEST(first.rejected[0].code == "apply_no_unknown");
    BOOST_TEST(first.rejected[1].code == "rating_invalid");
    BOOST_TEST(first.rejected[1].line == 4u);
    // Dated before the service, or after now: it would count in a month it has nothing to do with.
    auto dated = import(number + ",4,,2020-01-01 09:00:00\n" + number + ",4,,2026-10-30 09:00:00\n");
    BOOST_REQUIRE(dated.rejected.size() == 2u);
    BOOST_TEST(dated.rejected[0].code == "rated_at_invalid");
    BOOST_TEST(dated.rejected[1].code == "rated_at_invalid");

    auto listed = all();
    BOOST_REQUIRE(listed.size() == 1u);
    const auto& r = listed[0].rating;
    BOOST_TEST(r.grade == 2);
    BOOST_TEST(r.round == 1);
    BOOST_TEST(r.clerk == "clerk");
    BOOST_TEST(r.workstation == "窗口-01");
    BOOST_TEST(r.rated_at.utc() == "2026-09-30T01:30:00Z");  // China time in the file
    BOOST_REQUIRE(listed[0].follow_up.has_value());
    // One working day from Wednesday 09-30 is Thursday 10-08, after the holiday week; fifteen end
    // on 10-27 with the Saturday 10-10 worked.
    BOOST_TEST(listed[0].follow_up->contact_due.to_string() == "2026-10-08");
    BOOST_TEST(listed[0].follow_up->settle_due.to_string() == "2026-10-27");

    auto again = import(line);  // the same export again: nothing new
    BOOST_TEST(again.added == 0u);
    BOOST_TEST(again.repeated == 1u);
    BOOST_TEST(all().size() == 1u);
}

BOOST_AUTO_TEST_CASE(a_grade_raised_or_a_follow_up_dropped_behind_the_log_is_found) {
    import(number + ",2,等候太久,2026-09-30 09:30:00\n");
    BOOST_TEST(app::check_state(ws).differences.empty());
    app::database(ws).sql() << "UPDATE ratings SET grade = 5";
    auto check = app::check_state(ws);
    BOOST_REQUIRE(!check.differences.empty());
    BOOST_TEST(check.differences[0].table == "ratings");
    app::database(ws).sql() << "UPDATE ratings SET grade = 2";
    app::database(ws).sql() << "DELETE FROM rating_follow_ups";
    BOOST_TEST(!app::check_state(ws).differences.empty());
}

BOOST_AUTO_TEST_CASE(no_account_enters_or_changes_a_grade) {
    import(number + ",5,很好,2026-09-30 09:30:00\n");
    const std::string changed = "apply_no,grade,comment,rated_at\n" + number + ",1,改成差评,2026-09-30 09:30:00\n";
    for (const auto& actor : {clerk, super})
        BOOST_TEST(test::refusal_code([&] {
                       app::import_ratings_text(ws, actor, changed, app::Encoding::auto_detect, "f.csv");
                   }) != "");
    // The administrator imports exports, never grades: a second, different rating of a good one
    // is refused, and the first stays as the citizen gave it.
    auto report = import(number + ",1,改成差评,2026-09-30 09:45:00\n");
    BOOST_REQUIRE(report.rejected.size() == 1u);
    BOOST_TEST(report.rejected[0].code == "already_rated");
    auto listed = all();
    BOOST_REQUIRE(listed.size() == 1u);
    BOOST_TEST(listed[0].rating.grade == 5);
    BOOST_TEST(listed[0].rating.comment == "很好");
    // Following a rating up is a supervisor's; nobody can follow up a good one.
    BOOST_TEST(test::refusal_code([&] { app::record_follow_up(ws, super, number, app::FollowUpStep::contacted, "电话"); }) ==
               "no_follow_up");
    BOOST_TEST(test::refusal_code([&] { app::list_ratings(ws, clerk, app::FollowUpFilter::any, std::nullopt); }) != "");
}

BOOST_AUTO_TEST_CASE(a_follow_up_is_recorded_flagged_when_late_and_counted_in_the_month) {
    import(number + ",1,态度不好,2026-09-30 09:30:00\n");
    at("2026-10-09T02:00:00Z");  // Friday: the contact was due yesterday
    auto overdue = app::list_ratings(ws, super, app::FollowUpFilter::overdue, std::nullopt);
    BOOST_REQUIRE(overdue.size() == 1u);
    BOOST_TEST(overdue[0].overdue);
    BOOST_TEST(test::refusal_code([&] { app::record_follow_up(ws, clerk, number, app::FollowUpStep::contacted, "电话"); }) != "");
    BOOST_TEST(test::refusal_code([&] { app::record_follow_up(ws, super, number, app::FollowUpStep::contacted, " "); }) ==
               "note_missing");
    // Not rated again before the follow-up is settled (a trial's second rating came a minute after).
    auto early = import(number + ",4,,2026-10-09 09:00:00\n");
    BOOST_REQUIRE(early.rejected.size() == 1u);
    BOOST_TEST(early.rejected[0].code == "follow_up_not_settled");
    auto contacted = app::record_follow_up(ws, super, number, app::FollowUpStep::contacted, "电话联系，已致歉");
    BOOST_TEST(contacted.follow_up->contacted_by.value_or("") == "super");
    BOOST_TEST(!contacted.overdue);  // contacted, late; the settling is not due yet
    BOOST_TEST(test::refusal_code([&] { app::record_follow_up(ws, super, number, app::FollowUpStep::contacted, "再次"); }) ==
               "already_contacted");
    at("2026-10-12T02:00:00Z");
    auto settled = app::record_follow_up(ws, super, number, app::FollowUpStep::settled, "已改进叫号安排");
    BOOST_TEST(settled.follow_up->settled_at.has_value());
    BOOST_TEST(settled.follow_up->contact_note.value_or("") == "电话联系，已致歉");  // each step keeps its own words
    BOOST_TEST(settled.follow_up->settle_note.value_or("") == "已改进叫号安排");
    BOOST_TEST(app::list_ratings(ws, super, app::FollowUpFilter::open, std::nullopt).empty());
    // The citizen rates once more after the follow-up; a third time is refused.
    at("2026-10-14T02:00:00Z");
    auto second = import(number + ",4,整改后满意,2026-10-12 15:00:00\n");
    BOOST_TEST(second.added == 1u);
    BOOST_TEST(second.follow_ups == 0u);
    auto third = import(number + ",5,,2026-10-13 15:00:00\n");
    BOOST_REQUIRE(third.rejected.size() == 1u);
    BOOST_TEST(third.rejected[0].code == "follow_up_already_rated");

    // September's figures: the window's and the clerk's one 差评, contacted late, settled in time.
    auto f = app::monthly_figures(ws, super, "2026-09");
    const auto& s = f.satisfaction;
    BOOST_TEST(s.ratings == 1);
    BOOST_TEST(s.bad == 1);
    BOOST_REQUIRE(s.rows.size() == 2u);
    BOOST_TEST(s.rows[0].window);
    BOOST_TEST(s.rows[0].who == "窗口-01");
    BOOST_TEST(s.rows[0].mean == 1.0);
    BOOST_TEST(!s.rows[1].window);
    BOOST_TEST(s.follow_ups.opened == 1);
    BOOST_TEST(s.follow_ups.contacted_late == 1);
    BOOST_TEST(s.follow_ups.settled_in_time == 1);
}

BOOST_AUTO_TEST_CASE(a_channel_rates_its_own_applications_and_the_windows_cases_only) {
    const app::Actor intake{"clerk", core::Role::clerk, "intake-K1"};
    auto a = app::OnlineApplication{};
    a.apply_no = "WX-0001";
    a.via = core::Via::wechat;
    a.submitted_at = app::now();
    a.authorizer = {test::kZhangWei, "张伟", ""};
    a.user = {test::kLiXiuying, "李秀英", ""};
    a.relation = "12";
    a.materials = {{core::DocumentType::id_card, "sfz.png", test::sample_png()},
                   {core::DocumentType::marriage_certificate, "jhz.png", test::sample_png()}};
    const auto online = app::receive_application(ws, intake, a, "h").application.number;
    app::refuse_case(ws, super, online, core::NotAcceptedReason::other, std::string("测试"));

    app::ChannelCaller wechat{"K1", core::Via::wechat, intake}, alipay{"K2", core::Via::alipay, intake};
    core::RatingInput in{"WX-0001", 3, "", app::now()};
    BOOST_TEST(test::refusal_code([&] { app::rate_service(ws, alipay, in); }) == "apply_no_unknown");  // not its applicant
    auto receipt = app::rate_service(ws, wechat, in);
    BOOST_TEST(!receipt.repeated);
    BOOST_TEST(receipt.rating.case_number == online);
    BOOST_TEST(receipt.rating.workstation == "online:wechat");
    BOOST_TEST(receipt.rating.clerk == "super");
    BOOST_TEST(receipt.rating.source == "intake:K1");
    BOOST_TEST(app::rate_service(ws, wechat, in).repeated);  // a retry
    // A window's case, by its number, through any channel.
    auto window = app::rate_service(ws, alipay, {number, 5, "", app::now()});
    BOOST_TEST(window.rating.workstation == "窗口-01");
    BOOST_TEST(test::refusal_code([&] { app::rate_service(ws, wechat, {number, 0, "", app::now()}); }) == "rating_invalid");
}

BOOST_AUTO_TEST_CASE(the_rating_request_fills_the_agencys_template) {
    BOOST_TEST(test::refusal_code([&] { app::rating_link(ws, clerk, number); }) == "rating_template_missing");
    BOOST_TEST(test::refusal_code([&] {
                   app::set_service_setting(ws, admin, "rating_url_template", "https://hcp.example.cn/r?n={case}");
               }) == "setting_invalid");
    for (const char* wrong : {"ftp://x/{apply_no}", "http://hcp.example.cn/r?no={apply_no}", "https://hcp.example.cn/r?w={window}"})
        BOOST_TEST(test::refusal_code([&] { app::set_service_setting(ws, admin, "rating_url_template", wrong); }) ==
                   "setting_invalid", wrong);
    BOOST_TEST(test::refusal_code([&] { app::set_service_setting(ws, clerk, "item_code_bind", "X1"); }) != "");
    app::set_service_setting(ws, admin, "rating_url_template",
                             "https://hcp.example.cn/r?no={apply_no}&item={item_code}&s={state}&c={clerk}&n={clerk_name}&w={window}");
    app::set_service_setting(ws, admin, "item_code_bind", "450800-YB-017");
    const app::Actor named{"clerk", core::Role::clerk, "窗口 01", "韦丽华"};
    BOOST_TEST(app::rating_link(ws, named, number) ==
               "https://hcp.example.cn/r?no=" + number +
                   "&item=450800-YB-017&s=approved&c=clerk&n=%E9%9F%A6%E4%B8%BD%E5%8D%8E&w=%E7%AA%97%E5%8F%A3%2001");
}

BOOST_AUTO_TEST_SUITE_END()
