#pragma once
// Policy profiles (domain.md §4): the local rules as data, a list of dated versions.
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/civil_date.h"
#include "core/code_table.h"
#include "core/relation.h"

namespace gongji::core {

enum class Scope { region, prefecture, province, nation };
inline constexpr CodeTable<Scope, 4> kScopes{{
    {Scope::region, "region", "同一统筹区"},
    {Scope::prefecture, "prefecture", "同一地市"},
    {Scope::province, "province", "同一省份"},
    {Scope::nation, "nation", "全国"},
}};
inline const char* scope_name(Scope s) { return kScopes.code(s); }
inline const char* scope_label(Scope s) { return kScopes.label(s); }
inline std::optional<Scope> parse_scope(std::string_view name) { return kScopes.parse(name); }
// Whether a user insured in `user_region` is within `scope` of `authorizer_region`.
bool within_scope(Scope scope, std::string_view authorizer_region, std::string_view user_region);

enum class Use {
    clinic, inpatient, pharmacy, resident_premium, ltc_premium, commercial_insurance,
    public_health, fitness, wellness  // never payable, whatever the profile
};
inline constexpr CodeTable<Use, 9> kUses{{
    {Use::clinic, "clinic"},
    {Use::inpatient, "inpatient"},
    {Use::pharmacy, "pharmacy"},
    {Use::resident_premium, "resident_premium"},
    {Use::ltc_premium, "ltc_premium"},
    {Use::commercial_insurance, "commercial_insurance"},
    {Use::public_health, "public_health"},
    {Use::fitness, "fitness"},
    {Use::wellness, "wellness"},
}};
inline const char* use_name(Use u) { return kUses.code(u); }
inline std::optional<Use> parse_use(std::string_view name) { return kUses.parse(name); }
bool never_payable(Use u);

struct PolicyVersion {
    CivilDate effective_from;
    std::set<RelationCategory> relations;
    std::optional<int> max_users_per_authorizer;  // nullopt: no limit
    std::optional<int> max_authorizers_per_user;
    Scope scope = Scope::region;
    bool own_account_first = true;
    bool commitment_replaces_proof = false;
    bool requires_review = true;
    std::set<Use> uses;
    // Cross-province bindings draw on a quota the authorizer reserves instead of the live
    // account (the 2026 national notice). Optional in the JSON; false when absent.
    bool cross_province_quota = false;
    // The user's ID card read at the window, valid that day, proves identity without a scan of
    // it (hardware.md §1). Optional in the JSON; false when absent, so older profiles are unchanged.
    bool card_read_proves_identity = false;

    bool allows(RelationCategory c) const { return relations.count(c) != 0; }
    bool pays_for(Use u) const { return !never_payable(u) && uses.count(u) != 0; }
};

struct PolicyProfile {
    std::string name;
    std::string title;
    // Where the profile governs: GB/T 2260 code prefixes of pooling regions ("45" a province,
    // "4508" a prefecture, or six digits); empty for a profile meant for anywhere.
    std::vector<std::string> regions;
    std::vector<PolicyVersion> versions;  // ordered by effective_from, strictly increasing

    // Whether an authorizer insured in `pooling_region` falls under this profile.
    bool governs(const std::string& pooling_region) const;

    // The version with the latest effective_from <= date; nullptr before the first one.
    const PolicyVersion* version_on(const CivilDate& date) const;
    // "guangxi@2024-09-01.relations": names the rule that decided something.
    std::string rule_name(const PolicyVersion& v, std::string_view field) const;
};

// A profile that does not follow §4, naming the offending field ("versions[1].scope").
class PolicyError : public std::runtime_error {
public:
    PolicyError(std::string field, const std::string& message)
        : std::runtime_error(field + ": " + message), field_(std::move(field)) {}
    const std::string& field() const { return field_; }

private:
    std::string field_;
};

// Whether an open binding ends by itself (reason "auto", domain.md §7): either person's status
// became 4 (terminated), or the user's pooling region left the scope of the version in force.
bool binding_ends_automatically(int authorizer_status, int user_status, const PolicyVersion* version,
                                const std::string& authorizer_region, const std::string& user_region);

// Parses and validates the JSON text of a profile; throws PolicyError.
PolicyProfile parse_policy_profile(std::string_view json);
// The JSON form of §4 (keys in the documented order, two-space indentation).
std::string policy_profile_to_json(const PolicyProfile& profile);

}  // namespace gongji::core
