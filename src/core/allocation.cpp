#include "core/allocation.h"

#include <algorithm>

namespace gongji::core {

long long Allocation::mutual_aid_fen() const {
    long long sum = 0;
    for (const auto& d : draws) sum += d.amount_fen;
    return sum;
}

Allocation allocate(const AllocationInput& in) {
    Allocation out;
    out.own_balance_after_fen = in.user_balance_fen;
    long long due = in.amount_fen;
    if (never_payable(in.use) || due <= 0) {
        out.cash_fen = std::max(0LL, due);
        return out;
    }
    // The version that governs the user's own account: that of the first binding, the one the
    // user relies on most; with no binding the user's own account pays as usual.
    const PolicyVersion* governing = in.bindings.empty() ? nullptr : in.bindings.front().version;
    bool own_allowed = in.user_has_account && (!governing || governing->pays_for(in.use));
    bool own_first = !governing || governing->own_account_first;

    auto pay_own = [&] {
        if (!own_allowed || due == 0) return;
        long long paid = std::min(due, in.user_balance_fen);
        out.own_fen = paid;
        out.own_balance_after_fen = in.user_balance_fen - paid;
        due -= paid;
    };
    if (own_first) pay_own();
    for (const auto& b : in.bindings) {
        if (due == 0) break;
        if (!b.version || !b.version->pays_for(in.use) || b.available_fen <= 0) continue;
        long long paid = std::min(due, b.available_fen);
        out.draws.push_back({b.binding_id, b.authorizer_id, b.quota, paid, b.available_fen - paid});
        due -= paid;
    }
    if (!own_first) pay_own();
    out.cash_fen = due;
    return out;
}

}  // namespace gongji::core
