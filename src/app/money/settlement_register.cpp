#include "app/money/settlement_register.h"

#include <algorithm>
#include <unordered_map>

#include "app/setup/policy_service.h"
#include "app/platform/stores.h"
#include "core/instant.h"
#include "core/person.h"

namespace gongji::app {
namespace {

constexpr long long kForever = 1LL << 62;

long long seconds_of(const std::optional<core::Instant>& t, long long otherwise) { return t ? t->seconds : otherwise; }

long long seconds_of_text(const std::string& utc) {
    if (utc.empty()) return 0;
    return core::parse_iso_instant(utc).value_or(0);
}

}  // namespace

BindingRegister::BindingRegister(Workspace& ws) {
    std::unordered_map<long long, View*> by_id;
    for (const auto& b : stores(ws).bindings.list_ever_active()) {
        by_user_[b.user_id].push_back({b.id, b.authorizer_id, b.policy, b.legacy, seconds_of(b.since, kForever),
                                       !b.is_open() ? seconds_of(b.until, kForever) : kForever, b.deduction_order, {}});
    }
    for (auto& [user, list] : by_user_)
        for (auto& b : list) by_id[b.id] = &b;
    for (const auto& change : stores(ws).bindings.order_history())
        if (auto it = by_id.find(change.binding_id); it != by_id.end())
            it->second->orders.emplace_back(change.valid_from.seconds, change.order);
    for (auto& p : list_policies(ws)) profiles_.emplace(p.name, std::move(p));
}

int BindingRegister::View::order_at(long long t) const {
    int order = orders.empty() ? order_now : orders.front().second;
    for (const auto& [from, o] : orders)
        if (from <= t) order = o;
    return order;
}

const std::vector<BindingRegister::View>* BindingRegister::bindings_of(const std::string& user) const {
    auto it = by_user_.find(user);
    return it == by_user_.end() ? nullptr : &it->second;
}

std::vector<const BindingRegister::View*> BindingRegister::paying_at(const std::string& user, long long t) const {
    const auto* list = bindings_of(user);
    return list ? paying_among(*list, t) : std::vector<const View*>{};
}

std::vector<const BindingRegister::View*> BindingRegister::paying_among(const std::vector<View>& bindings, long long t) {
    std::vector<std::pair<int, const View*>> paying;
    for (const auto& b : bindings)
        if (b.pays_at(t)) paying.emplace_back(b.order_at(t), &b);
    std::stable_sort(paying.begin(), paying.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<const View*> out;
    out.reserve(paying.size());
    for (const auto& p : paying) out.push_back(p.second);
    return out;
}

const core::PolicyVersion* BindingRegister::version_at(const View& binding, long long t) const {
    auto profile = profiles_.find(binding.policy);
    return profile == profiles_.end() ? nullptr : profile->second.version_on(core::china_date(t));
}

void BindingRegister::add_others(const std::vector<View>& bindings, long long t, core::RegisterAtTime& r) {
    for (const auto& b : bindings) {
        if (b.pays_at(t)) continue;
        auto& other = r.others[b.authorizer];
        // In force but legacy outweighs ended, which outweighs a binding not yet made.
        if (b.legacy && b.in_force_at(t)) {
            other = {core::PairState::legacy, b.id};
        } else if (b.until <= t && other.state == core::PairState::no_binding) {
            other = {core::PairState::ended, b.id};
        }
    }
}

bool AccountBook::Account::has_own_account() const { return insurance_type == core::insurance_type::employee; }

void AccountBook::preload() {
    index_.reserve(static_cast<size_t>(stores(ws_).persons.count()));
    stores(ws_).persons.for_each_account([&](storage::PersonRepository::Account&& a) {
        add(Account{std::move(a.id_number), a.balance_fen, std::move(a.insurance_type), std::move(a.pooling_region),
                    seconds_of_text(a.settled_through), false, a.balance_fen});
    });
    preloaded_ = true;
}

AccountBook::Account* AccountBook::find(const std::string& id) {
    if (const auto* at = index_.find(core::pack_id_number(id))) return &accounts_[*at];
    if (preloaded_) return nullptr;  // the whole roster is here: not in it
    auto a = stores(ws_).persons.account(id);
    if (!a) return nullptr;
    return add(Account{id, a->balance_fen, std::move(a->insurance_type), std::move(a->pooling_region),
                       seconds_of_text(a->settled_through), false, a->balance_fen});
}

AccountBook::Account* AccountBook::add(Account&& a) {
    index_.insert(core::pack_id_number(a.id_number), static_cast<std::uint32_t>(accounts_.size()));
    return &accounts_.emplace_back(std::move(a));
}

}  // namespace gongji::app
