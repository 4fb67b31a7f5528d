#include "app/money/settlement_service.h"

#include <algorithm>
#include <optional>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "app/trust/audit.h"
#include "app/cases/case_service.h"
#include "app/imports/csv_header.h"
#include "app/platform/errors.h"
#include "app/platform/paths.h"
#include "app/setup/policy_service.h"
#include "app/money/settlement_run.h"
#include "app/platform/stores.h"
#include "core/csv.h"
#include "core/instant.h"
#include "core/json_writer.h"
#include "core/money.h"
#include "core/settlement.h"

namespace gongji::app {
namespace {

// A file's settlements with the lines they came from, put in time order (a stable sort: the
// file's order among equal times).
template <class Item>
struct Timed {
    std::vector<Item> items;
    std::vector<std::size_t> lines;

    void add(Item&& item, std::size_t line) {
        items.push_back(std::move(item));
        lines.push_back(line);
    }
    void sort_by_time() {
        std::vector<std::size_t> order(items.size());
        for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
        std::stable_sort(order.begin(), order.end(), [&](auto a, auto b) { return items[a].time < items[b].time; });
        Timed sorted;
        sorted.items.reserve(items.size());
        sorted.lines.reserve(items.size());
        for (auto i : order) sorted.add(std::move(items[i]), lines[i]);
        *this = std::move(sorted);
    }
};

// The settlements to split of a file (interfaces.md, first set).
Timed<core::Settlement> read_to_split(core::CsvReader& reader, const std::vector<std::string>& header,
                                      const core::CivilDate& today, SettleReport& report) {
    std::string missing;
    auto columns = core::SettlementColumns::from_header(header, missing);
    if (!columns) throw BadInput("line 1: the header has no column \"" + missing + "\"", {"column_missing", {{"column", missing}}});
    refuse_unusable_header(header);
    Timed<core::Settlement> out;
    std::vector<std::string> fields;
    core::Settlement s;
    while (reader.next(fields)) {
        ++report.read;
        if (reader.malformed()) {
            report.rejected.push_back({reader.line(), "quote", "引号未闭合"});
            continue;
        }
        if (auto issue = core::parse_settlement_row(*columns, fields, today, s)) {
            report.rejected.push_back({reader.line(), issue->code, issue->message});
            continue;
        }
        out.add(std::move(s), reader.line());
    }
    return out;
}

// The platform's settlement records of a file (interfaces.md, second set): the lines of one
// setl_id (one per paying authorizer) make one settlement.
Timed<core::RecordedSettlement> read_recorded(core::CsvReader& reader, const std::vector<std::string>& header,
                                              const core::CivilDate& today, SettleReport& report) {
    std::string missing;
    auto columns = core::RecordedColumns::from_header(header, missing);
    if (!columns) throw BadInput("line 1: the header has no column \"" + missing + "\"", {"column_missing", {{"column", missing}}});
    refuse_unusable_header(header);
    const auto med_types = load_shipped_med_types();
    Timed<core::RecordedSettlement> out;
    std::unordered_map<std::string, std::size_t> at;  // setl_id → index in out
    std::unordered_set<std::string> refused;          // setl_ids with a refused line: all of it refused
    std::vector<std::string> fields;
    core::RecordedSettlement s;
    auto refuse = [&](std::size_t line, const std::string& setl_id, core::Issue issue) {
        report.rejected.push_back({line, issue.code, issue.message, issue.params});
        if (!setl_id.empty()) refused.insert(setl_id);
    };
    while (reader.next(fields)) {
        ++report.read;
        if (reader.malformed()) {
            refuse(reader.line(), "", {"quote", "引号未闭合"});
            continue;
        }
        if (auto issue = core::parse_recorded_line(*columns, fields, med_types, today, s)) {
            refuse(reader.line(), s.setl_id, std::move(*issue));
            continue;
        }
        auto [it, first] = at.emplace(s.setl_id, out.items.size());
        if (first) {
            out.add(std::move(s), reader.line());
        } else if (auto issue = core::merge_recorded_line(out.items[it->second], s, out.lines[it->second])) {
            refuse(reader.line(), s.setl_id, std::move(*issue));
        }
    }
    // A settlement is all its lines or none: one refused line refuses the others too.
    if (!refused.empty()) {
        Timed<core::RecordedSettlement> kept;
        for (std::size_t i = 0; i < out.items.size(); ++i) {
            if (!refused.count(out.items[i].setl_id)) {
                kept.add(std::move(out.items[i]), out.lines[i]);
            } else {
                report.rejected.push_back({out.lines[i], "setl_refused",
                                           "结算编号“" + out.items[i].setl_id + "”的另一行有误，整笔结算未导入",
                                           {{"setl_id", out.items[i].setl_id}}});
            }
        }
        out = std::move(kept);
    }
    return out;
}

// Applies a file's settlements, in time order, in parts: each part's setl_ids are looked up
// together and what it writes goes to the database in bulk.
template <class Item>
void apply_in_time_order(SettlementRun& run, Timed<Item>& file, const std::string& imported_at, SettleReport& report) {
    file.sort_by_time();
    constexpr std::size_t kPart = 20000;
    std::vector<Item> part;
    std::vector<std::size_t> lines;
    for (std::size_t from = 0; from < file.items.size(); from += kPart) {
        const auto to = std::min(file.items.size(), from + kPart);
        part.assign(std::make_move_iterator(file.items.begin() + from), std::make_move_iterator(file.items.begin() + to));
        lines.assign(file.lines.begin() + from, file.lines.begin() + to);
        run.apply_part(part, lines, imported_at, [&](std::size_t i, const SettlementRun::Result& r) {
            switch (r.outcome) {
                case SettlementRun::Outcome::applied:
                    ++report.applied;
                    report.late += r.late ? 1 : 0;
                    report.findings += r.findings.size();
                    break;
                case SettlementRun::Outcome::duplicate: ++report.duplicates; break;
                case SettlementRun::Outcome::conflict:
                    report.rejected.push_back({lines[i], "setl_id_conflict", run.last_conflict().message,
                                               run.last_conflict().params});
                    break;
                case SettlementRun::Outcome::unknown_user:
                    report.rejected.push_back({lines[i], "user_not_found",
                                               "使用人“" + part[i].user_id + "”不在参保人员名册中"});
                    break;
            }
        });
    }
}


// A recorded settlement as a statement row: the platform's split, with the own account's balance
// as the platform reported it and each authorizer's as the register then held it.
StatementRow statement_row(const core::RecordedSettlement& s, bool late, const std::string& imported_at,
                           long long applied_seq) {
    const auto at = core::format_utc(s.time);
    StatementRow row{{s.setl_id, s.user_id, at, s.institution_code, s.institution_name, core::use_name(s.use),
                      s.amount_fen, s.own_fen, s.mutual_aid_fen(), s.cash_fen, imported_at, late, true, applied_seq},
                     {}};
    if (s.own_fen > 0)
        row.entries.push_back({s.setl_id, s.user_id, std::nullopt, core::LedgerKind::own, -s.own_fen, s.balc_fen, at});
    for (const auto& p : s.payments)
        if (p.amount_fen > 0)
            row.entries.push_back({s.setl_id, p.authorizer_id, std::nullopt, core::LedgerKind::mutual_aid, -p.amount_fen,
                                   std::max(0LL, p.balance_before_fen - p.amount_fen), at});
    return row;
}

}  // namespace

void write_counts(core::JsonWriter& w, const SettleReport& report) {
    w.key("read").value(static_cast<long long>(report.read))
        .key("applied").value(static_cast<long long>(report.applied))
        .key("duplicates").value(static_cast<long long>(report.duplicates))
        .key("late").value(static_cast<long long>(report.late))
        .key("findings").value(static_cast<long long>(report.findings));
}

SettleReport settle_text(Workspace& ws, std::string bytes, Encoding encoding, const AuditWho& who,
                         const std::string& source) {
    SettleReport report;
    std::string detected;
    const std::string text = to_utf8(std::move(bytes), encoding, detected);
    core::CsvReader reader(text);
    std::vector<std::string> header;
    if (!reader.next(header))
        throw BadInput("line 1: the file is empty; a header line is required", {"file_empty", {}});
    const bool recorded = core::RecordedColumns::recognises(header);

    // The whole file is read before anything is applied: its settlements go in time order.
    const auto today = china_today();
    std::optional<Timed<core::Settlement>> to_split;
    std::optional<Timed<core::RecordedSettlement>> records;
    if (recorded)
        records = read_recorded(reader, header, today, report);
    else
        to_split = read_to_split(reader, header, today, report);

    const auto imported_at = now().utc();
    storage::LargeCache cache(database(ws));  // the ledger's indexes grow by millions of entries
    storage::Transaction tx(database(ws));
    stores(ws).ledger.lock_for_settlement();  // before reading any balance
    SettlementRun run(ws);
    // Settlements against people in the roster: a large file reads the roster in one pass.
    const auto count = static_cast<long long>(recorded ? records->items.size() : to_split->items.size());
    if (count * 4 >= stores(ws).persons.count()) run.preload_accounts();
    if (recorded)
        apply_in_time_order(run, *records, imported_at, report);
    else
        apply_in_time_order(run, *to_split, imported_at, report);
    run.write_back();
    // Rejections in line order, whichever step found them.
    std::stable_sort(report.rejected.begin(), report.rejected.end(),
                     [](const RejectedLine& a, const RejectedLine& b) { return a.line < b.line; });
    core::JsonWriter summary;
    summary.begin_object().key("kind").value(recorded ? "recorded" : "to_split");
    write_counts(summary, report);
    summary.key("rejected").value(static_cast<long long>(report.rejected.size()))
        .key("file").value(source)
        .end_object();
    audit(ws, who, "settlement.import", "settlement", audit_file_key(source), "", summary.str());
    tx.commit();
    return report;
}

SettleReport settle_file(Workspace& ws, const Actor& actor, const std::string& path, Encoding encoding) {
    require_role(actor, {core::Role::admin});
    return settle_text(ws, read_file(path), encoding, {actor.username, actor.workstation}, path);
}

long long reserve_quota(Workspace& ws, const Actor& actor, const std::string& authorizer_text,
                        const std::string& user_text, long long amount_fen, std::optional<long long> at) {
    require_role(actor, {core::Role::clerk, core::Role::supervisor});
    auto a = normalized_id(authorizer_text, "--authorizer");
    auto u = normalized_id(user_text, "--user");
    const long long when = at.value_or(now().seconds);
    storage::Transaction tx(database(ws));
    auto& ledger = stores(ws).ledger;
    ledger.lock_for_pair_move();  // beside other pairs' moves, never beside an import
    stores(ws).persons.lock({a, u});
    auto binding = stores(ws).bindings.find_open(a, u);
    if (!binding || !binding->is_active())
        throw BadInput("--user: no active binding from " + a + " to " + u,
                       {"binding_not_active", {{"authorizer", a}, {"user", u}, {"pending", binding ? "yes" : "no"}}});
    auto profile = load_policy(ws, binding->policy);
    auto version = profile.version_on(core::china_date(when));
    auto authorizer = stores(ws).persons.find(a);
    auto user = stores(ws).persons.find(u);
    if (!version || !core::uses_quota(*version, authorizer->pooling_region, user->pooling_region))
        throw BadInput("--user: this binding pays from the live account; it has no quota", {"binding_without_quota", {}});
    auto day = core::china_date(when).to_string();
    if (auto issue = core::check_quota_transfer(amount_fen, ledger.transfers_on(binding->id, day), when))
        throw Refused(issue->code, {{"detail", issue->message}});
    long long balance = ledger.balance_for_update(a);
    if (balance < amount_fen) throw Refused("insufficient_balance");
    long long quota = ledger.quota_for_update(binding->id) + amount_fen;
    auto at_text = core::format_utc(when);
    ledger.set_balance(a, balance - amount_fen);
    ledger.set_quota(binding->id, quota);
    ledger.insert(core::LedgerEntry{std::nullopt, a, binding->id, core::LedgerKind::quota_reserve, -amount_fen,
                                        balance - amount_fen, at_text});
    ledger.record_transfer(binding->id, amount_fen, at_text, day, actor.username);
    audit(ws, {actor.username, actor.workstation}, "quota.reserve", "binding", std::to_string(binding->id),
          "{\"quota_fen\":" + std::to_string(quota - amount_fen) + "}", "{\"quota_fen\":" + std::to_string(quota) + "}");
    tx.commit();
    return quota;
}

void return_quota(Workspace& ws, const AuditWho& who, long long binding_id, const std::string& authorizer_id,
                  const std::string& at) {
    auto& ledger = stores(ws).ledger;
    long long quota = ledger.quota_for_update(binding_id);
    if (quota <= 0) return;  // callers hold the money lock already
    long long balance = ledger.balance_for_update(authorizer_id) + quota;
    ledger.set_balance(authorizer_id, balance);
    ledger.set_quota(binding_id, 0);
    ledger.insert(core::LedgerEntry{std::nullopt, authorizer_id, binding_id, core::LedgerKind::quota_return, quota, balance, at});
    audit(ws, who, "quota.return", "binding", std::to_string(binding_id),
          "{\"quota_fen\":" + std::to_string(quota) + "}", "{\"quota_fen\":0}");
}

Statement statement(Workspace& ws, const Actor& actor, bool of_user, const std::string& id_text,
                    const core::CivilDate& from, const core::CivilDate& to, bool printed) {
    auto id = normalized_id(id_text, of_user ? "--user" : "--authorizer");
    require_period(from, to);
    core::JsonWriter detail;
    detail.begin_object().key("what").value(of_user ? "statement_as_user" : "statement_as_authorizer");
    detail.key("from").value(from.to_string()).key("to").value(to.to_string());
    detail.key("how").value(printed ? "printed" : "shown").end_object();
    log_access(ws, {actor.username, actor.workstation}, "person.view", "person", id, detail.str());
    auto start = core::format_utc(core::china_day_start(from));
    auto end = core::format_utc(core::china_day_start(core::CivilDate::from_days_since_epoch(to.days_since_epoch() + 1)));
    auto& ledger = stores(ws).ledger;
    Statement out;
    auto settlements = of_user ? ledger.settlements_of_user(id, start, end) : ledger.settlements_drawn_on(id, start, end);
    for (auto& s : settlements) {
        auto entries = ledger.entries_of(s.setl_id);
        out.rows.push_back({std::move(s), std::move(entries)});
    }
    auto& recorded = stores(ws).recorded;
    for (auto& r : of_user ? recorded.of_user(id, start, end) : recorded.drawn_on(id, start, end))
        out.rows.push_back(statement_row(r.settlement, r.late, r.imported_at, r.applied_seq));
    // The ledger as it happened: in the order the settlements were applied (each import in time
    // order), so that a late one stands where it moved the balances. Those applied before that
    // order was kept: by import, then time.
    std::stable_sort(out.rows.begin(), out.rows.end(), [](const StatementRow& a, const StatementRow& b) {
        const auto& x = a.settlement;
        const auto& y = b.settlement;
        return std::tie(x.applied_seq, x.imported_at, x.settled_at, x.setl_id) <
               std::tie(y.applied_seq, y.imported_at, y.settled_at, y.setl_id);
    });
    // An authorizer's statement is of their own account: what each settlement drew from it. The
    // rest of the settlement (the user's own account, other authorizers, cash) is not theirs to
    // see, nor to work out from the row.
    if (!of_user)
        for (auto& row : out.rows) {
            row.entries.erase(std::remove_if(row.entries.begin(), row.entries.end(),
                                             [&](const core::LedgerEntry& e) { return e.account != id; }),
                              row.entries.end());
            auto& s = row.settlement;
            s.mutual_aid_fen = s.own_fen = s.cash_fen = 0;
            for (const auto& e : row.entries)
                if (core::is_mutual_aid(e.kind)) s.mutual_aid_fen -= e.amount_fen;
            s.amount_fen = s.mutual_aid_fen;
        }
    for (const auto& row : out.rows) {
        out.amount_fen += row.settlement.amount_fen;
        out.own_fen += row.settlement.own_fen;
        out.mutual_aid_fen += row.settlement.mutual_aid_fen;
        out.cash_fen += row.settlement.cash_fen;
    }
    return out;
}

}  // namespace gongji::app
