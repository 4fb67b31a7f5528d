#include "app/roster_import.h"

#include <algorithm>

#include "app/errors.h"
#include "app/policy_service.h"
#include "core/csv.h"
#include "core/roster.h"
#include "storage/roster_writer.h"

namespace gongji::app {
namespace {

constexpr size_t kProgressEvery = 10000;

}  // namespace

RosterImportReport import_roster_text(Workspace& ws, std::string bytes, Encoding encoding,
                                      Progress* progress) {
    RosterImportReport report;
    const std::string text = to_utf8(std::move(bytes), encoding, report.encoding);
    core::CsvReader reader(text);
    std::vector<std::string> fields;
    if (!reader.next(fields)) throw BadInput("line 1: the file is empty; a header line is required");
    std::string missing;
    auto columns = core::RosterColumns::from_header(fields, missing);
    if (!columns) throw BadInput("line 1: the header has no column \"" + missing + "\"");

    const auto today = china_today();
    const size_t total = text.size();
    core::Person person;
    storage::Transaction tx(ws.db());
    const auto lines = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
    storage::RosterWriter writer(ws.db(), storage::utc_now(), lines);
    while (reader.next(fields)) {
        ++report.read;
        if (reader.malformed()) {
            report.rejected.push_back({reader.line(), "quote", "引号未闭合"});
            continue;
        }
        if (auto issue = core::parse_roster_row(*columns, fields, today, person)) {
            report.rejected.push_back({reader.line(), issue->code, issue->message});
            continue;
        }
        writer.write(person);
        if (progress && report.read % kProgressEvery == 0) {
            if (progress->cancelled()) throw Refused("cancelled", "导入已取消，未保存任何数据");
            progress->report(reader.position(), total);
        }
    }
    report.inserted = writer.inserted();
    report.updated = writer.updated();
    report.bindings_ended = ws.bindings().end_for_terminated_persons(storage::utc_now());
    tx.commit();
    if (progress) progress->report(total, total);
    return report;
}

RosterImportReport import_roster(Workspace& ws, const Actor& actor, const std::string& path,
                                 Encoding encoding, Progress* progress) {
    require_role(actor, {"admin"});
    return import_roster_text(ws, read_file(path), encoding, progress);
}

}  // namespace gongji::app
