// Pins the agency's working-day calendar (domain.md §9) on this run's backend: an administrator's
// import replaces the years the file names, all or nothing, audited; a bad line is named and
// nothing changes; and the receipt promises the day the decision is due in those working days.
#include <boost/test/unit_test.hpp>

#include <soci/soci.h>

#include "app/cases/case_service.h"
#include "app/platform/clock.h"
#include "app/platform/errors.h"
#include "app/printing/printed_papers.h"
#include "app/setup/calendar.h"
#include "demo_couple.h"
#include "fixture.h"
#include "refusals.h"

using namespace gongji;

namespace {

// A National Day week as an agency's file gives it: 10-01 to 10-07 off, the Saturday after worked.
const std::string& kNationalDay = test::kNationalDayCalendar;

struct Agency : test::DemoWorkspace {
    app::Actor clerk{"clerk", core::Role::clerk, "win-01"};
    ~Agency() { app::set_clock(std::nullopt); }
    app::CalendarImport import(const std::string& text) {
        return app::import_calendar_text(ws, admin, text, app::Encoding::auto_detect, "calendar-2026.csv");
    }
    long long audited() {
        long long n = 0;
        app::database(ws).sql() << "SELECT count(*) FROM audit_log WHERE action = 'calendar.import'", soci::into(n);
        return n;
    }
};

std::string refusal(const std::function<void()>& action) {
    try {
        action();
    } catch (const app::BadInput& e) {
        return e.problem().code + (e.problem().params.count("line") ? " " + e.problem().params.at("line") : "");
    }
    return "";
}

core::CivilDate d(const char* text) { return *core::CivilDate::parse(text); }

}  // namespace

BOOST_FIXTURE_TEST_SUITE(calendar, Agency)

BOOST_AUTO_TEST_CASE(an_import_replaces_the_years_it_names_and_is_audited) {
    BOOST_TEST(app::working_calendar(ws).is_working_day(d("2026-10-01")));  // nothing imported: a Thursday
    auto report = import(kNationalDay);
    BOOST_TEST(report.holidays == 7);
    BOOST_TEST(report.workdays == 1);
    BOOST_TEST((report.years == std::set<int>{2026}));
    auto calendar = app::working_calendar(ws);
    BOOST_TEST(!calendar.is_working_day(d("2026-10-01")));
    BOOST_TEST(calendar.is_working_day(d("2026-10-10")));
    // A corrected file for the year: what it no longer names is a working day again.
    import("date,kind\n2026-10-01,holiday\n2027-01-01,holiday\n");
    calendar = app::working_calendar(ws);
    BOOST_TEST(calendar.is_working_day(d("2026-10-02")));
    BOOST_TEST(!calendar.is_working_day(d("2027-01-01")));
    BOOST_TEST(calendar.exceptions().size() == 2u);
    BOOST_TEST(audited() == 2);
}

BOOST_AUTO_TEST_CASE(a_bad_line_is_named_and_nothing_changes) {
    import(kNationalDay);
    BOOST_TEST(refusal([&] { import("date,kind\n2026-10-01,holiday\n2026-13-01,holiday\n"); }) == "calendar_line_invalid 3");
    BOOST_TEST(refusal([&] { import("date,kind\n2026-10-01,day off\n"); }) == "calendar_line_invalid 2");
    BOOST_TEST(refusal([&] { import("date,kind\n2026-10-08,workday\n"); }) == "calendar_line_invalid 2");  // a Thursday
    BOOST_TEST(refusal([&] { import("date,kind\n2026-10-01,holiday\n2026-10-01,holiday\n"); }) == "calendar_line_invalid 3");
    BOOST_TEST(refusal([&] { import("2026-10-01,holiday\n"); }) == "calendar_header_missing");
    BOOST_TEST(refusal([&] { import("date,kind\n"); }) == "calendar_empty");
    BOOST_CHECK_THROW(app::import_calendar_text(ws, clerk, kNationalDay, app::Encoding::auto_detect, "c.csv"), app::Refused);
    BOOST_TEST(app::working_calendar(ws).exceptions().size() == 8u);  // as the first import left it
    BOOST_TEST(audited() == 1);
}

BOOST_AUTO_TEST_CASE(the_receipt_promises_the_day_counted_in_working_days) {
    import(kNationalDay);
    app::set_processing_days(ws, admin, "15");
    app::set_clock(core::Instant::parse("2026-09-30T02:00:00Z"));  // 10:00 in China, the day before the holiday
    auto c = app::submit_bind(ws, clerk, test::wife());
    app::DocumentRequest request;
    request.kind = app::Paper::receipt;
    request.case_number = c.number;
    auto receipt = app::prepare_document(ws, clerk, request);
    // 10-08, 10-09, 10-10 (worked), 10-12 … 10-16, 10-19 … 10-23, 10-26, 10-27: the fifteenth.
    BOOST_TEST(receipt.data.fields["processing_time"] == "自受理之日起15个工作日内（最迟2026年10月27日）");
}

BOOST_AUTO_TEST_CASE(the_queue_counts_down_the_working_days_to_the_due_day) {
    import(kNationalDay);
    app::set_processing_days(ws, admin, "15");
    app::set_clock(core::Instant::parse("2026-09-30T02:00:00Z"));
    auto c = app::submit_bind(ws, clerk, test::wife());
    auto waiting = [&](const char* utc) {
        app::set_clock(core::Instant::parse(utc));
        app::CaseSearch search;
        search.number = c.number;
        return app::list_case_summaries(ws, search).at(0);
    };
    auto start = waiting("2026-09-30T02:00:00Z");
    BOOST_REQUIRE(start.due.has_value());
    BOOST_TEST(start.due->to_string() == "2026-10-27");
    BOOST_TEST(start.working_days_left == 15);
    BOOST_TEST(waiting("2026-10-07T02:00:00Z").working_days_left == 15);  // the holiday week counts nothing
    BOOST_TEST(waiting("2026-10-09T02:00:00Z").working_days_left == 13);  // 10-08 and 10-09 gone
    BOOST_TEST(waiting("2026-10-26T02:00:00Z").working_days_left == 1);
    auto due = waiting("2026-10-27T02:00:00Z");
    BOOST_TEST(due.working_days_left == 0);
    BOOST_TEST(!due.overdue);
    BOOST_TEST(waiting("2026-10-28T02:00:00Z").overdue);
    // Decided: no limit is running.
    app::approve_case(ws, {"super", core::Role::supervisor, "win-09"}, c.number);
    BOOST_TEST(!waiting("2026-10-28T02:00:00Z").due.has_value());
}

BOOST_AUTO_TEST_SUITE_END()
