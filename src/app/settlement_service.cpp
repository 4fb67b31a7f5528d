#include "app/settlement_service.h"

#include <algorithm>
#include <deque>
#include <map>
#include <memory>
#include <unordered_map>
#include <unordered_set>

#include "app/audit.h"
#include "app/case_service.h"
#include "app/errors.h"
#include "app/paths.h"
#include "app/policy_service.h"
#include "app/stores.h"
#include "storage/ledger_repository.h"
#include "storage/settlement_writer.h"
#include "core/allocation.h"
#include "core/csv.h"
#include "core/instant.h"
#include "core/json_writer.h"
#include "core/money.h"
#include "core/packed_id_map.h"
#include "core/settlement.h"

namespace gongji::app {
namespace {

constexpr long long kForever = 1LL << 62;

long long seconds_of(const std::optional<core::Instant>& t, long long otherwise) { return t ? t->seconds : otherwise; }

// A binding as settlement sees it: when it paid, in which order, under which profile.
struct BindingView {
    long long id;
    std::string authorizer;
    std::string policy;
    bool legacy;
    long long since, until;
    int order_now;
    std::vector<std::pair<long long, int>> orders;  // (from, order), oldest first

    int order_at(long long t) const {
        int order = orders.empty() ? order_now : orders.front().second;
        for (const auto& [from, o] : orders)
            if (from <= t) order = o;
        return order;
    }
    bool pays_at(long long t) const { return !legacy && since <= t && t < until; }
};

struct Account {
    std::string id_number;
    long long balance = 0;
    std::string insurance_type, region;
    bool dirty = false;
};

// Everything an import needs in memory, read once and written back at the end.
class SettlementRun {
public:
    SettlementRun(Workspace& ws) : ws_(ws), ledger_(database(ws)) {
        std::unordered_map<long long, BindingView*> by_id;
        for (const auto& b : stores(ws).bindings.list_ever_active()) {
            auto& list = by_user_[b.user_id];
            list.push_back({b.id, b.authorizer_id, b.policy, b.legacy, seconds_of(b.since, kForever),
                            !b.is_open() ? seconds_of(b.until, kForever) : kForever, b.deduction_order, {}});
        }
        for (auto& [user, list] : by_user_)
            for (auto& b : list) by_id[b.id] = &b;
        for (const auto& change : stores(ws).bindings.order_history())
            if (auto it = by_id.find(change.binding_id); it != by_id.end())
                it->second->orders.emplace_back(change.valid_from.seconds, change.order);
        quotas_ = ledger_.quotas();
        for (auto& p : list_policies(ws)) profiles_.emplace(p.name, std::move(p));
    }

    storage::LedgerRepository& ledger() { return ledger_; }

    // For a file that touches a good part of the roster, one pass over it is much cheaper than
    // a look-up per new person (measured: docs/performance.md).
    void preload_accounts() {
        index_.reserve(static_cast<size_t>(stores(ws_).persons.count()));
        stores(ws_).persons.for_each_account([&](storage::PersonRepository::Account&& a) {
            add_account(Account{std::move(a.id_number), a.balance_fen, std::move(a.insurance_type),
                                std::move(a.pooling_region), false});
        });
        preloaded_ = true;
    }

    Account* account(const std::string& id) {
        if (const auto* at = index_.find(core::pack_id_number(id))) return &accounts_[*at];
        if (preloaded_) return nullptr;  // the whole roster is here: not in it
        auto person = stores(ws_).persons.find(id);
        if (!person) return nullptr;
        return add_account(Account{id, person->balance_fen, person->insurance_type, person->pooling_region, false});
    }

    enum class Outcome { applied, duplicate, conflict, unknown_user };

    // What the last Outcome::conflict clashed with: the message and its params.
    struct Conflict {
        std::string message;
        std::map<std::string, std::string> params;
    };
    const Conflict& last_conflict() const { return conflict_; }

