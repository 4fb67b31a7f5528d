#pragma once
// A binding (共济关系): an authorizer's account pays for a user; pending until approved, then
// active until ended (domain.md §7).
#include <optional>
#include <string>
#include <string_view>

#include "core/code_table.h"
#include "core/instant.h"

namespace gongji::core {

enum class BindingStatus { pending, active, ended };
inline constexpr CodeTable<BindingStatus, 3> kBindingStatuses{{
    {BindingStatus::pending, "pending"},
    {BindingStatus::active, "active"},
    {BindingStatus::ended, "ended"},
}};
inline const char* binding_status_name(BindingStatus s) { return kBindingStatuses.code(s); }
inline std::optional<BindingStatus> parse_binding_status(std::string_view s) { return kBindingStatuses.parse(s); }

struct Binding {
    long long id = 0;
    std::string authorizer_id;
    std::string user_id;
    std::string relation;  // GB/T 4761 code
    std::string policy;
    BindingStatus status = BindingStatus::pending;
    bool legacy = false;  // made under rules before today's; renewable
    int deduction_order = 1;
    Instant created_at;
    std::optional<Instant> since;
    std::optional<Instant> until;
    std::optional<std::string> end_reason;

    bool is_open() const { return status != BindingStatus::ended; }  // pending or active
    bool is_active() const { return status == BindingStatus::active; }
};

}  // namespace gongji::core
