#include "app/imports/roster_import.h"

#include <algorithm>
#include <map>

#include "app/imports/csv_header.h"
#include "app/platform/errors.h"
#include "app/platform/paths.h"
#include "app/setup/policy_service.h"
#include "core/csv.h"
#include "app/trust/audit_record.h"
#include "app/cases/case_service.h"
#include "app/money/settlement_service.h"
#include "app/platform/stores.h"
#include "core/json_writer.h"
#include "core/packed_id_map.h"
#include "core/roster.h"
#include "storage/roster_writer.h"

namespace gongji::app {
namespace {

constexpr size_t kProgressEvery = 10000;

// Ends the open bindings that the new roster makes impossible, each audited.
int end_bindings_after_import(Workspace& ws, const AuditWho& who) {
    std::map<std::string, core::PolicyProfile> profiles;
    auto today = china_today();
    auto at = now();
    int ended = 0;
    for (const auto& open : stores(ws).bindings.open_with_people()) {
        const auto& b = open.binding;
        auto it = profiles.find(b.policy);
        if (it == profiles.end()) it = profiles.emplace(b.policy, load_policy(ws, b.policy)).first;
        if (!core::binding_ends_automatically(open.authorizer_status, open.user_status, it->second.version_on(today),
                                              open.authorizer_region, open.user_region))
            continue;
        stores(ws).bindings.end(b.id, at, core::kAutomaticUnbindReason);
        return_quota(ws, who, b.id, b.authorizer_id, at.utc());
        audit(ws, who, "binding.end", "binding", std::to_string(b.id), audit_record(b),
              audit_record(*stores(ws).bindings.find(b.id)));
        ++ended;
    }
    return ended;
}

}  // namespace

RosterImportReport import_roster_text(Workspace& ws, std::string bytes, Encoding encoding,
                                      Progress* progress, const AuditWho& who, const std::string& source) {
    RosterImportReport report;
    const std::string text = to_utf8(std::move(bytes), encoding, report.encoding);
    core::CsvReader reader(text);
    std::vector<std::string> fields;
    if (!reader.next(fields))
        throw BadInput("line 1: the file is empty; a header line is required", {"file_empty", {}});
    // A missing column first: a file without a header (its first line a person) is said as such.
    std::string missing;
    auto columns = core::RosterColumns::from_header(fields, missing);
    if (!columns)
        throw BadInput("line 1: the header has no column \"" + missing + "\"", {"column_missing", {{"column", missing}}});
    refuse_unusable_header(fields);

    const auto today = china_today();
    const size_t total = text.size();
    core::Person person;
    storage::Transaction tx(database(ws));
    stores(ws).ledger.lock_for_settlement();  // the roster sets balances too
    const auto lines = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
    storage::RosterWriter writer(database(ws), now().utc(), lines);
    // A person twice in one roster: the first line is taken, the other refused naming it, so the
    // file cannot say two things of one person and the later silently win.
    core::PackedIdMap first_line;
    first_line.reserve(lines);
    while (reader.next(fields)) {
        ++report.read;
        if (reader.malformed()) {
            report.rejected.push_back({reader.line(), "quote", "引号未闭合"});
            continue;
        }
        if (auto issue = core::parse_roster_row(*columns, fields, today, person)) {
            report.rejected.push_back({reader.line(), issue->code, issue->message, issue->params});
            continue;
        }
        if (!first_line.insert(core::pack_id_number(person.id_number), static_cast<std::uint32_t>(reader.line()))) {
            auto earlier = std::to_string(*first_line.find(core::pack_id_number(person.id_number)));
            report.rejected.push_back({reader.line(), "id_repeated", "身份证号与第" + earlier + "行重复",
                                       {{"line", earlier}}});
            continue;
        }
        writer.write(person);
        if (progress && report.read % kProgressEvery == 0) {
            if (progress->cancelled()) throw Refused("cancelled");
            progress->report(reader.position(), total);
        }
    }
    writer.finish();
    report.inserted = writer.inserted();
    report.updated = writer.updated();
    report.unchanged = writer.unchanged();
    report.bindings_ended = end_bindings_after_import(ws, who);
    core::JsonWriter summary;
    summary.begin_object()
        .key("read").value(static_cast<long long>(report.read))
        .key("inserted").value(static_cast<long long>(report.inserted))
        .key("updated").value(static_cast<long long>(report.updated))
        .key("unchanged").value(static_cast<long long>(report.unchanged))
        .key("rejected").value(static_cast<long long>(report.rejected.size()))
        .key("bindings_ended").value(report.bindings_ended)
        .key("encoding").value(report.encoding)
        .key("file").value(source)
        .end_object();
    audit(ws, who, "roster.import", "roster", audit_file_key(source), "", summary.str());
    tx.commit();
    if (progress) progress->report(total, total);
    return report;
}

RosterImportReport import_roster(Workspace& ws, const Actor& actor, const std::string& path,
                                 Encoding encoding, Progress* progress) {
    require_role(actor, {core::Role::admin});
    return import_roster_text(ws, read_file(path), encoding, progress, {actor.username, actor.workstation}, path);
}

}  // namespace gongji::app
