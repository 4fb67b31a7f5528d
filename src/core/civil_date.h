#pragma once
// A calendar date without time zone, as written on ID cards and in policy files.
#include <optional>
#include <string>
#include <string_view>

namespace gongji::core {

struct CivilDate {
    int year = 0;
    int month = 0;
    int day = 0;

    // Parses exactly "YYYY-MM-DD"; nullopt for any other text or an impossible date.
    static std::optional<CivilDate> parse(std::string_view text);
    // Parses "YYYYMMDD" as embedded in an ID number.
    static std::optional<CivilDate> parse_compact(std::string_view digits);
    static bool is_valid(int year, int month, int day);

    std::string to_string() const;  // "YYYY-MM-DD"
    std::string to_chinese() const;  // "2026年10月27日", as papers write a date
    // Whole years from this date (a birth date) to `on`; a 29 February birthday counts on 1 March.
    int years_until(const CivilDate& on) const;
    // Days since 1970-01-01 (negative before), for ordering and arithmetic.
    long long days_since_epoch() const;
    static CivilDate from_days_since_epoch(long long days);

    friend bool operator==(const CivilDate& a, const CivilDate& b) {
        return a.year == b.year && a.month == b.month && a.day == b.day;
    }
    friend bool operator!=(const CivilDate& a, const CivilDate& b) { return !(a == b); }
    friend bool operator<(const CivilDate& a, const CivilDate& b) {
        if (a.year != b.year) return a.year < b.year;
        if (a.month != b.month) return a.month < b.month;
        return a.day < b.day;
    }
    friend bool operator>(const CivilDate& a, const CivilDate& b) { return b < a; }
    friend bool operator<=(const CivilDate& a, const CivilDate& b) { return !(b < a); }
    friend bool operator>=(const CivilDate& a, const CivilDate& b) { return !(a < b); }
};

}  // namespace gongji::core
