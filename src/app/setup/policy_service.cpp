#include "app/setup/machine_settings.h"
#include "app/setup/policy_service.h"

#include <algorithm>

#include "app/setup/settings.h"

#include "app/trust/audit.h"
#include "app/platform/clock.h"
#include "app/platform/errors.h"
#include "app/platform/paths.h"
#include "app/platform/stores.h"
#include "storage/database.h"

namespace gongji::app {

PolicyImportResult store_policy_text(Workspace& ws, const std::string& json, const std::string& origin,
                                     bool replace, const std::string& by) {
    core::PolicyProfile profile;
    try {
        profile = core::parse_policy_profile(json);
    } catch (const core::PolicyError& e) {
        throw BadInput(origin + ": " + e.what(), {"policy_invalid", {{"file", origin}, {"detail", e.what()}}});
    }
    storage::StoredPolicy stored{profile.name, profile.title, core::policy_profile_to_json(profile), now()};
    PolicyImportResult result{profile.name, false, profile.versions.size(), {}};
    storage::Transaction tx(database(ws));
    auto before = stores(ws).policies.find(profile.name);
    if (before && !replace) return result;
    if (before) {
        try {
            result.revision = core::revise_policy(core::parse_policy_profile(before->document), profile, china_today());
        } catch (const core::PolicyRevisionError& e) {
            static const char* kinds[] = {"removed", "changed", "new_in_the_past"};
            throw BadInput(origin + ": " + e.what(), {"policy_version_in_force",
                                                      {{"profile", profile.name},
                                                       {"from", e.version().to_string()},
                                                       {"kind", kinds[static_cast<int>(e.kind())]},
                                                       {"today", china_today().to_string()}}});
        }
    }
    result.created = stores(ws).policies.save(stored);
    audit(ws, {by, workstation_name()}, "policy.import", "policy", profile.name, before ? before->document : "",
          stored.document);
    tx.commit();
    return result;
}

PolicyImportResult import_policy_file(Workspace& ws, const Actor& actor, const std::string& path) {
    require_role(actor, {core::Role::admin});
    return store_policy_text(ws, read_file(path), path, /*replace=*/true, actor.username);
}

std::string policy_document(Workspace& ws, const std::string& name) {
    auto stored = stores(ws).policies.find(name);
    if (!stored) throw BadInput("no profile named \"" + name + "\"", {"profile_unknown", {{"profile", name}}});
    return stored->document;
}

std::optional<std::string> policy_problem(const std::string& json) {
    try {
        core::parse_policy_profile(json);
        return std::nullopt;
    } catch (const core::PolicyError& e) {
        return std::string(e.what());
    }
}

PolicyImportResult save_policy_text(Workspace& ws, const Actor& actor, const std::string& json) {
    require_role(actor, {core::Role::admin});
    return store_policy_text(ws, json, "policy", /*replace=*/true, actor.username);
}

void set_default_policy(Workspace& ws, const Actor& actor, const std::string& name) {
    require_role(actor, {core::Role::admin});
    load_policy(ws, name);  // BadInput when there is no such profile
    change_setting(ws, actor, "default_policy", name);
}

std::optional<std::string> default_policy(Workspace& ws) { return agency_settings(ws).default_policy; }

std::optional<std::string> policy_for_region(const std::vector<core::PolicyProfile>& profiles,
                                             const std::optional<std::string>& agency_default,
                                             const std::string& pooling_region) {
    const core::PolicyProfile* best = nullptr;
    size_t best_length = 0;
    for (const auto& p : profiles) {
        if (!p.governs(pooling_region)) continue;
        if (agency_default && p.name == *agency_default) return p.name;
        size_t length = 0;  // how narrowly it governs there
        for (const auto& prefix : p.regions)
            if (pooling_region.compare(0, prefix.size(), prefix) == 0) length = std::max(length, prefix.size());
        if (!best || length > best_length) best = &p, best_length = length;
    }
    if (!best) return std::nullopt;
    return best->name;
}

std::vector<core::PolicyProfile> list_policies(Workspace& ws) {
    std::vector<core::PolicyProfile> out;
    for (const auto& stored : stores(ws).policies.list()) out.push_back(core::parse_policy_profile(stored.document));
    return out;
}

core::PolicyProfile load_policy(Workspace& ws, const std::string& name) {
    auto stored = stores(ws).policies.find(name);
    if (!stored)
        throw BadInput("no profile named \"" + name + "\" (see `gongji policy list`)", {"profile_unknown", {{"profile", name}}});
    return core::parse_policy_profile(stored->document);
}

}  // namespace gongji::app
