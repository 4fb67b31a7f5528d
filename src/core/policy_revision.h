#pragma once
// A stored policy profile replaced by a new text (domain.md §4): what took effect stays as it was.
// Cases were decided under every version in force, and the rule names they cite
// ("guangxi@2024-09-01.relations") must keep meaning what they meant; a change of the rules is a
// new version from a later date. Versions not yet in force may still be changed or dropped.
#include <vector>

#include "core/civil_date.h"
#include "core/policy.h"

namespace gongji::core {

struct PolicyRevision {
    std::vector<CivilDate> added;    // new versions, all taking effect after `today`
    std::vector<CivilDate> changed;  // versions not yet in force, changed
    std::vector<CivilDate> dropped;  // versions not yet in force, no longer there
};

// Why a revision is refused: which version, and what would have happened to it.
class PolicyRevisionError : public PolicyError {
public:
    enum class Kind { removed, changed, new_in_the_past };
    PolicyRevisionError(const std::string& message, CivilDate version, Kind kind)
        : PolicyError("versions", message), version_(version), kind_(kind) {}
    const CivilDate& version() const { return version_; }
    Kind kind() const { return kind_; }

private:
    CivilDate version_;
    Kind kind_;
};

// PolicyRevisionError when a version in force on `today` or before would change or go, or a new
// one would take effect by `today`.
PolicyRevision revise_policy(const PolicyProfile& stored, const PolicyProfile& incoming, const CivilDate& today);

}  // namespace gongji::core
