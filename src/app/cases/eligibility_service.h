#pragma once
// The eligibility check of a bind application: look the people up, count their bindings, and
// let core decide (domain.md §5).
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "app/platform/workspace.h"
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
// `profile`: the query's policy when the caller has it loaded already.
core::EligibilityResult check_eligibility(Workspace& ws, const EligibilityQuery& query, long long except_binding = 0,
                                          const core::PolicyProfile* profile = nullptr);

// Before the relative is known: what the authorizer alone already fails under the profile today
// (not in the roster, not an employee, not insured normally, at the limit of users), so that the
// clerk knows before anything is scanned. Empty when nothing does yet.
std::vector<core::Reason> authorizer_reasons(Workspace& ws, const std::string& policy, const std::string& authorizer_id);

}  // namespace gongji::app
