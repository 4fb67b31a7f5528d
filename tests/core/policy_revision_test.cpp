// Pins domain.md §4's rule for a profile replaced: a version that has taken effect never changes
// and never goes, a new version takes effect after today, versions still to come may be changed
// or dropped, and the revision says what it added, changed and dropped.
#include <boost/test/unit_test.hpp>

#include "core/policy_revision.h"

using namespace gongji::core;

namespace {

PolicyProfile profile_with(std::vector<CivilDate> dates) {
    PolicyProfile p;
    p.name = "guangxi";
    p.title = "广西";
    for (const auto& d : dates) {
        PolicyVersion v;
        v.effective_from = d;
        v.relations = {RelationCategory::spouse};
        v.uses = {Use::clinic};
        p.versions.push_back(v);
    }
    return p;
}

const CivilDate kToday{2026, 12, 7};

}  // namespace

BOOST_AUTO_TEST_SUITE(policy_revision)

BOOST_AUTO_TEST_CASE(a_version_in_force_never_changes_nor_goes) {
    auto stored = profile_with({{2024, 9, 1}, {2026, 12, 7}});
    auto changed = stored;
    changed.versions[1].max_users_per_authorizer = 3;  // the one that took effect today
    try {
        revise_policy(stored, changed, kToday);
        BOOST_FAIL("a version in force was changed");
    } catch (const PolicyRevisionError& e) {
        BOOST_TEST((e.kind() == PolicyRevisionError::Kind::changed));
        BOOST_TEST(e.version().to_string() == "2026-12-07");
    }
    auto shorter = stored;
    shorter.versions.erase(shorter.versions.begin());
    BOOST_CHECK_THROW(revise_policy(stored, shorter, kToday), PolicyRevisionError);
}

BOOST_AUTO_TEST_CASE(a_new_version_takes_effect_after_today_and_is_reported) {
    auto stored = profile_with({{2024, 9, 1}});
    auto backdated = profile_with({{2024, 9, 1}, {2026, 12, 7}});
    try {
        revise_policy(stored, backdated, kToday);
        BOOST_FAIL("a version took effect on a day already served");
    } catch (const PolicyRevisionError& e) {
        BOOST_TEST((e.kind() == PolicyRevisionError::Kind::new_in_the_past));
    }
    auto next_year = profile_with({{2024, 9, 1}, {2027, 1, 1}});
    next_year.title = "广西（新）";  // the title is not a rule
    auto r = revise_policy(stored, next_year, kToday);
    BOOST_TEST(r.added.size() == 1u);
    BOOST_TEST(r.added[0].to_string() == "2027-01-01");
    BOOST_TEST(r.changed.empty());
}

BOOST_AUTO_TEST_CASE(versions_still_to_come_may_change_or_go) {
    auto stored = profile_with({{2024, 9, 1}, {2027, 1, 1}, {2027, 6, 1}});
    auto revised = profile_with({{2024, 9, 1}, {2027, 1, 1}});
    revised.versions[1].own_account_first = false;
    auto r = revise_policy(stored, revised, kToday);
    BOOST_TEST(r.changed.size() == 1u);
    BOOST_TEST(r.dropped.size() == 1u);
    BOOST_TEST(r.dropped[0].to_string() == "2027-06-01");
    BOOST_TEST(revise_policy(stored, stored, kToday).added.empty());  // the same text again: nothing
}

BOOST_AUTO_TEST_SUITE_END()
