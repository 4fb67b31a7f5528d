#include "core/text_limits.h"

namespace gongji::core {
namespace {

bool is_bidi_control(char32_t c) {
    return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F || c == 0x061C;
}

}  // namespace

std::string text_problem(std::string_view text, const TextLimit& limit) {
    std::size_t chars = 0;
    for (std::size_t i = 0; i < text.size(); ++chars) {
        const auto lead = static_cast<unsigned char>(text[i]);
        const std::size_t length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xe ? 3 : (lead >> 3) == 0x1e ? 4 : 0;
        if (length == 0 || i + length > text.size()) return "not_utf8";
        char32_t c = length == 1 ? lead : lead & (0x7f >> length);
        for (std::size_t k = 1; k < length; ++k) {
            const auto next = static_cast<unsigned char>(text[i + k]);
            if ((next & 0xc0) != 0x80) return "not_utf8";
            c = (c << 6) | (next & 0x3f);
        }
        i += length;
        const bool allowed_break = limit.line_breaks && (c == '\n' || c == '\r' || c == '\t');
        if ((c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) && !allowed_break) return "control_character";
        if (is_bidi_control(c)) return "bidi_control";
        if (chars + 1 > limit.max_chars) return "too_long";
    }
    return "";
}

std::string text_problem_message(const std::string& problem, const TextLimit& limit) {
    std::string field = limit.field;
    if (problem == "too_long") return field + ": longer than " + std::to_string(limit.max_chars) + " characters";
    if (problem == "control_character") return field + ": holds a control character (a NUL, a tab or a line break)";
    if (problem == "bidi_control") return field + ": holds a bidirectional control character (U+202A–U+202E, U+2066–U+2069)";
    if (problem == "not_utf8") return field + ": not valid UTF-8";
    return field + ": " + problem;
}

}  // namespace gongji::core
