// Pins how time limits are counted in working days (domain.md §9): weekends off, the calendar's
// holidays off, its 调休 weekend days worked, and a limit counted from the day after acceptance.
#include <boost/test/unit_test.hpp>

#include "core/working_calendar.h"

using namespace gongji::core;

namespace {

CivilDate d(const char* text) { return *CivilDate::parse(text); }

// A National Day week as an agency's calendar file gives it: 10-01 to 10-07 off, and the
// Saturday after worked instead.
WorkingCalendar national_day() {
    std::map<CivilDate, DayKind> days;
    for (const char* day : {"2026-10-01", "2026-10-02", "2026-10-03", "2026-10-04", "2026-10-05", "2026-10-06", "2026-10-07"})
        days[d(day)] = DayKind::holiday;
    days[d("2026-10-10")] = DayKind::workday;
    return WorkingCalendar(days);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(working_calendar)

BOOST_AUTO_TEST_CASE(weekdays_are_counted_from_a_known_thursday) {
    BOOST_TEST(weekday(d("1970-01-01")) == 4);
    BOOST_TEST(weekday(d("2026-12-07")) == 1);  // a Monday
    BOOST_TEST(weekday(d("2026-10-10")) == 6);
    BOOST_TEST(weekday(d("1969-12-31")) == 3);  // before the epoch too
}

BOOST_AUTO_TEST_CASE(without_a_calendar_monday_to_friday_are_working_days) {
    WorkingCalendar plain;
    BOOST_TEST(plain.is_working_day(d("2026-12-07")));
    BOOST_TEST(!plain.is_working_day(d("2026-12-12")));
    BOOST_TEST(!plain.is_working_day(d("2026-12-13")));
    // Accepted on a Friday: five working days end the next Friday.
    BOOST_TEST(plain.add_working_days(d("2026-12-11"), 5).to_string() == "2026-12-18");
    // Accepted on a Saturday (an online application): counted from Monday.
    BOOST_TEST(plain.add_working_days(d("2026-12-12"), 1).to_string() == "2026-12-14");
}

BOOST_AUTO_TEST_CASE(holidays_are_skipped_and_a_worked_weekend_day_counts) {
    auto calendar = national_day();
    BOOST_TEST(!calendar.is_working_day(d("2026-10-01")));  // a Thursday, but a holiday
    BOOST_TEST(calendar.is_working_day(d("2026-10-10")));   // a Saturday, but worked
    // Accepted the day before the holiday: 10-08, 10-09, 10-10 (Saturday, worked), 10-12, 10-13.
    BOOST_TEST(calendar.add_working_days(d("2026-09-30"), 5).to_string() == "2026-10-13");
    BOOST_TEST(WorkingCalendar().add_working_days(d("2026-09-30"), 5).to_string() == "2026-10-07");
}

BOOST_AUTO_TEST_CASE(the_working_days_left_are_those_after_today_up_to_the_due_day) {
    auto calendar = national_day();
    BOOST_TEST(calendar.working_days_after(d("2026-09-30"), d("2026-10-13")) == 5);
    BOOST_TEST(calendar.working_days_after(d("2026-10-13"), d("2026-10-13")) == 0);  // due today
    BOOST_TEST(calendar.working_days_after(d("2026-10-14"), d("2026-10-13")) == 0);  // overdue
    for (int n = 1; n <= 40; ++n)  // the two agree on every limit
        BOOST_TEST(calendar.working_days_after(d("2026-09-28"), calendar.add_working_days(d("2026-09-28"), n)) == n);
}

BOOST_AUTO_TEST_CASE(the_kinds_have_the_calendar_files_codes) {
    BOOST_TEST((kDayKinds.parse("holiday") == DayKind::holiday));
    BOOST_TEST((kDayKinds.parse("workday") == DayKind::workday));
    BOOST_TEST(!kDayKinds.parse("weekend").has_value());
}

BOOST_AUTO_TEST_SUITE_END()
