#include "core/supervision.h"

#include <algorithm>

#include "core/money.h"

namespace gongji::core {
namespace {

std::string yuan(long long fen) { return format_yuan(fen) + "元"; }

const RecordedPayment* payment_of(const RecordedSettlement& s, const std::string& authorizer) {
    for (const auto& p : s.payments)
        if (p.authorizer_id == authorizer) return &p;
    return nullptr;
}

}  // namespace

std::vector<Finding> judge_recorded(const RecordedSettlement& s, const RegisterAtTime& r) {
    std::vector<Finding> out;
    auto add = [&](const char* code, const std::string& authorizer, long long amount, std::optional<long long> binding,
                   std::string message) {
        out.push_back({code, s.setl_id, s.time, s.user_id, authorizer, amount, binding, std::move(message)});
    };
    const long long mutual_aid = s.mutual_aid_fen();
    if (s.own_fen + mutual_aid + s.cash_fen != s.amount_fen)
        add("amounts_do_not_add_up", "", s.amount_fen, std::nullopt,
            "个人账户" + yuan(s.own_fen) + " + 共济" + yuan(mutual_aid) + " + 现金" + yuan(s.cash_fen) + " ≠ 个人负担" +
                yuan(s.amount_fen));

    for (const auto& p : s.payments) {
        if (p.amount_fen <= 0) continue;  // the register's expectation, not a payment
        auto at = std::find_if(r.paying.begin(), r.paying.end(),
                               [&](const RegisterBinding& b) { return b.authorizer_id == p.authorizer_id; });
        if (at == r.paying.end()) {
            auto other = r.others.find(p.authorizer_id);
            auto state = other == r.others.end() ? PairState::no_binding : other->second.state;
            auto binding = other == r.others.end() ? std::nullopt : other->second.binding_id;
            if (state == PairState::ended)
                add("binding_ended", p.authorizer_id, p.amount_fen, binding, "共济关系在结算时已终止，仍支付" + yuan(p.amount_fen));
            else if (state == PairState::legacy)
                add("legacy_binding", p.authorizer_id, p.amount_fen, binding,
                    "共济关系为待续签的旧关系，不应支付，仍支付" + yuan(p.amount_fen));
            else
                add("no_binding", p.authorizer_id, p.amount_fen, std::nullopt,
                    "结算时二人之间没有有效的共济关系，仍支付" + yuan(p.amount_fen));
            continue;
        }
        const auto& b = *at;
        if (!b.version || !b.version->pays_for(s.use)) {
            add("use_not_allowed", p.authorizer_id, p.amount_fen, b.binding_id,
                "该用途（" + std::string(use_name(s.use)) + "）不在共济支付范围内，仍支付" + yuan(p.amount_fen));
            continue;
        }
        if (p.amount_fen > p.balance_before_fen)
            add(b.quota ? "quota_exceeded" : "over_balance", p.authorizer_id, p.amount_fen, b.binding_id,
                (b.quota ? "支付" + yuan(p.amount_fen) + "，超过预留额度" : "支付" + yuan(p.amount_fen) + "，超过账户余额") +
                    yuan(p.balance_before_fen));
        for (auto earlier = r.paying.begin(); earlier != at; ++earlier) {
            if (!earlier->version || !earlier->version->pays_for(s.use)) continue;
            const auto* q = payment_of(s, earlier->authorizer_id);
            if (!q || q->balance_before_fen - q->amount_fen <= 0) continue;
            add("order_skipped", p.authorizer_id, p.amount_fen, b.binding_id,
                "扣款顺序在前的共济账户（" + earlier->authorizer_id + "）尚有" + yuan(q->balance_before_fen - q->amount_fen) +
                    "，却由本账户支付" + yuan(p.amount_fen));
            break;
        }
    }

    // The user's own account first, where the governing version (the first binding's) says so.
    const PolicyVersion* governing = r.paying.empty() ? nullptr : r.paying.front().version;
    bool own_first = !governing || governing->own_account_first;
    bool own_allowed = !governing || governing->pays_for(s.use);
    if (mutual_aid > 0 && r.user_has_account && own_first && own_allowed && s.balc_fen > 0 && s.own_fen < s.amount_fen)
        add("own_not_first", "", s.amount_fen, std::nullopt,
            "本人账户支付后仍有余额" + yuan(s.balc_fen) + "，却由共济账户支付" + yuan(mutual_aid));
    return out;
}

}  // namespace gongji::core
