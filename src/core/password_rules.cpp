#include "core/password_rules.h"

#include <algorithm>
#include <cctype>

namespace gongji::core {
namespace {

int characters(const std::string& utf8) {
    return static_cast<int>(std::count_if(utf8.begin(), utf8.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

std::string lower(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

}  // namespace

std::optional<Issue> check_password(const PasswordRules& rules, const std::string& password,
                                    const std::string& username) {
    if (characters(password) < rules.min_length)
        return Issue{"password_too_short", "密码至少" + std::to_string(rules.min_length) + "个字符",
                     {{"min", std::to_string(rules.min_length)}}};
    bool lower_case = false, upper_case = false, digit = false, other = false;
    for (unsigned char c : password) {
        if (std::islower(c)) lower_case = true;
        else if (std::isupper(c)) upper_case = true;
        else if (std::isdigit(c)) digit = true;
        else other = true;  // punctuation, and any non-ASCII character
    }
    if (lower_case + upper_case + digit + other < rules.min_classes)
        return Issue{"password_too_few_classes",
                     "密码须含小写字母、大写字母、数字、其他字符中至少" + std::to_string(rules.min_classes) + "类",
                     {{"min", std::to_string(rules.min_classes)}}};
    if (!username.empty() && lower(password).find(lower(username)) != std::string::npos)
        return Issue{"password_has_username", "密码不得包含用户名"};
    return std::nullopt;
}

}  // namespace gongji::core
