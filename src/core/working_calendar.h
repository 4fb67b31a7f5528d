#pragma once
// The agency's working days (domain.md §9): Monday to Friday, but for the State Council's public
// holidays, and with the 调休 weekend days that are worked instead. Time limits (办结时限, the
// due date of a correction) are counted in these days.
#include <map>

#include "core/civil_date.h"
#include "core/code_table.h"

namespace gongji::core {

// An exception to Monday–Friday, as the agency's calendar file names it.
enum class DayKind { holiday, workday };
inline constexpr CodeTable<DayKind, 2> kDayKinds{{{DayKind::holiday, "holiday", "休"}, {DayKind::workday, "workday", "班"}}};

// 0 Sunday … 6 Saturday.
int weekday(const CivilDate& date);

class WorkingCalendar {
public:
    WorkingCalendar() = default;  // Monday–Friday, no holiday known
    explicit WorkingCalendar(std::map<CivilDate, DayKind> exceptions) : exceptions_(std::move(exceptions)) {}

    bool is_working_day(const CivilDate& date) const;
    // The `days`th working day after `from` (days ≥ 1): what "within N working days from
    // acceptance" promises when the case was accepted on `from`, whatever day that was.
    CivilDate add_working_days(const CivilDate& from, int days) const;
    // Working days after `from` up to and including `to`; 0 when `to` is not after `from`.
    int working_days_after(const CivilDate& from, const CivilDate& to) const;
    const std::map<CivilDate, DayKind>& exceptions() const { return exceptions_; }

private:
    std::map<CivilDate, DayKind> exceptions_;
};

}  // namespace gongji::core
