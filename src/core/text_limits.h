#pragma once
// Limits on the free texts that people and files give (interfaces.md, "Limits"): a length in
// characters, no control character (a NUL cuts a name short, a line break splits a paper's
// line) and no bidirectional control (a right-to-left override, U+202E, prints a name reversed), and
// valid UTF-8. Each field that takes such a text says which limit holds.
#include <cstddef>
#include <string>
#include <string_view>

namespace gongji::core {

struct TextLimit {
    const char* field;
    std::size_t max_chars;
    bool line_breaks = false;  // a note may have several lines
};

inline constexpr TextLimit kPersonNameLimit{"name", 64};
inline constexpr TextLimit kStaffNameLimit{"full_name", 64};
inline constexpr TextLimit kAgencyNameLimit{"agency_name", 100};
inline constexpr TextLimit kProfileTitleLimit{"title", 200};
inline constexpr TextLimit kInstitutionNameLimit{"institution_name", 200};
inline constexpr TextLimit kNoteLimit{"note", 1000, true};
inline constexpr std::size_t kMaxHeaderColumns = 64;  // a roster has 8, the platform's records 14

// What is wrong with `text`: "" when nothing, else "too_long", "control_character",
// "bidi_control", "invisible_character" or "not_utf8".
std::string text_problem(std::string_view text, const TextLimit& limit);
// The problem said in English, naming the field: "name: longer than 64 characters".
std::string text_problem_message(const std::string& problem, const TextLimit& limit);

}  // namespace gongji::core
