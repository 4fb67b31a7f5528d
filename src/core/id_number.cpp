#include "core/id_number.h"

#include "core/region_table.h"

namespace gongji::core {
namespace {

constexpr int kWeights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
constexpr char kCheckChars[11] = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool digits_only(std::string_view s) {
    for (char c : s)
        if (!is_digit(c)) return false;
    return true;
}

constexpr std::string_view kIdeographicSpace = "\xE3\x80\x80";  // U+3000, typed by a Chinese input method

bool blank_at_front(std::string_view s, size_t& width) {
    width = s.empty() ? 0 : (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' || s.front() == '\n') ? 1 : 0;
    if (!width && s.substr(0, 3) == kIdeographicSpace) width = 3;
    return width > 0;
}

bool blank_at_back(std::string_view s, size_t& width) {
    width = s.empty() ? 0 : (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n') ? 1 : 0;
    if (!width && s.size() >= 3 && s.substr(s.size() - 3) == kIdeographicSpace) width = 3;
    return width > 0;
}

}  // namespace

std::string id_input(std::string_view raw) {
    size_t width = 0;
    while (blank_at_front(raw, width)) raw.remove_prefix(width);
    while (blank_at_back(raw, width)) raw.remove_suffix(width);
    std::string out;
    out.reserve(raw.size());
    for (size_t i = 0; i < raw.size(); ++i) {
        // Spaces inside, as a number is grouped on paper ("450802 1965 0312 0117"), go too.
        if (raw[i] == ' ' || raw[i] == '\t') continue;
        if (raw.substr(i, 3) == kIdeographicSpace) {
            i += 2;
            continue;
        }
        // Full-width forms U+FF10–FF19 (０–９), U+FF38 (Ｘ) and U+FF58 (ｘ): EF BC 90–99, EF BC B8, EF BD 98.
        if (i + 2 < raw.size() && raw[i] == '\xEF') {
            unsigned char b1 = static_cast<unsigned char>(raw[i + 1]), b2 = static_cast<unsigned char>(raw[i + 2]);
            if (b1 == 0xBC && b2 >= 0x90 && b2 <= 0x99) {
                out += static_cast<char>('0' + (b2 - 0x90));
                i += 2;
                continue;
            }
            if ((b1 == 0xBC && b2 == 0xB8) || (b1 == 0xBD && b2 == 0x98)) {
                out += 'X';
                i += 2;
                continue;
            }
        }
        out += raw[i];
    }
    return out;
}

bool looks_like_ecert_token(std::string_view input) {
    constexpr size_t kShortestToken = 24;  // an ID number with a few extra keystrokes stays shorter
    if (input.size() < kShortestToken) return false;
    for (char c : input) {
        bool letter_or_digit = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
        if (!letter_or_digit && std::string_view("-_=+/:.").find(c) == std::string_view::npos) return false;
    }
    return true;
}

size_t character_count(std::string_view utf8) {
    size_t n = 0;
    for (char c : utf8)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
    return n;
}

const char* gender_name(Gender g) { return g == Gender::male ? "male" : "female"; }

char id_check_character(std::string_view first17) {
    int sum = 0;
    for (int i = 0; i < 17; ++i) sum += (first17[static_cast<size_t>(i)] - '0') * kWeights[i];
    return kCheckChars[sum % 11];
}

IdCheck check_id_number(std::string_view raw, const CivilDate& today, const RegionTable* regions) {
    IdCheck r;
    const std::string text = id_input(raw);
    auto fail = [&](const char* code, std::string message) {
        r.errors.push_back({code, std::move(message)});
        return r;
    };
    if (text.empty()) return fail("empty", "身份证号码为空");

    std::string number(text);
    if (number.size() == 15) {
        if (!digits_only(number)) return fail("format", "15位身份证号码只能由数字组成");
        // Legacy numbers omit the century ("19") and the check character.
        number = number.substr(0, 6) + "19" + number.substr(6);
        number += id_check_character(number);
        r.warnings.push_back({"upgraded", "15位旧号码已升级为18位：" + number});
    } else if (number.size() == 18) {
        if (number[17] == 'x') number[17] = 'X';
        if (!digits_only(std::string_view(number).substr(0, 17)) ||
            !(is_digit(number[17]) || number[17] == 'X'))
            return fail("format", "身份证号码前17位须为数字，最后一位为数字或X");
    } else {
        return fail("length", "身份证号码应为18位（或15位旧号码），实际为" +
                                  std::to_string(character_count(text)) + "个字符");
    }

    r.region = number.substr(0, 6);
    auto birth = CivilDate::parse_compact(std::string_view(number).substr(6, 8));
    if (!birth) {
        r.errors.push_back({"birth_date", "出生日期" + number.substr(6, 8) + "不是有效日期"});
    } else if (*birth > today) {
        r.errors.push_back({"birth_date_future", "出生日期" + birth->to_string() + "晚于今天"});
    }
    char expected = id_check_character(number);
    if (number[17] != expected)
        r.errors.push_back({"check_character", std::string("校验码错误：应为") + expected + "，实际为" + number[17],
                            {{"expected", std::string(1, expected)}, {"actual", std::string(1, number[17])}}});
    if (!RegionTable::is_region_code(r.region)) {
        r.errors.push_back({"region", "地址码" + r.region + "无效：前两位" + r.region.substr(0, 2) + "不是省级代码"});
    } else if (regions && !regions->empty() && !regions->find(r.region)) {
        r.warnings.push_back({"region_unknown", "地址码" + r.region + "不在行政区划代码表中"});
    }

    r.normalized = number;
    if (birth) r.birth_date = birth;
    r.gender = ((number[16] - '0') % 2 == 1) ? Gender::male : Gender::female;
    r.valid = r.errors.empty();
    return r;
}

bool normalize_id_number(std::string_view text, const CivilDate& today, std::string& out) {
    if (text.size() == 18) {
        out.assign(text.data(), text.size());
        if (out[17] == 'x') out[17] = 'X';
        if (!digits_only(std::string_view(out).substr(0, 17))) return false;
        if (out[17] != id_check_character(out)) return false;
        if (!RegionTable::is_region_code(std::string_view(out).substr(0, 6))) return false;
        auto birth = CivilDate::parse_compact(std::string_view(out).substr(6, 8));
        return birth && *birth <= today;
    }
    auto full = check_id_number(text, today);
    if (!full.valid) return false;
    out = full.normalized;
    return true;
}

}  // namespace gongji::core
