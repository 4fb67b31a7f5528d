// Pins domain.md §5: each rule fails alone when it should, every failing rule is reported,
// rules needing missing data are not evaluated, and the boundaries of dates and limits.
#include <boost/test/unit_test.hpp>

#include <algorithm>

#include "core/eligibility.h"
#include "core/id_number.h"

using namespace gongji::core;

namespace {

PolicyProfile guangxi() {
    return parse_policy_profile(R"({"name": "guangxi", "title": "广西壮族自治区", "versions": [
      {"effective_from": "2021-01-01", "relations": ["spouse", "child", "parent"],
       "max_users_per_authorizer": 7, "max_authorizers_per_user": 1, "scope": "province",
       "own_account_first": true, "commitment_replaces_proof": true, "requires_review": true,
       "uses": ["clinic"]},
      {"effective_from": "2024-09-01",
       "relations": ["spouse", "child", "parent", "sibling", "grandparent", "grandchild"],
       "max_users_per_authorizer": 7, "max_authorizers_per_user": 1, "scope": "province",
       "own_account_first": true, "commitment_replaces_proof": true, "requires_review": true,
       "uses": ["clinic"]}]})");
}

PolicyProfile strict() {  // no commitment letters, same region only
    return parse_policy_profile(R"({"name": "strict", "title": "严格", "versions": [
      {"effective_from": "2021-01-01", "relations": ["spouse", "child", "parent"],
       "max_users_per_authorizer": 5, "max_authorizers_per_user": 1, "scope": "region",
       "own_account_first": true, "commitment_replaces_proof": false, "requires_review": true,
       "uses": ["clinic"]}]})");
}

std::string make_id(const std::string& region, const std::string& birth, int seq) {
    std::string s = region + birth.substr(0, 4) + birth.substr(5, 2) + birth.substr(8, 2);
    std::string n = std::to_string(seq);
    s += std::string(3 - n.size(), '0') + n;
    return s + id_check_character(s);
}

Person person(const std::string& birth, Gender g, const std::string& type = "310", int status = 1,
              const std::string& region = "450800") {
    static int seq = 100;
    seq += 2;
    Person p;
    p.id_number = make_id("450802", birth, seq + (g == Gender::male ? 1 : 0));
    p.name = "测试";
    p.gender = g;
    p.birth_date = *CivilDate::parse(birth);
    p.insurance_type = type;
    p.status = status;
    p.pooling_region = region;
    return p;
}

struct Scenario {
    Person authorizer = person("1965-03-12", Gender::male);
    Person user = person("1967-08-20", Gender::female, "390");
    bool authorizer_in_roster = true, user_in_roster = true;
    std::string relation = "12";
    CivilDate date{2026, 11, 22};
    std::optional<std::set<DocumentType>> documents;
    int authorizer_open = 0, user_open = 0;
    bool duplicate = false;
    std::string authorizer_text, user_text;  // override what was typed

    EligibilityResult run(const PolicyProfile& profile = guangxi()) const {
        EligibilityRequest req{authorizer_text.empty() ? authorizer.id_number : authorizer_text,
                               user_text.empty() ? user.id_number : user_text, relation, date, documents};
        EligibilityFacts facts;
        facts.authorizer = authorizer_in_roster ? &authorizer : nullptr;
        facts.user = user_in_roster ? &user : nullptr;
        facts.authorizer_open_bindings = authorizer_open;
        facts.user_open_bindings = user_open;
        facts.duplicate = duplicate;
        return evaluate_eligibility(profile, req, facts);
    }
};

std::vector<std::string> codes(const EligibilityResult& r) {
    std::vector<std::string> out;
    for (const auto& reason : r.reasons) out.push_back(reason.code);
    return out;
}

const Reason& reason(const EligibilityResult& r, const std::string& code) {
    auto it = std::find_if(r.reasons.begin(), r.reasons.end(), [&](const Reason& x) { return x.code == code; });
    BOOST_REQUIRE(it != r.reasons.end());
    return *it;
}

using Codes = std::vector<std::string>;

}  // namespace

BOOST_AUTO_TEST_SUITE(eligibility)

BOOST_AUTO_TEST_CASE(a_wife_of_an_employee_is_eligible) {
    Scenario s;
    auto r = s.run();
    BOOST_TEST(r.eligible);
    BOOST_TEST(r.reasons.empty());
    BOOST_REQUIRE(r.version.has_value());
    BOOST_TEST(r.version->effective_from.to_string() == "2024-09-01");
    BOOST_TEST(r.documents_needed.size() == 2u);
}

