// Pins the GB/T 4761 codes: every category of domain.md §3 and the gender each code implies.
#include <boost/test/unit_test.hpp>

#include "core/relation.h"

using namespace gongji::core;

BOOST_AUTO_TEST_SUITE(relation)

BOOST_AUTO_TEST_CASE(codes_map_to_their_categories) {
    struct Case { const char* code; RelationCategory category; };
    const Case cases[] = {
        {"10", RelationCategory::spouse},      {"11", RelationCategory::spouse},
        {"12", RelationCategory::spouse},      {"20", RelationCategory::child},
        {"27", RelationCategory::child},       {"29", RelationCategory::child},
        {"30", RelationCategory::child},       {"39", RelationCategory::child},
        {"50", RelationCategory::parent},      {"57", RelationCategory::parent},
        {"58", RelationCategory::parent},      {"53", RelationCategory::parent_in_law},
        {"56", RelationCategory::parent_in_law}, {"60", RelationCategory::grandparent},
        {"64", RelationCategory::grandparent}, {"40", RelationCategory::grandchild},
        {"44", RelationCategory::grandchild},  {"70", RelationCategory::sibling},
        {"71", RelationCategory::sibling},     {"77", RelationCategory::sibling},
        {"28", RelationCategory::other},       {"38", RelationCategory::other},
        {"45", RelationCategory::other},       {"59", RelationCategory::other},
        {"65", RelationCategory::other},       {"72", RelationCategory::other},
        {"78", RelationCategory::other},       {"99", RelationCategory::other},
        {"01", RelationCategory::other},       {"02", RelationCategory::other},
    };
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT("code " << c.code) {
            auto r = find_relation(c.code);
            BOOST_REQUIRE(r.has_value());
            BOOST_TEST(category_name(r->category) == category_name(c.category));
            BOOST_TEST(!r->name.empty());
        }
    }
}

BOOST_AUTO_TEST_CASE(codes_imply_the_users_gender) {
    const char* male[] = {"11", "20", "21", "27", "29", "41", "43", "51", "53", "55", "57", "61", "63", "71", "73"};
    const char* female[] = {"12", "30", "31", "37", "39", "42", "44", "52", "54", "56", "58", "62", "64", "75", "77"};
    const char* none[] = {"10", "40", "50", "60", "70"};
    for (auto c : male) BOOST_TEST_CONTEXT(c) { BOOST_TEST((find_relation(c)->implied_gender == Gender::male)); }
    for (auto c : female) BOOST_TEST_CONTEXT(c) { BOOST_TEST((find_relation(c)->implied_gender == Gender::female)); }
    for (auto c : none) BOOST_TEST_CONTEXT(c) { BOOST_TEST(!find_relation(c)->implied_gender.has_value()); }
}

BOOST_AUTO_TEST_CASE(codes_outside_the_standard_are_unknown) {
    for (const char* c : {"", "00", "03", "09", "13", "19", "1", "100", "ab", "5 "})
        BOOST_TEST_CONTEXT("\"" << c << "\"") { BOOST_TEST(!find_relation(c).has_value()); }
    BOOST_TEST(all_relations().size() == 85u);  // 01, 02, 10–12 and 20–99
}

BOOST_AUTO_TEST_SUITE_END()
