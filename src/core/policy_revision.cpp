#include "core/policy_revision.h"

#include <algorithm>

namespace gongji::core {

namespace {

// The version's rules as the profile's own text has them: every field, today's and tomorrow's.
std::string rules_of(const PolicyVersion& v) {
    PolicyProfile alone;
    alone.name = "v";
    alone.title = "v";
    alone.versions = {v};
    return policy_profile_to_json(alone);
}

const PolicyVersion* from(const PolicyProfile& p, const CivilDate& date) {
    auto at = std::find_if(p.versions.begin(), p.versions.end(), [&](const auto& v) { return v.effective_from == date; });
    return at == p.versions.end() ? nullptr : &*at;
}

}  // namespace

PolicyRevision revise_policy(const PolicyProfile& stored, const PolicyProfile& incoming, const CivilDate& today) {
    PolicyRevision revision;
    for (const auto& old : stored.versions) {
        const auto* now = from(incoming, old.effective_from);
        const auto date = old.effective_from.to_string();
        if (old.effective_from <= today) {
            if (!now)
                throw PolicyRevisionError("the version from " + date + " has taken effect and cannot be removed: cases were decided under it",
                                          old.effective_from, PolicyRevisionError::Kind::removed);
            if (rules_of(*now) != rules_of(old))
                throw PolicyRevisionError("the version from " + date +
                                              " has taken effect and cannot change: add a new version from a later date instead",
                                          old.effective_from, PolicyRevisionError::Kind::changed);
        } else if (!now) {
            revision.dropped.push_back(old.effective_from);
        } else if (rules_of(*now) != rules_of(old)) {
            revision.changed.push_back(old.effective_from);
        }
    }
    for (const auto& v : incoming.versions) {
        if (from(stored, v.effective_from)) continue;
        if (v.effective_from <= today)
            throw PolicyRevisionError("a new version from " + v.effective_from.to_string() +
                                          " would change the rules of days already served: a new version takes effect after " +
                                          today.to_string(),
                                      v.effective_from, PolicyRevisionError::Kind::new_in_the_past);
        revision.added.push_back(v.effective_from);
    }
    return revision;
}

}  // namespace gongji::core
