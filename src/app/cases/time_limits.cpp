#include "app/cases/time_limits.h"

#include "app/platform/clock.h"
#include "app/setup/calendar.h"
#include "app/setup/settings.h"

namespace gongji::app {

TimeLimits::TimeLimits(Workspace& ws) : calendar_(working_calendar(ws)), today_(china_today()) {
    const auto days = agency_settings(ws).processing_days;  // 1–999, checked when set
    if (days && !days->empty() && days->size() <= 3 && days->find_first_not_of("0123456789") == std::string::npos)
        days_ = std::stoi(*days);
}

std::optional<core::CivilDate> TimeLimits::due(const core::Instant& accepted) const {
    if (!days_) return std::nullopt;
    return calendar_.add_working_days(accepted.china_date(), *days_);
}

std::optional<TimeLimit> TimeLimits::of(core::CaseStatus status, const core::Instant& accepted) const {
    auto day = status == core::CaseStatus::submitted ? due(accepted) : std::nullopt;
    if (!day) return std::nullopt;
    return TimeLimit{*day, calendar_.working_days_after(today_, *day), today_ == *day, *day < today_};
}

}  // namespace gongji::app
