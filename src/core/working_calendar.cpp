#include "core/working_calendar.h"

namespace gongji::core {

int weekday(const CivilDate& date) {
    const long long days = date.days_since_epoch();  // 1970-01-01 was a Thursday
    return static_cast<int>(((days + 4) % 7 + 7) % 7);
}

bool WorkingCalendar::is_working_day(const CivilDate& date) const {
    if (auto exception = exceptions_.find(date); exception != exceptions_.end()) return exception->second == DayKind::workday;
    const int day = weekday(date);
    return day != 0 && day != 6;
}

CivilDate WorkingCalendar::add_working_days(const CivilDate& from, int days) const {
    long long at = from.days_since_epoch();
    for (int counted = 0; counted < days;)
        if (is_working_day(CivilDate::from_days_since_epoch(++at))) ++counted;
    return CivilDate::from_days_since_epoch(at);
}

int WorkingCalendar::working_days_after(const CivilDate& from, const CivilDate& to) const {
    int counted = 0;
    for (long long at = from.days_since_epoch() + 1, end = to.days_since_epoch(); at <= end; ++at)
        if (is_working_day(CivilDate::from_days_since_epoch(at))) ++counted;
    return counted;
}

}  // namespace gongji::core
