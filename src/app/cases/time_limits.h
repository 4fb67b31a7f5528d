#pragma once
// The time limit of a case (domain.md §9, 办结时限): the agency promises a decision within
// `processing_days` working days of its calendar, counted from the day the case was accepted and
// paused while it waited for papers (补正时间不计入办理时限).
// The queue shows what is left of it and flags cases due today or overdue (超期预警).
#include <map>
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
    // The day a case accepted at `accepted` is due, `paused` working days later for a correction,
    // `promised` working days after acceptance (what the case was promised; the agency's setting
    // now for a case accepted before promises were kept); nullopt when no days are promised.
    std::optional<core::CivilDate> due(const core::Instant& accepted, int paused = 0, std::optional<int> promised = {}) const;
    // The same for a case that may have been asked for papers: the working days a correction
    // asked after acceptance held the clock are added.
    std::optional<core::CivilDate> due(const core::Instant& accepted, const std::optional<core::Instant>& asked,
                                       const std::optional<core::Instant>& answered, std::optional<int> promised = {}) const;
    // Where a case stands today: one waiting for a decision against its time limit, one waiting
    // for papers against its correction's due day; nullopt for a decided one, or without days.
    std::optional<TimeLimit> of(const core::CaseSummary& c) const;
    std::optional<TimeLimit> of(const core::Case& c) const;

private:
    core::WorkingCalendar calendar_;
    std::optional<int> days_;
    core::CivilDate today_;
};

// The working days the agency promises now (setting processing_days), what a case accepted now
// is promised; nullopt while it promises none.
std::optional<int> processing_days(Workspace& ws);
std::optional<int> processing_days(const std::map<std::string, std::string>& settings);  // of those read

}  // namespace gongji::app
