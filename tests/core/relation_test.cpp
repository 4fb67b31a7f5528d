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
        {"79", RelationCategory::sibling},  // half- and step-siblings (民法典 §1045, domain.md §3 of 2026-12)
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

// The relation picker at the window: what the clerk types finds the code, best match first.
BOOST_AUTO_TEST_CASE(a_code_a_name_or_pinyin_initials_find_the_relation) {
    auto first = [](const char* typed, const RelationPeople& people = {}) {
        auto found = suggest_relations(typed, people);
        return found.empty() ? std::string() : found.front().code;
    };
    BOOST_TEST(first("12") == "12");
    BOOST_TEST(first("妻") == "12");
    BOOST_TEST(first("q") == "12");
    BOOST_TEST(first("Q") == "12");
    BOOST_TEST(first("mq") == "52");
    BOOST_TEST(first("母亲") == "52");
    BOOST_TEST(first("女") == "30");
    BOOST_TEST(first("5") == "50");
    BOOST_TEST(suggest_relations("99").empty());  // 非亲属 is never offered
    BOOST_TEST(suggest_relations("儿媳").empty());
    BOOST_TEST(suggest_relations("zzz").empty());
    for (const auto& r : suggest_relations("")) BOOST_TEST(relation_initials(r.code) != "", r.code);
}

BOOST_AUTO_TEST_CASE(relations_that_cannot_fit_the_two_people_are_not_offered) {
    // A man born 1965 and a woman born 1967: she may be his wife or sister, never his husband,
    // son, mother or mother-in-law (younger than him), nor his 婆婆 (a wife's mother-in-law).
    RelationPeople couple{Gender::male, Gender::female, CivilDate{1965, 3, 12}, CivilDate{1967, 8, 20}};
    auto codes = [&](const char* typed) {
        std::string out;
        for (const auto& r : suggest_relations(typed, couple)) out += r.code + " ";
        return out;
    };
    BOOST_TEST(codes("1") == "10 12 ");            // 夫 (11) needs a male user
    BOOST_TEST(codes("母").find("52") == std::string::npos);  // his mother cannot be younger
    BOOST_TEST(codes("岳").empty());               // 岳母 would be older than him
    BOOST_TEST(codes("jj") == "75 ");              // 姐姐
    BOOST_TEST(codes("婆").empty());               // 婆婆 is a wife's: the authorizer is a man
    BOOST_TEST(codes("2").empty());                // a son must be male
    RelationPeople two_men{Gender::male, Gender::male, CivilDate{1965, 3, 12}, CivilDate{1992, 5, 6}};
    auto spouses = suggest_relations("10", two_men);
    BOOST_TEST(spouses.empty());  // spouses are of the other gender
    BOOST_TEST(suggest_relations("子", two_men).front().code == "20");
}

BOOST_AUTO_TEST_SUITE_END()
