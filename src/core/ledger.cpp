#include "core/ledger.h"

namespace gongji::core {

const char* ledger_kind_name(LedgerKind k) {
    switch (k) {
        case LedgerKind::own: return "own";
        case LedgerKind::mutual_aid: return "mutual_aid";
        case LedgerKind::quota_draw: return "quota_draw";
        case LedgerKind::quota_reserve: return "quota_reserve";
        case LedgerKind::quota_return: return "quota_return";
    }
    return "own";
}

std::optional<LedgerKind> parse_ledger_kind(std::string_view s) {
    for (auto k : {LedgerKind::own, LedgerKind::mutual_aid, LedgerKind::quota_draw, LedgerKind::quota_reserve,
                   LedgerKind::quota_return})
        if (s == ledger_kind_name(k)) return k;
    return std::nullopt;
}

}  // namespace gongji::core