    // The settlements of a part of the file, in file order; their setl_ids are looked up in a
    // few queries, and what they write goes to the database in bulk before the next part.
    template <class Each>
    void apply_part(const std::vector<core::Settlement>& part, const std::vector<std::size_t>& lines,
                    const std::string& imported_at, Each&& outcome) {
        std::vector<std::string> ids;
        ids.reserve(part.size());
        for (const auto& s : part) ids.push_back(s.setl_id);
        // With the roster in memory nothing else needs the connection while a part is
        // allocated: its settlements stream to the server meanwhile.
        if (!writer_) writer_ = std::make_unique<storage::SettlementWriter>(database(ws_), !preloaded_);
        auto stored = writer_->stored(ids);
        for (std::size_t i = 0; i < part.size(); ++i) {
            const auto& s = part[i];
            // A setl_id stored before, or earlier in this file, changes nothing; under it another
            // person, time or amount is not the same payment, and is refused.
            core::SettlementIdentity identity{s.user_id, core::format_utc(s.time), s.amount_fen};
            auto before = stored.find(s.setl_id);
            auto [earlier, first] = seen_.emplace(s.setl_id, Seen{identity, lines[i]});
            if (before != stored.end() || !first) {
                const auto& known = before != stored.end() ? before->second : earlier->second.identity;
                if (known == identity) {
                    outcome(i, Outcome::duplicate);
                } else {
                    conflict_ = conflict_with(s.setl_id, known, identity, before != stored.end() ? 0 : earlier->second.line);
                    outcome(i, Outcome::conflict);
                }
                continue;
            }
            outcome(i, apply(s, imported_at));
        }
        writer_->flush();
    }

    void write_back() {
        std::vector<std::pair<std::string, long long>> balances;
        for (const auto& account : accounts_)
            if (account.dirty) balances.emplace_back(account.id_number, account.balance);
        if (writer_) writer_->set_balances(balances);
        for (auto id : quotas_dirty_) ledger_.set_quota(id, quotas_[id]);
    }

private:
    // Names what differs, and where the payment under this ID was seen: stored by an earlier
    // import (`line` 0) or on a line of this file.
    static Conflict conflict_with(const std::string& setl_id, const core::SettlementIdentity& known,
                                  const core::SettlementIdentity& now, std::size_t line) {
        std::string what, said;
        auto differs = [&](const char* code, const std::string& text) {
            what += (what.empty() ? "" : ",") + std::string(code);
            said += (said.empty() ? "" : "，") + text;
        };
        auto china = [](const std::string& utc) {
            auto t = core::parse_iso_instant(utc);
            return t ? core::format_china(*t) : utc;
        };
        if (known.user_id != now.user_id) differs("person", "人员不同");
        if (known.settled_at != now.settled_at)
            differs("time", "时间 " + china(known.settled_at) + " ≠ " + china(now.settled_at));
        if (known.amount_fen != now.amount_fen)
            differs("amount", "金额 " + core::format_yuan(known.amount_fen) + " ≠ " + core::format_yuan(now.amount_fen) + " 元");
        std::string where = line ? "第" + std::to_string(line) + "行" : "此前导入";
        return {"结算ID“" + setl_id + "”与" + where + "的不是同一笔结算：" + said,
                {{"setl_id", setl_id}, {"differs", what}, {"line", line ? std::to_string(line) : ""}}};
    }

