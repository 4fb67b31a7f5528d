// Pins policy profile parsing: the §4 form is accepted, every bad field is named, and the
// version in force is the latest one that has started.
#include <boost/test/unit_test.hpp>

#include <functional>

#include "core/policy.h"

using namespace gongji::core;

namespace {

const std::string kVersion1 = R"({
  "effective_from": "2021-01-01", "relations": ["spouse", "child", "parent"],
  "max_users_per_authorizer": 7, "max_authorizers_per_user": 1, "scope": "province",
  "own_account_first": true, "commitment_replaces_proof": true, "requires_review": true,
  "uses": ["clinic", "inpatient", "pharmacy", "resident_premium"]})";
const std::string kVersion2 = R"({
  "effective_from": "2024-09-01",
  "relations": ["spouse", "child", "parent", "sibling", "grandparent", "grandchild"],
  "max_users_per_authorizer": 7, "max_authorizers_per_user": null, "scope": "province",
  "own_account_first": true, "commitment_replaces_proof": true, "requires_review": false,
  "uses": ["clinic", "inpatient", "pharmacy", "resident_premium"]})";

std::string profile(const std::string& versions) {
    return R"({"name": "guangxi", "title": "广西壮族自治区", "versions": [)" + versions + "]}";
}

std::string replace(std::string text, const std::string& from, const std::string& to) {
    auto pos = text.find(from);
    BOOST_REQUIRE(pos != std::string::npos);
    return text.replace(pos, from.size(), to);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(policy)

BOOST_AUTO_TEST_CASE(a_valid_profile_parses_completely) {
    auto p = parse_policy_profile(profile(kVersion1 + "," + kVersion2));
    BOOST_TEST(p.name == "guangxi");
    BOOST_TEST(p.title == "广西壮族自治区");
    BOOST_REQUIRE(p.versions.size() == 2u);
    const auto& v = p.versions[1];
    BOOST_TEST(v.effective_from.to_string() == "2024-09-01");
    BOOST_TEST(v.relations.size() == 6u);
    BOOST_TEST(v.allows(RelationCategory::sibling));
    BOOST_TEST(!p.versions[0].allows(RelationCategory::sibling));
    BOOST_TEST(*v.max_users_per_authorizer == 7);
    BOOST_TEST(!v.max_authorizers_per_user.has_value());
    BOOST_TEST((v.scope == Scope::province));
    BOOST_TEST(!v.requires_review);
    BOOST_TEST(v.pays_for(Use::clinic));
    BOOST_TEST(!v.pays_for(Use::ltc_premium));
}

BOOST_AUTO_TEST_CASE(the_json_form_round_trips) {
    auto p = parse_policy_profile(profile(kVersion1 + "," + kVersion2));
    auto again = parse_policy_profile(policy_profile_to_json(p));
    BOOST_TEST(policy_profile_to_json(again) == policy_profile_to_json(p));
}

BOOST_AUTO_TEST_CASE(the_version_in_force_starts_on_its_effective_date) {
    auto p = parse_policy_profile(profile(kVersion1 + "," + kVersion2));
    BOOST_TEST(p.version_on({2020, 12, 31}) == nullptr);
    BOOST_TEST(p.version_on({2021, 1, 1}) == &p.versions[0]);
    BOOST_TEST(p.version_on({2024, 8, 31}) == &p.versions[0]);
    BOOST_TEST(p.version_on({2024, 9, 1}) == &p.versions[1]);
    BOOST_TEST(p.version_on({2030, 1, 1}) == &p.versions[1]);
    BOOST_TEST(p.rule_name(p.versions[1], "scope") == "guangxi@2024-09-01.scope");
}

BOOST_AUTO_TEST_CASE(every_bad_field_is_named) {
    struct Case { std::string json; std::string field; };
    const std::string ok = profile(kVersion1);
    const Case cases[] = {
        {"{", "(json)"},
        {"[]", "(root)"},
        {replace(ok, R"("name": "guangxi")", R"("name": "Guang Xi")"), "name"},
        {replace(ok, R"("name": "guangxi", )", ""), "name"},
        {replace(ok, R"("title": "广西壮族自治区")", R"("title": 5)"), "title"},
        {replace(ok, R"("title": "广西壮族自治区")", R"("title": "x", "region": "45")"), "region"},
        {profile(""), "versions"},
        {R"({"name": "a", "title": "b", "versions": 3})", "versions"},
        {replace(ok, "2021-01-01", "2021-02-30"), "versions[0].effective_from"},
        {replace(ok, R"("effective_from": "2021-01-01", )", ""), "versions[0].effective_from"},
        {replace(ok, R"("spouse", "child")", R"("spouse", "cousin")"), "versions[0].relations[1]"},
        {replace(ok, R"("spouse", "child")", R"("spouse", "other")"), "versions[0].relations[1]"},
        {replace(ok, R"("spouse", "child")", R"("spouse", "spouse")"), "versions[0].relations[1]"},
        {replace(ok, R"(["spouse", "child", "parent"])", "[]"), "versions[0].relations"},
        {replace(ok, R"("max_users_per_authorizer": 7)", R"("max_users_per_authorizer": "7")"),
         "versions[0].max_users_per_authorizer"},
        {replace(ok, R"("max_users_per_authorizer": 7)", R"("max_users_per_authorizer": 0)"),
         "versions[0].max_users_per_authorizer"},
        {replace(ok, R"("max_users_per_authorizer": 7)", R"("max_users_per_authorizer": 2.5)"),
         "versions[0].max_users_per_authorizer"},
        {replace(ok, R"("max_authorizers_per_user": 1, )", ""), "versions[0].max_authorizers_per_user"},
        {replace(ok, R"("scope": "province")", R"("scope": "county")"), "versions[0].scope"},
        {replace(ok, R"("own_account_first": true)", R"("own_account_first": "yes")"),
         "versions[0].own_account_first"},
        {replace(ok, R"("requires_review": true)", R"("requires_review": 1)"), "versions[0].requires_review"},
        {replace(ok, R"("commitment_replaces_proof": true, )", ""), "versions[0].commitment_replaces_proof"},
        {replace(ok, R"("clinic", "inpatient")", R"("clinic", "fitness")"), "versions[0].uses[1]"},
        {replace(ok, R"("clinic", "inpatient")", R"("clinic", "spa")"), "versions[0].uses[1]"},
        {replace(ok, R"("uses": [)", R"("typo": 1, "uses": [)"), "versions[0].typo"},
        {profile(kVersion2 + "," + kVersion1), "versions[1].effective_from"},
        {profile(kVersion1 + "," + kVersion1), "versions[1].effective_from"},
        {profile(kVersion1 + ", 7"), "versions[1]"},
        {replace(ok, R"("title": "广西壮族自治区")", R"("title": "广西", "title": "广东")"), "title"},
        {profile(kVersion1 + "," + replace(kVersion2, R"("scope": "province")", R"("scope": "province", "scope": "national")")),
         "versions[1].scope"},
    };
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT("expected field " << c.field) {
            try {
                parse_policy_profile(c.json);
                BOOST_ERROR("accepted: " << c.json);
            } catch (const PolicyError& e) {
                BOOST_TEST(e.field() == c.field);
                BOOST_TEST(std::string(e.what()).find(c.field) == 0u);
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(scope_compares_the_right_number_of_digits) {
    BOOST_TEST(within_scope(Scope::region, "450802", "450802"));
    BOOST_TEST(!within_scope(Scope::region, "450802", "450803"));
    BOOST_TEST(within_scope(Scope::prefecture, "450802", "450803"));
    BOOST_TEST(!within_scope(Scope::prefecture, "450802", "450902"));
    BOOST_TEST(within_scope(Scope::province, "450802", "450100"));
    BOOST_TEST(!within_scope(Scope::province, "450802", "440700"));
    BOOST_TEST(within_scope(Scope::nation, "450802", "130600"));
    // County-level units directly under a province (xx90) are each a prefecture of their own
    // (domain.md §4): 仙桃 and 天门 share "4290" but not a prefecture; 仙桃 and 武汉 neither.
    BOOST_TEST(within_scope(Scope::prefecture, "429004", "429004"));
    BOOST_TEST(!within_scope(Scope::prefecture, "429004", "429006"));
    BOOST_TEST(!within_scope(Scope::prefecture, "429004", "420100"));
    BOOST_TEST(within_scope(Scope::province, "429004", "429006"));
}

// Where a profile governs: region code prefixes; none means anywhere.
BOOST_AUTO_TEST_CASE(a_profile_names_the_regions_it_governs) {
    auto text = replace(profile(kVersion1), R"("versions")", R"("regions": ["45", "4407"], "versions")");
    auto p = parse_policy_profile(text);
    BOOST_TEST(p.regions.size() == 2u);
    BOOST_TEST(p.governs("450800"));
    BOOST_TEST(p.governs("440703"));
    BOOST_TEST(!p.governs("440100"));
    BOOST_TEST(parse_policy_profile(policy_profile_to_json(p)).regions == p.regions);
    BOOST_TEST(parse_policy_profile(profile(kVersion1)).governs("130600"));  // no regions: anywhere
    try {
        parse_policy_profile(replace(profile(kVersion1), R"("versions")", R"("regions": ["4"], "versions")"));
        BOOST_FAIL("a one-digit prefix was accepted");
    } catch (const PolicyError& e) {
        BOOST_TEST(e.field() == "regions[0]");
    }
}

BOOST_AUTO_TEST_SUITE_END()
