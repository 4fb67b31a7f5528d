#include "storage/calendar_repository.h"

#include <soci/soci.h>

#include "storage/row_values.h"

namespace gongji::storage {

std::map<core::CivilDate, core::DayKind> CalendarRepository::all() {
    std::map<core::CivilDate, core::DayKind> out;
    for_each_row(db_.sql(), "SELECT day, kind FROM calendar_days", [&](const soci::row& r) {
        auto day = core::CivilDate::parse(r.get<std::string>(0));
        auto kind = core::kDayKinds.parse(r.get<std::string>(1));
        if (day && kind) out[*day] = *kind;  // the table's CHECK allows nothing else
    });
    return out;
}

void CalendarRepository::replace_years(const std::set<int>& years, const std::map<core::CivilDate, core::DayKind>& days) {
    for (int year : years) {
        const std::string first = std::to_string(year) + "-01-01", last = std::to_string(year) + "-12-31";
        db_.sql() << "DELETE FROM calendar_days WHERE day BETWEEN :f AND :l", soci::use(first), soci::use(last);
    }
    for (const auto& [date, kind] : days) {
        if (!years.count(date.year)) continue;
        const std::string day = date.to_string(), code = core::kDayKinds.code(kind);
        db_.sql() << "INSERT INTO calendar_days (day, kind) VALUES (:d, :k)", soci::use(day), soci::use(code);
    }
}

}  // namespace gongji::storage
