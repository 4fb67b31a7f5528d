#include "app/cases/time_limits.h"

#include "app/platform/clock.h"
#include "app/setup/calendar.h"
#include "app/platform/stores.h"
#include "app/setup/number_setting.h"
#include "app/setup/settings.h"

namespace gongji::app {

std::optional<int> processing_days(Workspace& ws) { return processing_days(stores(ws).settings.all()); }

std::optional<int> processing_days(const std::map<std::string, std::string>& settings) {
    if (auto days = number_setting(settings, "processing_days"); days && *days > 0) return static_cast<int>(*days);  // 1–999, checked when set
    return std::nullopt;
}

TimeLimits::TimeLimits(Workspace& ws) : calendar_(working_calendar(ws)), days_(processing_days(ws)), today_(china_today()) {}

std::optional<core::CivilDate> TimeLimits::due(const core::Instant& accepted, int paused, std::optional<int> promised) const {
    const auto days = promised ? promised : days_;
    if (!days) return std::nullopt;
    return calendar_.add_working_days(accepted.china_date(), *days + paused);
}

std::optional<core::CivilDate> TimeLimits::due(const core::Instant& accepted, const std::optional<core::Instant>& asked,
                                               const std::optional<core::Instant>& answered, std::optional<int> promised) const {
    // A correction asked before acceptance (an online application) held no clock; one asked after
    // it held it from the day after it was asked up to the day it was answered.
    const bool held = asked && answered && accepted <= *asked;
    return due(accepted, held ? calendar_.working_days_after(asked->china_date(), answered->china_date()) : 0, promised);
}

std::optional<TimeLimit> TimeLimits::of(const core::CaseSummary& c) const {
    std::optional<core::CivilDate> day;
    if (c.status == core::CaseStatus::correction) {
        day = c.correction_due;
    } else if (c.status == core::CaseStatus::submitted) {
        day = due(c.waiting_since, c.correction_asked_at, c.correction_answered_at, c.promised_days);
    }
    if (!day) return std::nullopt;
    return TimeLimit{*day, calendar_.working_days_after(today_, *day), today_ == *day, *day < today_};
}

std::optional<TimeLimit> TimeLimits::of(const core::Case& c) const {
    core::CaseSummary s;
    s.status = c.status;
    s.waiting_since = c.submitted_at.value_or(c.created_at);
    s.promised_days = c.promised_days;
    if (c.correction) {
        s.correction_due = c.correction->due;
        s.correction_asked_at = c.correction->asked_at;
        s.correction_answered_at = c.correction->answered_at;
    }
    return of(s);
}

}  // namespace gongji::app
