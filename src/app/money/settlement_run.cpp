#include "app/money/settlement_run.h"

#include <algorithm>

#include "app/platform/stores.h"
#include "core/allocation.h"
#include "core/instant.h"
#include "core/money.h"
#include "core/supervision.h"
#include "storage/settlement_writer.h"

namespace gongji::app {

SettlementRun::SettlementRun(Workspace& ws)
    : ws_(ws), register_(ws), accounts_(ws), ledger_(stores(ws).ledger) {
    quotas_ = ledger_.quotas();
    applied_seq_ = ledger_.last_applied_seq();
}

SettlementRun::~SettlementRun() = default;

core::SettlementIdentity SettlementRun::identity(const core::Settlement& s) {
    return {s.user_id, core::format_utc(s.time), s.amount_fen, false};
}

core::SettlementIdentity SettlementRun::identity(const core::RecordedSettlement& s) {
    return {s.user_id, core::format_utc(s.time), s.amount_fen, true};
}

void SettlementRun::start_part(const std::vector<std::string>& ids) {
    // With the roster in memory nothing else needs the connection while a part is allocated:
    // its settlements stream to the server meanwhile.
    if (!writer_) writer_ = std::make_unique<storage::SettlementWriter>(database(ws_), !accounts_.preloaded());
    stored_ = writer_->stored(ids);
}

void SettlementRun::end_part() { writer_->flush(); }

namespace {

// Names what differs, and where the payment under this ID was seen: stored by an earlier
// import (`line` 0) or on a line of this file.
SettlementRun::Conflict conflict_with(const std::string& setl_id, const core::SettlementIdentity& known,
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
    if (known.recorded != now.recorded)
        differs("kind", known.recorded ? "此前为平台结算记录" : "此前为待分摊的结算");
    if (known.user_id != now.user_id) differs("person", "人员不同");
    if (known.settled_at != now.settled_at)
        differs("time", "时间 " + china(known.settled_at) + " ≠ " + china(now.settled_at));
    if (known.amount_fen != now.amount_fen)
        differs("amount", "金额 " + core::format_yuan(known.amount_fen) + " ≠ " + core::format_yuan(now.amount_fen) + " 元");
    std::string where = line ? "第" + std::to_string(line) + "行" : "此前导入";
    return {"结算ID“" + setl_id + "”与" + where + "的不是同一笔结算：" + said,
            {{"setl_id", setl_id}, {"differs", what}, {"line", line ? std::to_string(line) : ""}}};
}

}  // namespace

bool SettlementRun::is_new(const std::string& setl_id, const core::SettlementIdentity& identity, std::size_t line,
                           Result& result) {
    // A setl_id stored before, or earlier in this file, changes nothing; under it another person,
    // time, amount or kind is not the same payment, and is refused.
    auto before = stored_.find(setl_id);
    auto [earlier, first] = seen_.emplace(setl_id, Seen{identity, line});
    if (before == stored_.end() && first) return true;
    const auto& known = before != stored_.end() ? before->second : earlier->second.identity;
    if (known == identity) {
        result.outcome = Outcome::duplicate;
    } else {
        conflict_ = conflict_with(setl_id, known, identity, before != stored_.end() ? 0 : earlier->second.line);
        result.outcome = Outcome::conflict;
    }
    return false;
}

bool SettlementRun::late(long long t, const std::vector<AccountBook::Account*>& accounts) {
    return std::any_of(accounts.begin(), accounts.end(), [&](const auto* a) { return a && a->settled_through > t; });
}

namespace {

void moved(AccountBook::Account& a, long long balance, long long t) {
    a.balance = balance;
    a.settled_through = std::max(a.settled_through, t);
    a.dirty = true;
}

}  // namespace

void SettlementRun::apply(const core::Settlement& s, const std::string& imported_at, Result& result) {
    auto* user = accounts_.find(s.user_id);
    if (!user) {
        seen_.erase(s.setl_id);  // rejected, not recorded: a later line may still bring it
        result.outcome = Outcome::unknown_user;
        return;
    }
    core::AllocationInput in;
    in.amount_fen = s.amount_fen;
    in.use = s.use;
    in.user_has_account = user->has_own_account();
    in.user_balance_fen = user->balance;
    std::vector<AccountBook::Account*> drawn_on{in.user_has_account ? user : nullptr};
    for (const auto* b : register_.paying_at(s.user_id, s.time)) {
        auto* authorizer = accounts_.find(b->authorizer);
        const auto* version = register_.version_at(*b, s.time);
        bool quota = version && authorizer && core::uses_quota(*version, authorizer->region, user->region);
        long long available = quota ? quotas_[b->id] : authorizer ? authorizer->balance : 0;
        in.bindings.push_back({b->id, b->authorizer, version, quota, available});
        drawn_on.push_back(authorizer);
    }
    result.late = late(s.time, drawn_on);
    auto a = core::allocate(in);

    auto at = core::format_utc(s.time);
    core::SettlementRecord record{s.setl_id, s.user_id, at, s.institution_code, s.institution_name,
                                  core::use_name(s.use), s.amount_fen, a.own_fen, a.mutual_aid_fen(),
                                  a.cash_fen, imported_at, result.late, false, ++applied_seq_};
    writer_->add(record);
    if (a.own_fen > 0) {
        moved(*user, a.own_balance_after_fen, s.time);
        writer_->add(core::LedgerEntry{s.setl_id, s.user_id, std::nullopt, core::LedgerKind::own, -a.own_fen,
                                       a.own_balance_after_fen, at});
    }
    for (const auto& d : a.draws) {
        if (d.quota) {
            quotas_[d.binding_id] = d.balance_after_fen;
            quotas_dirty_.insert(d.binding_id);
        } else {
            moved(*accounts_.find(d.authorizer_id), d.balance_after_fen, s.time);
        }
        writer_->add(core::LedgerEntry{s.setl_id, d.authorizer_id, d.binding_id,
                                       d.quota ? core::LedgerKind::quota_draw : core::LedgerKind::mutual_aid,
                                       -d.amount_fen, d.balance_after_fen, at});
    }
}

void SettlementRun::apply(core::RecordedSettlement s, const std::string& imported_at, Result& result) {
    auto* user = accounts_.find(s.user_id);
    if (!user) {
        seen_.erase(s.setl_id);
        result.outcome = Outcome::unknown_user;
        return;
    }
    auto region_of = [&](const std::string& id) {
        const auto* a = accounts_.find(id);
        return a ? a->region : std::string();
    };
    auto then = register_.at(s.user_id, user->has_own_account(), s.time, region_of);
    // Every binding that could have paid is kept with what the register held on it, so that the
    // check can tell an order skipped; the platform's payers keep their amounts.
    for (const auto& b : then.paying)
        if (std::none_of(s.payments.begin(), s.payments.end(),
                         [&](const core::RecordedPayment& p) { return p.authorizer_id == b.authorizer_id; }))
            s.payments.push_back({b.authorizer_id, 0, 0});
    std::vector<AccountBook::Account*> drawn_on{user->has_own_account() ? user : nullptr};
    std::vector<std::optional<long long>> quota_of(s.payments.size());
    for (std::size_t i = 0; i < s.payments.size(); ++i) {
        auto& p = s.payments[i];
        auto b = std::find_if(then.paying.begin(), then.paying.end(),
                              [&](const core::RegisterBinding& r) { return r.authorizer_id == p.authorizer_id; });
        auto* authorizer = accounts_.find(p.authorizer_id);
        if (b != then.paying.end() && b->quota) quota_of[i] = b->binding_id;
        p.balance_before_fen = quota_of[i] ? quotas_[*quota_of[i]] : authorizer ? authorizer->balance : 0;
        drawn_on.push_back(authorizer);
    }
    result.late = late(s.time, drawn_on);
    result.findings = core::judge_recorded(s, then);
    writer_->add(s, result.late, imported_at, ++applied_seq_);

    // The platform's balance is the truth for the user's own account, unless a later one stands.
    if (user->has_own_account() && user->settled_through <= s.time) moved(*user, s.balc_fen, s.time);
    for (std::size_t i = 0; i < s.payments.size(); ++i) {
        const auto& p = s.payments[i];
        if (p.amount_fen <= 0) continue;
        long long after = std::max(0LL, p.balance_before_fen - p.amount_fen);
        if (quota_of[i]) {
            quotas_[*quota_of[i]] = after;
            quotas_dirty_.insert(*quota_of[i]);
        } else if (auto* authorizer = accounts_.find(p.authorizer_id)) {
            moved(*authorizer, after, s.time);
        }
    }
}

void SettlementRun::write_back() {
    std::vector<storage::SettlementWriter::Balance> balances;
    accounts_.for_each_dirty([&](const AccountBook::Account& a) {
        balances.push_back({a.id_number, a.balance, a.settled_through ? core::format_utc(a.settled_through) : "",
                            a.stored_balance});
    });
    if (writer_) writer_->set_balances(balances);
    for (auto id : quotas_dirty_) ledger_.set_quota(id, quotas_[id]);
    ledger_.set_last_applied_seq(applied_seq_);
}

}  // namespace gongji::app
