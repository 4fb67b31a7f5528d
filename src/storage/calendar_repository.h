#pragma once
// The agency's working-day calendar: the days that are exceptions to Monday–Friday.
#include <map>
#include <set>

#include "core/working_calendar.h"
#include "storage/database.h"

namespace gongji::storage {

class CalendarRepository {
public:
    explicit CalendarRepository(Database& db) : db_(db) {}
    std::map<core::CivilDate, core::DayKind> all();
    // Within the caller's transaction: the exceptions of each of `years` become `days` (those in
    // these years); other years stay as they were.
    void replace_years(const std::set<int>& years, const std::map<core::CivilDate, core::DayKind>& days);

private:
    Database& db_;
};

}  // namespace gongji::storage