    // Allocates one settlement not seen before and adds what it records to the writer.
    Outcome apply(const core::Settlement& s, const std::string& imported_at) {
        Account* user = account(s.user_id);
        if (!user) {
            seen_.erase(s.setl_id);  // rejected, not recorded: a later line may still bring it
            return Outcome::unknown_user;
        }
        auto day = core::china_date(s.time);
        core::AllocationInput in;
        in.amount_fen = s.amount_fen;
        in.use = s.use;
        in.user_has_account = user->insurance_type == core::insurance_type::employee;
        in.user_balance_fen = user->balance;
        std::vector<std::pair<int, const BindingView*>> paying;
        if (auto it = by_user_.find(s.user_id); it != by_user_.end())
            for (const auto& b : it->second)
                if (b.pays_at(s.time)) paying.emplace_back(b.order_at(s.time), &b);
        std::stable_sort(paying.begin(), paying.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
        for (const auto& [order, b] : paying) {
            Account* authorizer = account(b->authorizer);
            auto profile = profiles_.find(b->policy);
            const core::PolicyVersion* version = profile == profiles_.end() ? nullptr : profile->second.version_on(day);
            bool quota = version && authorizer && core::uses_quota(*version, authorizer->region, user->region);
            long long available = quota ? quotas_[b->id] : authorizer ? authorizer->balance : 0;
            in.bindings.push_back({b->id, b->authorizer, version, quota, available});
        }
        auto a = core::allocate(in);

        auto at = core::format_utc(s.time);
        core::SettlementRecord record{s.setl_id, s.user_id, at, s.institution_code, s.institution_name,
                                         core::use_name(s.use), s.amount_fen, a.own_fen, a.mutual_aid_fen(),
                                         a.cash_fen, imported_at};
        writer_->add(record);
        if (a.own_fen > 0) {
            user->balance = a.own_balance_after_fen;
            user->dirty = true;
            writer_->add(core::LedgerEntry{s.setl_id, s.user_id, std::nullopt, core::LedgerKind::own, -a.own_fen,
                                                 a.own_balance_after_fen, at});
        }
        for (const auto& d : a.draws) {
            if (d.quota) {
                quotas_[d.binding_id] = d.balance_after_fen;
                quotas_dirty_.insert(d.binding_id);
            } else {
                Account* authorizer = account(d.authorizer_id);
                authorizer->balance = d.balance_after_fen;
                authorizer->dirty = true;
            }
            writer_->add(core::LedgerEntry{s.setl_id, d.authorizer_id, d.binding_id,
                                                 d.quota ? core::LedgerKind::quota_draw : core::LedgerKind::mutual_aid, -d.amount_fen,
                                                 d.balance_after_fen, at});
        }
        return Outcome::applied;
    }

    Account* add_account(Account&& a) {
        index_.insert(core::pack_id_number(a.id_number), static_cast<std::uint32_t>(accounts_.size()));
        return &accounts_.emplace_back(std::move(a));
    }

    Workspace& ws_;
    storage::LedgerRepository ledger_;
    std::unique_ptr<storage::SettlementWriter> writer_;  // made with the first part
    struct Seen {
        core::SettlementIdentity identity;
        std::size_t line;
    };
    std::unordered_map<std::string, Seen> seen_;  // recorded by this import
    std::unordered_map<std::string, std::vector<BindingView>> by_user_;
    // Settlement IDs are validated 18-character numbers, so their packed form is a unique key.
    std::deque<Account> accounts_;  // stable addresses while more are added
    core::PackedIdMap index_;
    std::map<long long, long long> quotas_;
    std::unordered_set<long long> quotas_dirty_;
    std::map<std::string, core::PolicyProfile> profiles_;
    bool preloaded_ = false;
    Conflict conflict_;
};

}  // namespace

SettleReport settle_text(Workspace& ws, std::string bytes, Encoding encoding, const AuditWho& who,
                         const std::string& source) {
    SettleReport report;
    std::string detected;
    const std::string text = to_utf8(std::move(bytes), encoding, detected);
    core::CsvReader reader(text);
    std::vector<std::string> fields;
    if (!reader.next(fields)) throw BadInput("line 1: the file is empty; a header line is required");
    std::string missing;
    auto columns = core::SettlementColumns::from_header(fields, missing);
    if (!columns) throw BadInput("line 1: the header has no column \"" + missing + "\"");
    if (auto twice = core::repeated_column(fields))
        throw BadInput("line 1: the header names column \"" + *twice + "\" twice", {"column_repeated", {{"column", *twice}}});

    const auto today = china_today();
    const auto imported_at = now().utc();
    storage::LargeCache cache(database(ws));  // the ledger's indexes grow by millions of entries
    storage::Transaction tx(database(ws));
    storage::LedgerRepository(database(ws)).lock_for_settlement();  // before reading any balance
    SettlementRun run(ws);
    // Lines in the file against people in the roster: a large file reads the roster in one pass.
    auto lines = static_cast<long long>(std::count(text.begin(), text.end(), '\n'));
    if (lines * 4 >= stores(ws).persons.count()) run.preload_accounts();
    // The file in parts: each part's settlements are allocated in file order and written in bulk.
    constexpr std::size_t kPart = 20000;
    std::vector<core::Settlement> part;
    std::vector<std::size_t> part_lines;
    auto apply_part = [&] {
        run.apply_part(part, part_lines, imported_at, [&](std::size_t i, SettlementRun::Outcome outcome) {
            switch (outcome) {
                case SettlementRun::Outcome::applied: ++report.applied; break;
                case SettlementRun::Outcome::duplicate: ++report.duplicates; break;
                case SettlementRun::Outcome::conflict:
                    report.rejected.push_back({part_lines[i], "setl_id_conflict", run.last_conflict().message,
                                               run.last_conflict().params});
                    break;
                case SettlementRun::Outcome::unknown_user:
                    report.rejected.push_back({part_lines[i], "user_not_found",
                                               "使用人“" + part[i].user_id + "”不在参保人员名册中"});
                    break;
            }
        });
        part.clear();
        part_lines.clear();
    };
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
        part.push_back(s);
        part_lines.push_back(reader.line());
        if (part.size() == kPart) apply_part();
    }
    apply_part();
    run.write_back();
    // Rejections in line order, whichever step found them.
    std::stable_sort(report.rejected.begin(), report.rejected.end(),
                     [](const RejectedLine& a, const RejectedLine& b) { return a.line < b.line; });
    core::JsonWriter summary;
    summary.begin_object()
        .key("read").value(static_cast<long long>(report.read))
        .key("applied").value(static_cast<long long>(report.applied))
        .key("duplicates").value(static_cast<long long>(report.duplicates))
        .key("rejected").value(static_cast<long long>(report.rejected.size()))
        .end_object();
    audit(ws, who, "settlement.import", "settlement", source, "", summary.str());
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
    storage::LedgerRepository ledger(database(ws));
    ledger.lock_for_pair_move();  // beside other pairs' moves, never beside an import
    stores(ws).persons.lock({a, u});
    auto binding = stores(ws).bindings.find_open(a, u);
    if (!binding || !binding->is_active()) throw BadInput("--user: no active binding from " + a + " to " + u);
    auto profile = load_policy(ws, binding->policy);
    auto version = profile.version_on(core::china_date(when));
    auto authorizer = stores(ws).persons.find(a);
    auto user = stores(ws).persons.find(u);
    if (!version || !core::uses_quota(*version, authorizer->pooling_region, user->pooling_region))
        throw BadInput("--user: this binding pays from the live account; it has no quota");
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
    storage::LedgerRepository ledger(database(ws));
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
    if (to < from) throw BadInput("--to: before --from");
    core::JsonWriter detail;
    detail.begin_object().key("what").value(of_user ? "statement_as_user" : "statement_as_authorizer");
    detail.key("from").value(from.to_string()).key("to").value(to.to_string());
    detail.key("how").value(printed ? "printed" : "shown").end_object();
    log_access(ws, {actor.username, actor.workstation}, "person.view", "person", id, detail.str());
    auto start = core::format_utc(core::china_day_start(from));
    auto end = core::format_utc(core::china_day_start(core::CivilDate::from_days_since_epoch(to.days_since_epoch() + 1)));
    storage::LedgerRepository ledger(database(ws));
    Statement out;
    auto settlements = of_user ? ledger.settlements_of_user(id, start, end) : ledger.settlements_drawn_on(id, start, end);
    for (auto& s : settlements) {
        out.amount_fen += s.amount_fen;
        out.own_fen += s.own_fen;
        out.mutual_aid_fen += s.mutual_aid_fen;
        out.cash_fen += s.cash_fen;
        auto entries = ledger.entries_of(s.setl_id);
        out.rows.push_back({std::move(s), std::move(entries)});
    }
    return out;
}

}  // namespace gongji::app
