// calendar: the agency's working days (domain.md §9).
#include "app/setup/calendar.h"
#include "cli/commands.h"
#include "cli/json_output.h"
#include "cli/sub_commands.h"
#include "core/json_writer.h"

namespace gongji::cli {
namespace {

const char* const kUsage = "usage: gongji calendar import FILE [--encoding auto|utf-8|gb18030] | calendar show YEAR";

int import(Session& s, const Args& args) {
    args.allow_only({"encoding"});
    args.expect_positional(2, "FILE");
    auto encoding = app::parse_encoding(args.option("encoding").value_or("auto"));
    auto report = app::import_calendar(s.workspace(), s.actor(), args.positional()[1], encoding);
    core::JsonWriter w(true);
    w.begin_object().key("years").begin_array();
    for (int year : report.years) w.value(year);
    w.end_array().key("holidays").value(report.holidays).key("workdays").value(report.workdays).end_object();
    print_json(w.str());
    return 0;
}

// The year's exceptions and its working days, read by anyone.
int show(Session& s, const Args& args) {
    args.allow_only({});
    args.expect_positional(2, "YEAR");
    const auto& text = args.positional()[1];
    auto first = core::CivilDate::parse(text + "-01-01");
    if (text.size() != 4 || !first) throw usage_error("calendar show: a year such as 2027, not \"" + text + "\"");
    const auto calendar = app::working_calendar(s.workspace());
    core::JsonWriter w(true);
    w.begin_object().key("year").value(first->year);
    for (auto kind : {core::DayKind::holiday, core::DayKind::workday}) {
        w.key(std::string(core::kDayKinds.code(kind)) + "s").begin_array();
        for (const auto& [date, of_kind] : calendar.exceptions())
            if (date.year == first->year && of_kind == kind) w.value(date.to_string());
        w.end_array();
    }
    const core::CivilDate last_of_before{first->year - 1, 12, 31}, last{first->year, 12, 31};
    w.key("working_days").value(calendar.working_days_after(last_of_before, last)).end_object();
    print_json(w.str());
    return 0;
}

const SubCommand kCalendar[] = {{"import", import}, {"show", show}};

}  // namespace

int run_calendar(Session& s, const Words& words) { return run_sub_command(s, words, {}, kCalendar, kUsage); }

}  // namespace gongji::cli
