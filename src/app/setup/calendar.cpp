#include "app/setup/calendar.h"

#include <map>

#include "app/platform/errors.h"
#include "app/platform/paths.h"
#include "app/platform/stores.h"
#include "app/trust/audit.h"
#include "core/csv.h"
#include "core/json_writer.h"

namespace gongji::app {
namespace {

using Days = std::map<core::CivilDate, core::DayKind>;

BadInput line_invalid(std::size_t line, const std::string& text, const std::string& why) {
    return BadInput("line " + std::to_string(line) + ": " + why,
                    {"calendar_line_invalid", {{"line", std::to_string(line)}, {"text", text}, {"why", why}}});
}

Days read_days(const std::string& text) {
    core::CsvReader reader(text);
    std::vector<std::string> fields;
    std::string missing;
    const auto found = reader.next(fields) ? core::find_columns(fields, {"date", "kind"}, missing) : std::nullopt;
    if (!found) throw BadInput("the first line must name the columns date,kind", {"calendar_header_missing", {}});
    const auto& columns = *found;
    Days days;
    while (reader.next(fields)) {
        const auto line = reader.line();
        const std::string date_text(fields.size() > columns[0] ? core::trim_blanks(fields[columns[0]]) : "");
        const std::string kind_text(fields.size() > columns[1] ? core::trim_blanks(fields[columns[1]]) : "");
        auto date = core::CivilDate::parse(date_text);
        if (!date) throw line_invalid(line, date_text, "\"" + date_text + "\" is not a date YYYY-MM-DD");
        auto kind = core::kDayKinds.parse(kind_text);
        if (!kind) throw line_invalid(line, kind_text, "the kind is " + core::kDayKinds.listed() + ", not \"" + kind_text + "\"");
        const int day = core::weekday(*date);
        if (*kind == core::DayKind::workday && day != 0 && day != 6)
            throw line_invalid(line, date_text, date_text + " is a weekday: only a weekend day can be made a workday");
        if (!days.emplace(*date, *kind).second) throw line_invalid(line, date_text, date_text + " is given twice");
    }
    if (days.empty()) throw BadInput("the file names no day", {"calendar_empty", {}});
    return days;
}

// The days of `years` as an audit record: {"file": …, "days": {"2026-10-01": "holiday", …}}.
std::string days_record(const Days& days, const std::set<int>& years, const std::string& file) {
    core::JsonWriter w;
    w.begin_object();
    if (!file.empty()) w.key("file").value(file);
    w.key("days").begin_object();
    for (const auto& [date, kind] : days)
        if (years.count(date.year)) w.key(date.to_string()).value(core::kDayKinds.code(kind));
    w.end_object().end_object();
    return w.str();
}

}  // namespace

CalendarImport import_calendar(Workspace& ws, const Actor& actor, const std::string& path, Encoding encoding) {
    require_role(actor, {core::Role::admin});
    return import_calendar_text(ws, actor, read_file(path), encoding, path);
}

CalendarImport import_calendar_text(Workspace& ws, const Actor& actor, std::string bytes, Encoding encoding,
                                    const std::string& source) {
    require_role(actor, {core::Role::admin});
    std::string detected;
    const auto days = read_days(to_utf8(std::move(bytes), encoding, detected));
    CalendarImport report;
    for (const auto& [date, kind] : days) {
        report.years.insert(date.year);
        ++(kind == core::DayKind::holiday ? report.holidays : report.workdays);
    }
    storage::Transaction tx(database(ws));
    auto& calendar = stores(ws).calendar;
    const auto before = calendar.all();
    calendar.replace_years(report.years, days);
    std::string key;
    for (int year : report.years) key += (key.empty() ? "" : ",") + std::to_string(year);
    audit(ws, {actor.username, actor.workstation}, "calendar.import", "calendar", key.substr(0, 64),
          days_record(before, report.years, ""), days_record(days, report.years, source));
    tx.commit();
    return report;
}

core::WorkingCalendar working_calendar(Workspace& ws) { return core::WorkingCalendar(stores(ws).calendar.all()); }

}  // namespace gongji::app