BOOST_AUTO_TEST_CASE(each_rule_fails_alone_with_code_subject_message_and_rule) {
    struct Case {
        const char* name;
        std::function<void(Scenario&)> setup;
        Codes expected;
        const char* subject;
        const char* rule;
    };
    const std::vector<Case> cases = {
        {"authorizer id invalid", [](Scenario& s) { s.authorizer_text = "450802196503120118"; },
         {"id_invalid"}, "authorizer", "GB 11643-1999"},
        {"user id invalid", [](Scenario& s) { s.user_text = "45080219670820"; }, {"id_invalid"}, "user",
         "GB 11643-1999"},
        {"same person", [](Scenario& s) { s.user = s.authorizer; }, {"same_person"}, "authorizer",
         "base.same_person"},
        {"authorizer not in roster", [](Scenario& s) { s.authorizer_in_roster = false; },
         {"authorizer_not_found"}, "authorizer", "base.roster"},
        {"authorizer a resident", [](Scenario& s) { s.authorizer.insurance_type = "390"; },
         {"authorizer_not_employee"}, "authorizer", "base.insurance_type"},
        {"authorizer suspended", [](Scenario& s) { s.authorizer.status = 2; }, {"authorizer_status"},
         "authorizer", "base.status"},
        {"authorizer terminated", [](Scenario& s) { s.authorizer.status = 4; }, {"authorizer_status"},
         "authorizer", "base.status"},
        {"user not in roster", [](Scenario& s) { s.user_in_roster = false; }, {"user_not_insured"}, "user",
         "base.roster"},
        {"user status 0", [](Scenario& s) { s.user.status = 0; }, {"user_not_insured"}, "user", "base.status"},
        {"user other insurance", [](Scenario& s) { s.user.insurance_type = "410"; }, {"user_not_insured"},
         "user", "base.insurance_type"},
        {"user suspended", [](Scenario& s) { s.user.status = 2; }, {"user_status"}, "user", "base.status"},
        {"user terminated", [](Scenario& s) { s.user.status = 4; }, {"user_status"}, "user", "base.status"},
        {"parent-in-law not allowed",
         [](Scenario& s) { s.user = person("1940-01-01", Gender::female, "390"); s.relation = "56"; },
         {"relation_not_allowed"}, "user", "guangxi@2024-09-01.relations"},
        {"other never allowed",
         [](Scenario& s) { s.user = person("1970-01-01", Gender::female, "390"); s.relation = "88"; },
         {"relation_not_allowed"}, "user", "guangxi@2024-09-01.relations"},
        {"wife who is a man", [](Scenario& s) { s.user.gender = Gender::male; s.relation = "12"; },
         {"relation_implausible"}, "user", "民法典§1047"},
        {"husband who is a woman", [](Scenario& s) { s.relation = "11"; }, {"relation_implausible"}, "user",
         "GB/T 4761-2008"},
        {"mother younger than the authorizer",
         [](Scenario& s) { s.user = person("1970-01-01", Gender::female, "390"); s.relation = "52"; },
         {"relation_implausible"}, "user", "GB/T 4761-2008"},
        {"son older than the authorizer",
         [](Scenario& s) { s.user = person("1960-01-01", Gender::male, "390"); s.relation = "20"; },
         {"relation_implausible"}, "user", "GB/T 4761-2008"},
        {"spouse under marriage age",
         [](Scenario& s) { s.user = person("2008-01-01", Gender::female, "390"); s.relation = "12"; },
         {"relation_implausible"}, "user", "民法典§1047"},
        {"user in another province", [](Scenario& s) { s.user.pooling_region = "440700"; }, {"region_scope"},
         "user", "guangxi@2024-09-01.scope"},
        {"authorizer at the limit", [](Scenario& s) { s.authorizer_open = 7; }, {"authorizer_limit"},
         "authorizer", "guangxi@2024-09-01.max_users_per_authorizer"},
        {"user at the limit", [](Scenario& s) { s.user_open = 1; }, {"user_limit"}, "user",
         "guangxi@2024-09-01.max_authorizers_per_user"},
        {"duplicate", [](Scenario& s) { s.duplicate = true; }, {"duplicate"}, "user", "base.duplicate"},
        {"no marriage certificate",
         [](Scenario& s) { s.documents = std::set<DocumentType>{DocumentType::id_card}; },
         {"documents_missing"}, "user", "guangxi@2024-09-01.commitment_replaces_proof"},
    };
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.name) {
            Scenario s;
            c.setup(s);
            auto r = s.run();
            BOOST_TEST(!r.eligible);
            BOOST_TEST(codes(r) == c.expected, boost::test_tools::per_element());
            if (!r.reasons.empty()) {
                BOOST_TEST(r.reasons[0].subject == c.subject);
                BOOST_TEST(r.reasons[0].rule == c.rule);
                BOOST_TEST(!r.reasons[0].message.empty());
            }
        }
    }
}

