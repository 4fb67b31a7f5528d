// Pins what a password chosen by its holder must be: its length counted in characters, the kinds
// of character, and the user's name not inside it.
#include <boost/test/unit_test.hpp>

#include "core/password_rules.h"

using namespace gongji::core;

namespace {
std::string code_of(const PasswordRules& rules, const std::string& password, const std::string& user = "clerk1") {
    auto issue = check_password(rules, password, user);
    return issue ? issue->code : "ok";
}
}  // namespace

BOOST_AUTO_TEST_SUITE(password_rules)

BOOST_AUTO_TEST_CASE(the_default_rules_want_eight_characters_of_three_kinds) {
    PasswordRules rules;
    BOOST_TEST(code_of(rules, "Ab1!xyz") == "password_too_short");          // 7
    BOOST_TEST(code_of(rules, "abcdefgh") == "password_too_few_classes");   // one kind
    BOOST_TEST(code_of(rules, "abcdefg1") == "password_too_few_classes");   // two kinds
    BOOST_TEST(code_of(rules, "abcdef1!") == "ok");                         // lower, digit, other
    BOOST_TEST(code_of(rules, "Abcdefg1") == "ok");                         // lower, upper, digit
    BOOST_TEST(code_of(rules, "窗口受理2026ab") == "ok");                   // Chinese counts as other
    BOOST_TEST(code_of(rules, "Clerk1-pw", "clerk1") == "password_has_username");  // in any case
    BOOST_TEST(code_of(rules, "").substr(0, 9) == "password_");
}

BOOST_AUTO_TEST_CASE(length_is_counted_in_characters_not_bytes) {
    PasswordRules rules;
    rules.min_length = 6;
    rules.min_classes = 1;
    BOOST_TEST(code_of(rules, "共济窗口经办") == "ok");      // six characters, eighteen bytes
    BOOST_TEST(code_of(rules, "共济窗口经") == "password_too_short");
    auto issue = check_password(rules, "abc", "u");
    BOOST_REQUIRE(issue);
    BOOST_TEST(issue->params.at("min") == "6");
}

BOOST_AUTO_TEST_SUITE_END()
