#pragma once
// Settlements as stored and the ledger entries that moved their money (domain.md §8).
#include <optional>
#include <string>
#include <string_view>

#include "core/code_table.h"

namespace gongji::core {

// own: the user's account paid; mutual_aid: an authorizer's account paid; quota_reserve /
// quota_return / quota_draw: money set aside for a quota binding, given back, spent from it.
enum class LedgerKind { own, mutual_aid, quota_draw, quota_reserve, quota_return };
inline constexpr CodeTable<LedgerKind, 5> kLedgerKinds{{
    {LedgerKind::own, "own"},
    {LedgerKind::mutual_aid, "mutual_aid"},
    {LedgerKind::quota_draw, "quota_draw"},
    {LedgerKind::quota_reserve, "quota_reserve"},
    {LedgerKind::quota_return, "quota_return"},
}};
inline const char* ledger_kind_name(LedgerKind k) { return kLedgerKinds.code(k); }
inline std::optional<LedgerKind> parse_ledger_kind(std::string_view s) { return kLedgerKinds.parse(s); }
// Money that left an authorizer's account for someone else (directly or from a quota).
inline bool is_mutual_aid(LedgerKind k) { return k == LedgerKind::mutual_aid || k == LedgerKind::quota_draw; }

struct SettlementRecord {
    std::string setl_id, user_id, settled_at, institution_code, institution_name, use;  // instants as UTC text
    long long amount_fen = 0, own_fen = 0, mutual_aid_fen = 0, cash_fen = 0;
    std::string imported_at;
    bool late = false;      // applied after a later settlement on an account it draws on
    bool recorded = false;  // split by the national platform, not by this program
    long long applied_seq = 0;  // the order settlements were applied in (0: before it was kept)
};

// What makes a line with a setl_id seen before the same payment (a file sent again) and not
// another payment under a reused ID.
struct SettlementIdentity {
    std::string user_id, settled_at;  // UTC text
    long long amount_fen = 0;
    bool recorded = false;  // the platform's record, or a settlement to split
    bool operator==(const SettlementIdentity& o) const {
        return user_id == o.user_id && settled_at == o.settled_at && amount_fen == o.amount_fen &&
               recorded == o.recorded;
    }
};

struct LedgerEntry {
    std::optional<std::string> setl_id;
    std::string account;
    std::optional<long long> binding_id;
    LedgerKind kind = LedgerKind::own;
    long long amount_fen = 0;  // negative: money leaves the account
    long long balance_after_fen = 0;
    std::string at;  // UTC text
};

}  // namespace gongji::core