// domain.md §3 (2026-12): 公公/婆婆 are a wife's parents-in-law, 岳父/岳母 a husband's.
BOOST_AUTO_TEST_CASE(a_parent_in_law_code_names_whose_parent_in_law_it_is) {
    const auto in_laws = parse_policy_profile(R"({"name": "old", "title": "旧规", "versions": [
      {"effective_from": "2021-01-01", "relations": ["spouse", "parent_in_law"],
       "max_users_per_authorizer": null, "max_authorizers_per_user": null, "scope": "nation",
       "own_account_first": true, "commitment_replaces_proof": true, "requires_review": true,
       "uses": ["clinic"]}]})");
    Scenario husband;  // a man of 1965 with his wife's father, born 1940
    husband.user = person("1940-01-15", Gender::male, "390");
    husband.relation = "55";  // 岳父
    BOOST_TEST(husband.run(in_laws).eligible);
    husband.relation = "53";  // 公公: a wife's father-in-law, but the authorizer is a man
    auto r = husband.run(in_laws);
    BOOST_TEST(codes(r) == Codes{"relation_implausible"}, boost::test_tools::per_element());
    BOOST_TEST(reason(r, "relation_implausible").subject == "authorizer");
    BOOST_TEST(reason(r, "relation_implausible").message.find("授权人为女性") != std::string::npos);
    Scenario wife;
    wife.authorizer = person("1967-08-20", Gender::female);
    wife.user = person("1938-05-05", Gender::female, "390");
    wife.relation = "54";  // 婆婆
    BOOST_TEST(wife.run(in_laws).eligible);
    wife.relation = "56";  // 岳母: a husband's
    BOOST_TEST(codes(wife.run(in_laws)) == Codes{"relation_implausible"}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(every_failing_rule_is_reported_not_only_the_first) {
    Scenario s;
    s.authorizer.status = 2;
    s.user.status = 4;
    s.user.pooling_region = "130600";
    s.authorizer_open = 7;
    s.duplicate = true;
    s.documents = std::set<DocumentType>{};
    auto r = s.run();
    BOOST_TEST(codes(r) == (Codes{"authorizer_status", "user_status", "region_scope", "authorizer_limit",
                                  "duplicate", "documents_missing"}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(nothing_follows_from_missing_data) {
    Scenario s;
    s.authorizer_text = "450802196503120118";  // bad check character
    s.user_in_roster = false;
    s.user_open = 5;
    s.duplicate = true;
    s.relation = "52";  // a "mother" younger than the authorizer would be implausible
    auto r = s.run();
    BOOST_TEST(codes(r) == (Codes{"id_invalid", "user_not_insured"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(relation_rules_are_not_evaluated_for_the_same_person) {
    Scenario s;
    s.user = s.authorizer;
    s.relation = "88";
    auto r = s.run();
    BOOST_TEST(codes(r) == Codes{"same_person"}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_new_relation_counts_from_the_day_its_version_takes_effect) {
    Scenario s;
    s.user = person("1970-09-09", Gender::male, "390");
    s.relation = "73";  // 弟, allowed from 2024-09-01
    s.date = {2024, 8, 31};
    auto before = s.run();
    BOOST_TEST(codes(before) == Codes{"relation_not_allowed"}, boost::test_tools::per_element());
    BOOST_TEST(reason(before, "relation_not_allowed").rule == "guangxi@2021-01-01.relations");
    s.date = {2024, 9, 1};
    BOOST_TEST(s.run().eligible);
}

BOOST_AUTO_TEST_CASE(limits_count_up_to_and_including_the_maximum) {
    Scenario s;
    s.authorizer_open = 6;  // one below: the seventh is allowed
    BOOST_TEST(s.run().eligible);
    s.authorizer_open = 7;
    BOOST_TEST(codes(s.run()) == Codes{"authorizer_limit"}, boost::test_tools::per_element());
    s.authorizer_open = 0;
    s.user_open = 0;
    BOOST_TEST(s.run().eligible);
    s.user_open = 1;
    BOOST_TEST(codes(s.run()) == Codes{"user_limit"}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(no_limit_means_no_limit) {
    auto p = parse_policy_profile(R"({"name": "n", "title": "全国", "versions": [
      {"effective_from": "2026-01-01", "relations": ["spouse"], "max_users_per_authorizer": null,
       "max_authorizers_per_user": null, "scope": "nation", "own_account_first": true,
       "commitment_replaces_proof": true, "requires_review": true, "uses": ["clinic"]}]})");
    Scenario s;
    s.authorizer_open = 1000;
    s.user_open = 1000;
    s.user.pooling_region = "130600";
    BOOST_TEST(s.run(p).eligible);
}

BOOST_AUTO_TEST_CASE(marriage_age_is_reached_on_the_birthday) {
    Scenario s;
    s.user = person("2006-11-22", Gender::female, "390");  // 20 on 2026-11-22
    s.relation = "12";
    s.date = {2026, 11, 21};
    BOOST_TEST(codes(s.run()) == Codes{"relation_implausible"}, boost::test_tools::per_element());
    s.date = {2026, 11, 22};
    BOOST_TEST(s.run().eligible);
}

BOOST_AUTO_TEST_CASE(documents_follow_relation_age_and_profile) {
    using D = DocumentType;
    struct Case {
        const char* name;
        const char* relation;
        const char* user_birth;
        std::set<D> attached;
        bool strict_profile;
        bool ok;
    };
    const Case cases[] = {
        {"spouse with marriage certificate", "12", "1967-08-20", {D::id_card, D::marriage_certificate}, false, true},
        {"spouse with commitment letter", "12", "1967-08-20", {D::id_card, D::commitment_letter}, false, true},
        {"commitment not accepted by a strict profile", "12", "1967-08-20", {D::id_card, D::commitment_letter}, true, false},
        {"commitment never replaces identity", "12", "1967-08-20", {D::marriage_certificate, D::commitment_letter}, false, false},
        {"son with hukou", "20", "1992-05-06", {D::id_card, D::hukou}, true, true},
        {"son with birth certificate", "20", "1992-05-06", {D::id_card, D::birth_certificate}, true, true},
        {"son with marriage certificate only", "20", "1992-05-06", {D::id_card, D::marriage_certificate}, true, false},
        {"child under 16 without ID card", "30", "2011-11-23", {D::birth_certificate}, true, true},
        {"child turning 16 today needs an ID card", "30", "2010-11-22", {D::birth_certificate, D::hukou}, true, false},
        {"grandchild needs hukou", "42", "2019-11-03", {D::birth_certificate}, false, false},
        {"grandchild with hukou", "42", "2019-11-03", {D::hukou}, false, true},
        {"sibling with commitment letter", "73", "1970-09-09", {D::id_card, D::commitment_letter}, false, true},
    };
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.name) {
            Scenario s;
            auto cat = find_relation(c.relation)->category;
            bool older = cat == RelationCategory::parent || cat == RelationCategory::grandparent;
            s.authorizer = person(older ? "1940-01-01" : "1960-01-01", Gender::male);
            s.user = person(c.user_birth, *find_relation(c.relation)->implied_gender, "390");
            s.relation = c.relation;
            s.documents = c.attached;
            auto r = s.run(c.strict_profile ? strict() : guangxi());
            BOOST_TEST(r.eligible == c.ok, codes(r).size() << " reasons; first " << (r.reasons.empty() ? "" : r.reasons[0].code));
            if (!c.ok) BOOST_TEST(codes(r) == Codes{"documents_missing"}, boost::test_tools::per_element());
        }
    }
}

BOOST_AUTO_TEST_CASE(a_pre_check_without_documents_does_not_judge_them) {
    Scenario s;
    auto r = s.run(strict());
    BOOST_TEST(r.eligible);
    BOOST_TEST(r.documents_needed.size() == 2u);
}

BOOST_AUTO_TEST_CASE(bad_input_is_not_a_question_of_eligibility) {
    Scenario s;
    s.relation = "03";
    BOOST_CHECK_THROW(s.run(), EligibilityInputError);
    s.relation = "12";
    s.date = {2020, 12, 31};  // before the profile's first version
    BOOST_CHECK_THROW(s.run(), EligibilityInputError);
}

BOOST_AUTO_TEST_SUITE_END()
