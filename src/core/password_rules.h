#pragma once
// What a password chosen by its holder must be (等保 2.0 level 3, GB/T 22239-2019 §8.1.4.1):
// long enough, of several kinds of character, not the user's name, changed after some days.
#include <optional>
#include <string>

#include "core/issue.h"

namespace gongji::core {

struct PasswordRules {
    int min_length = 8;     // characters, not bytes
    int min_classes = 3;    // of: lower case, upper case, digits, anything else
    int max_age_days = 90;  // 0: never expires
    int history = 5;        // the last N passwords (the current one included) may not be chosen again
};

// Codes: password_too_short {"min"}, password_too_few_classes {"min"}, password_has_username.
std::optional<Issue> check_password(const PasswordRules& rules, const std::string& password,
                                    const std::string& username);

}  // namespace gongji::core
