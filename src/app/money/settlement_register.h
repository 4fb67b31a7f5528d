#pragma once
// What settlement work reads once and keeps in memory: the binding register through time (who
// may pay for whom, in which order, under which profile) and the accounts it moves. Shared by
// the settlement import (allocated and recorded) and the fund-supervision check.
#include <deque>
#include <map>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "app/platform/workspace.h"
#include "core/packed_id_map.h"
#include "core/policy.h"
#include "core/settlement.h"
#include "core/supervision.h"

namespace gongji::app {

class BindingRegister {
public:
    explicit BindingRegister(Workspace& ws);

    // A binding as settlement sees it: when it paid, in which order, under which profile.
    struct View {
        long long id;
        std::string authorizer;
        std::string policy;
        bool legacy;
        long long since, until;  // seconds; until is far away while open
        int order_now;
        std::vector<std::pair<long long, int>> orders;  // (from, order), oldest first

        int order_at(long long t) const;
        bool in_force_at(long long t) const { return since <= t && t < until; }
        bool pays_at(long long t) const { return !legacy && in_force_at(t); }
    };

    // The user's bindings that may pay at `t`, in the deduction order then in force.
    std::vector<const View*> paying_at(const std::string& user, long long t) const;
    // The version of a binding's profile in force on the settlement's day (China time).
    const core::PolicyVersion* version_at(const View& binding, long long t) const;
    // The register at a recorded settlement's time, for core::judge_recorded. `region_of` gives a
    // person's pooling region (empty when not in the roster), which decides a quota.
    template <class RegionOf>
    core::RegisterAtTime at(const std::string& user, bool user_has_account, long long t, RegionOf&& region_of) const {
        core::RegisterAtTime r;
        r.user_has_account = user_has_account;
        const auto* list = bindings_of(user);
        if (!list) return r;
        const auto user_region = region_of(user);
        for (const auto* b : paying_among(*list, t)) {
            const auto* version = version_at(*b, t);
            bool quota = version && core::uses_quota(*version, region_of(b->authorizer), user_region);
            r.paying.push_back({b->id, b->authorizer, version, quota});
        }
        add_others(*list, t, r);
        return r;
    }

private:
    const std::vector<View>* bindings_of(const std::string& user) const;  // ever active; nullptr: none
    static std::vector<const View*> paying_among(const std::vector<View>& bindings, long long t);
    static void add_others(const std::vector<View>& bindings, long long t, core::RegisterAtTime& r);

    std::unordered_map<std::string, std::vector<View>> by_user_;
    std::map<std::string, core::PolicyProfile> profiles_;
};

// The accounts a settlement run moves: read when first needed (or all at once for a large file)
// and written back at the end.
class AccountBook {
public:
    struct Account {
        std::string id_number;
        long long balance = 0;
        std::string insurance_type, region;
        long long settled_through = 0;  // seconds of the latest settlement applied; 0 for none
        bool dirty = false;
        long long stored_balance = 0;  // as read: what the import's write-back replaces
        bool has_own_account() const;
    };

    explicit AccountBook(Workspace& ws) : ws_(ws) {}
    // For a file that touches a good part of the roster, one pass over it is much cheaper than
    // a look-up per new person (measured: docs/performance.md).
    void preload();
    bool preloaded() const { return preloaded_; }
    Account* find(const std::string& id);  // nullptr when not in the roster
    // The accounts changed, for writing back.
    template <class Each>
    void for_each_dirty(Each&& each) const {
        for (const auto& a : accounts_)
            if (a.dirty) each(a);
    }

private:
    Account* add(Account&& a);
    Workspace& ws_;
    std::deque<Account> accounts_;  // stable addresses while more are added
    // ID numbers are validated 18-character numbers, so their packed form is a unique key.
    core::PackedIdMap index_;
    bool preloaded_ = false;
};

}  // namespace gongji::app
