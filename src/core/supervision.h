#pragma once
// The fund-supervision check (基金监管, domain.md §8): a settlement as the platform recorded it,
// judged against the binding register and the rules in force at its time. Each disagreement is
// a finding with its code; the allocation of core/allocation.h is what the rules expect.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/policy.h"
#include "core/recorded_settlement.h"

namespace gongji::core {

// Codes, in the order a settlement is judged.
constexpr const char* kFindingCodes[] = {"amounts_do_not_add_up", "no_binding", "binding_ended", "legacy_binding",
                                         "use_not_allowed", "over_balance", "quota_exceeded", "order_skipped",
                                         "own_not_first"};

struct Finding {
    std::string code;
    std::string setl_id;
    long long time = 0;
    std::string user_id;
    std::string authorizer_id;  // empty for a finding about the settlement as a whole
    long long amount_fen = 0;   // the payment judged, or the settlement's share
    std::optional<long long> binding_id;
    std::string message;
};

// One of the user's bindings that may pay at the settlement's time: active, not legacy.
struct RegisterBinding {
    long long binding_id = 0;
    std::string authorizer_id;
    const PolicyVersion* version = nullptr;  // of its profile, in force that day
    bool quota = false;                      // draws on a reserved quota
};

// Why an authorizer who paid is not among the bindings that may pay.
enum class PairState { no_binding, ended, legacy };

struct RegisterAtTime {
    bool user_has_account = false;
    std::vector<RegisterBinding> paying;  // in the deduction order in force at the time
    struct Other {
        PairState state = PairState::no_binding;
        std::optional<long long> binding_id;
    };
    std::map<std::string, Other> others;  // by authorizer; absent means no_binding
};

// The findings about one settlement; none when it is what the rules expect. A payment's
// `balance_before_fen` is the register's balance (or quota) of that authorizer before it.
std::vector<Finding> judge_recorded(const RecordedSettlement& s, const RegisterAtTime& register_then);

}  // namespace gongji::core
