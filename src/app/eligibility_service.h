#pragma once
// The eligibility check of a bind application: look the people up, count their bindings, and
// let core decide (domain.md §5).
#include <optional>
#include <set>
#include <string>

#include "app/workspace.h"
#include "core/eligibility.h"

namespace gongji::app {

struct EligibilityQuery {
    std::string policy;
    std::string authorizer_id;
    std::string user_id;
    std::string relation;
    std::optional<core::CivilDate> date;                   // default: today (China time)
    std::optional<std::set<core::DocumentType>> documents;  // nullopt: documents not judged
};

// BadInput for an unknown profile or relation code, or a date before the profile's first version.
// `except_binding` is left out of the limits and the duplicate rule: a case's own pending
// binding when the case is checked again at approval.
core::EligibilityResult check_eligibility(Workspace& ws, const EligibilityQuery& query, long long except_binding = 0);

}  // namespace gongji::app
