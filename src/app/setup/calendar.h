#pragma once
// The agency's working-day calendar (domain.md §9; interfaces.md, third set): time limits are
// counted in its working days. An administrator imports each year's exceptions to Monday–Friday.
#include <set>
#include <string>

#include "app/imports/text_encoding.h"
#include "app/platform/workspace.h"
#include "app/trust/auth.h"
#include "core/working_calendar.h"

namespace gongji::app {

struct CalendarImport {
    std::set<int> years;  // whose exceptions the file's replaced
    int holidays = 0, workdays = 0;
};

// Administrator only. A CSV file `date,kind` (header required; UTF-8 or GB18030), kind `holiday`
// or `workday` (a weekend day that is worked): each year the file names gets exactly the file's
// days, all or nothing, audited with the days before and after. BadInput naming the line for a
// date that is not one, another kind, a day given twice, a `workday` that is not a weekend day;
// "calendar_header_missing" without the header, "calendar_empty" for a file of no day.
CalendarImport import_calendar(Workspace& ws, const Actor& actor, const std::string& path,
                               Encoding encoding = Encoding::auto_detect);
CalendarImport import_calendar_text(Workspace& ws, const Actor& actor, std::string bytes, Encoding encoding,
                                    const std::string& source);

// The calendar as imported (Monday–Friday where nothing was).
core::WorkingCalendar working_calendar(Workspace& ws);

}  // namespace gongji::app
