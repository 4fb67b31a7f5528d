#pragma once
// Policy profiles: import from JSON, list, show, and resolve for the rules.
#include <optional>
#include <string>
#include <vector>

#include "app/trust/auth.h"
#include "app/platform/workspace.h"
#include "core/policy.h"
#include "core/policy_revision.h"

namespace gongji::app {

struct PolicyImportResult {
    std::string name;
    bool created = false;  // false: replaced the stored profile of that name
    size_t versions = 0;
    // Of a profile replaced: the versions added, and those not yet in force changed or dropped.
    // A version in force never changes (BadInput "policy_version_in_force").
    core::PolicyRevision revision;
};

// Validates and stores a profile (admin only); BadInput naming the field when invalid.
PolicyImportResult import_policy_file(Workspace& ws, const Actor& actor, const std::string& path);
// The same without a user, for `gongji init` loading the shipped profiles; without `replace`
// a stored profile of the same name is left as it is.
PolicyImportResult store_policy_text(Workspace& ws, const std::string& json, const std::string& origin,
                                     bool replace = true, const std::string& by = "system");

// The stored JSON of a profile, for viewing and editing; BadInput when there is none.
std::string policy_document(Workspace& ws, const std::string& name);
// What is wrong with an edited profile ("versions[0].scope: …"), or nothing when it is valid.
std::optional<std::string> policy_problem(const std::string& json);
// Stores an edited profile (admin only), audited; BadInput naming the field when invalid.
PolicyImportResult save_policy_text(Workspace& ws, const Actor& actor, const std::string& json);

std::vector<core::PolicyProfile> list_policies(Workspace& ws);
// The agency's own profile, offered first at the window (admin sets it; BadInput for an
// unknown name); nothing until set.
void set_default_policy(Workspace& ws, const Actor& actor, const std::string& name);
std::optional<std::string> default_policy(Workspace& ws);
// The profile for an authorizer insured in `pooling_region`: the agency's own when it governs
// there, else the one that governs there most narrowly (a prefecture's before its province's,
// a province's before one for anywhere); nothing when no profile does.
std::optional<std::string> policy_for_region(const std::vector<core::PolicyProfile>& profiles,
                                             const std::optional<std::string>& agency_default,
                                             const std::string& pooling_region);
// BadInput when there is no profile of that name.
core::PolicyProfile load_policy(Workspace& ws, const std::string& name);

}  // namespace gongji::app
