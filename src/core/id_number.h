#pragma once
// 公民身份号码 (GB 11643-1999): validation, 15→18 upgrade, birth date, gender, address code.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/civil_date.h"
#include "core/issue.h"

namespace gongji::core {

class RegionTable;

enum class Gender { male = 1, female = 2 };

const char* gender_name(Gender g);  // "male" / "female"

struct IdCheck {
    bool valid = false;
    std::string normalized;  // 18 characters, upper-case X; empty when the text is unusable
    std::optional<CivilDate> birth_date;
    std::optional<Gender> gender;
    std::string region;  // the six-digit address code
    std::vector<Issue> errors;
    std::vector<Issue> warnings;
};

// An ID number as typed, pasted or read by a scanner, made plain (domain.md §3): surrounding
// spaces, tabs, line ends and ideographic spaces dropped, and spaces that group the digits on
// paper; full-width digits and Ｘ/ｘ as ASCII.
std::string id_input(std::string_view raw);
// Whether input (as id_input() leaves it) is what a scanner types from a 医保电子凭证 QR code, not
// an ID number (hardware.md §3): a run of at least 24 ASCII letters, digits and token punctuation,
// longer than any ID number. Only the national platform resolves such a token, online.
bool looks_like_ecert_token(std::string_view input);
// Characters (not bytes) in UTF-8 text, for messages that count what was typed.
size_t character_count(std::string_view utf8);

// The check character for the first 17 digits.
char id_check_character(std::string_view first17);

// Checks `text` (made plain by id_input first) as an ID number on `today` (a birth date after it is invalid). With a region
// table, an address code it does not know is a warning (never an error).
IdCheck check_id_number(std::string_view text, const CivilDate& today,
                        const RegionTable* regions = nullptr);

// Fast path for bulk work: true and the normalized number when valid; no messages.
bool normalize_id_number(std::string_view text, const CivilDate& today, std::string& normalized);

}  // namespace gongji::core
