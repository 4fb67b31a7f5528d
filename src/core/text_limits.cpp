#include "core/text_limits.h"

#include <Poco/TextIterator.h>
#include <Poco/UTF8Encoding.h>

namespace gongji::core {
namespace {

bool is_bidi_control(char32_t c) {
    return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F || c == 0x061C;
}

// Characters that print as nothing: a name holding one looks like another and matches nothing.
bool is_invisible(char32_t c) { return (c >= 0x200B && c <= 0x200D) || c == 0x2060 || c == 0xFEFF || c == 0x00AD; }

}  // namespace

std::string text_problem(std::string_view text, const TextLimit& limit) {
    const std::string copy(text);
    Poco::UTF8Encoding utf8;
    std::size_t chars = 0;
    for (Poco::TextIterator it(copy, utf8), end(copy); it != end; ++it) {
        const int c = *it;  // -1: not a valid sequence
        if (c < 0) return "not_utf8";
        const bool allowed_break = limit.line_breaks && (c == '\n' || c == '\r' || c == '\t');
        if ((c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) && !allowed_break) return "control_character";
        if (is_bidi_control(static_cast<char32_t>(c))) return "bidi_control";
        if (is_invisible(static_cast<char32_t>(c))) return "invisible_character";
        if (++chars > limit.max_chars) return "too_long";
    }
    return "";
}

std::string text_problem_message(const std::string& problem, const TextLimit& limit) {
    std::string field = limit.field;
    if (problem == "too_long") return field + ": longer than " + std::to_string(limit.max_chars) + " characters";
    if (problem == "control_character") return field + ": holds a control character (a NUL, a tab or a line break)";
    if (problem == "bidi_control") return field + ": holds a bidirectional control character (U+202A–U+202E, U+2066–U+2069)";
    if (problem == "invisible_character")
        return field + ": holds an invisible character (a zero-width space or joiner, a soft hyphen, U+FEFF)";
    if (problem == "not_utf8") return field + ": not valid UTF-8";
    return field + ": " + problem;
}

}  // namespace gongji::core
