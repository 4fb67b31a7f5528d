#pragma once
// The time limit of a case (domain.md §9, 办结时限): the agency promises a decision within
// `processing_days` working days of its calendar, counted from the day the case was accepted.
// The queue shows what is left of it and flags cases due today or overdue (超期预警).
#include <optional>

#include "app/platform/workspace.h"
#include "core/case_record.h"
#include "core/working_calendar.h"

namespace gongji::app {

struct TimeLimit {
    core::CivilDate due;
    int working_days_left = 0;  // after today, up to the due day
    bool due_today = false, overdue = false;
};

// The calendar and the promised days, read once for a whole queue.
class TimeLimits {
public:
    explicit TimeLimits(Workspace& ws);
    // The day a case accepted at `accepted` is due; nullopt while the agency promises no days.
    std::optional<core::CivilDate> due(const core::Instant& accepted) const;
    // Where a case waiting for a decision stands today; nullopt for a decided one, or without days.
    std::optional<TimeLimit> of(core::CaseStatus status, const core::Instant& accepted) const;

private:
    core::WorkingCalendar calendar_;
    std::optional<int> days_;
    core::CivilDate today_;
};

}  // namespace gongji::app
