#pragma once
// How one settlement is paid (domain.md §8): the user's own personal account first where the
// profile says so, then the user's active, non-legacy bindings in deduction order, each up to
// what its authorizer's account (or, cross-province, the reserved quota) holds, the rest in cash.
// A use that is never payable, or that the version in force does not allow, takes nothing.
#include <optional>
#include <string>
#include <vector>

#include "core/policy.h"

namespace gongji::core {

// One binding that may pay, already in deduction order, with what it can draw on.
struct PayingBinding {
    long long binding_id = 0;
    std::string authorizer_id;
    const PolicyVersion* version = nullptr;  // of the binding's profile, in force at the settlement's time
    bool quota = false;                      // draws on a reserved quota, not the live account
    long long available_fen = 0;             // the authorizer's balance, or the quota's
};

struct AllocationInput {
    long long amount_fen = 0;
    Use use = Use::clinic;
    bool user_has_account = false;  // employees (310) have a personal account
    long long user_balance_fen = 0;
    std::vector<PayingBinding> bindings;  // active, non-legacy, in deduction order
};

struct Draw {
    long long binding_id;
    std::string authorizer_id;
    bool quota;
    long long amount_fen;
    long long balance_after_fen;
};

struct Allocation {
    long long own_fen = 0;
    long long own_balance_after_fen = 0;
    std::vector<Draw> draws;  // only those that paid something
    long long cash_fen = 0;
    long long mutual_aid_fen() const;
};

Allocation allocate(const AllocationInput& input);

}  // namespace gongji::core
