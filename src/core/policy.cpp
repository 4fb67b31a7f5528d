#include "core/policy.h"

#include "core/region_table.h"

namespace gongji::core {
bool within_scope(Scope scope, std::string_view a, std::string_view u) {
    if (a.size() != 6 || u.size() != 6) return scope == Scope::nation;
    switch (scope) {
        case Scope::region: return a == u;
        // 仙桃 429004 and 天门 429006 share "4290" but are two prefectures (domain.md §4).
        case Scope::prefecture:
            return RegionTable::prefecture_of(a) == RegionTable::prefecture_of(u);
        case Scope::province: return a.substr(0, 2) == u.substr(0, 2);
        case Scope::nation: return true;
    }
    return false;
}

bool never_payable(Use u) {
    return u == Use::public_health || u == Use::fitness || u == Use::wellness;
}

bool PolicyProfile::governs(const std::string& pooling_region) const {
    if (regions.empty()) return true;
    for (const auto& prefix : regions)
        if (pooling_region.compare(0, prefix.size(), prefix) == 0) return true;
    return false;
}

const PolicyVersion* PolicyProfile::version_on(const CivilDate& date) const {
    const PolicyVersion* found = nullptr;
    for (const auto& v : versions)
        if (v.effective_from <= date) found = &v;
    return found;
}

std::string PolicyProfile::rule_name(const PolicyVersion& v, std::string_view field) const {
    return name + "@" + v.effective_from.to_string() + "." + std::string(field);
}

bool binding_ends_automatically(int authorizer_status, int user_status, const PolicyVersion* version,
                                const std::string& authorizer_region, const std::string& user_region) {
    constexpr int terminated = 4;
    if (authorizer_status == terminated || user_status == terminated) return true;
    return version && !within_scope(version->scope, authorizer_region, user_region);
}

}  // namespace gongji::core
