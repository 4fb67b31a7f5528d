#include "core/civil_date.h"


namespace gongji::core {
namespace {

bool is_leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && is_leap(year) ? 29 : days[month - 1];
}

bool all_digits(std::string_view s) {
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}

int to_int(std::string_view digits) {
    int v = 0;
    for (char c : digits) v = v * 10 + (c - '0');
    return v;
}

void append_padded(std::string& out, int value, int width) {
    char buf[8];
    for (int i = width - 1; i >= 0; --i) {
        buf[i] = static_cast<char>('0' + value % 10);
        value /= 10;
    }
    out.append(buf, static_cast<size_t>(width));
}

}  // namespace

bool CivilDate::is_valid(int y, int m, int d) {
    return y >= 1800 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m);
}

std::optional<CivilDate> CivilDate::parse(std::string_view t) {
    if (t.size() != 10 || t[4] != '-' || t[7] != '-') return std::nullopt;
    auto y = t.substr(0, 4), m = t.substr(5, 2), d = t.substr(8, 2);
    if (!all_digits(y) || !all_digits(m) || !all_digits(d)) return std::nullopt;
    CivilDate date{to_int(y), to_int(m), to_int(d)};
    if (!is_valid(date.year, date.month, date.day)) return std::nullopt;
    return date;
}

std::optional<CivilDate> CivilDate::parse_compact(std::string_view t) {
    if (t.size() != 8 || !all_digits(t)) return std::nullopt;
    CivilDate date{to_int(t.substr(0, 4)), to_int(t.substr(4, 2)), to_int(t.substr(6, 2))};
    if (!is_valid(date.year, date.month, date.day)) return std::nullopt;
    return date;
}

std::string CivilDate::to_string() const {
    std::string out;
    out.reserve(10);
    append_padded(out, year, 4);
    out += '-';
    append_padded(out, month, 2);
    out += '-';
    append_padded(out, day, 2);
    return out;
}

std::string CivilDate::to_chinese() const {
    return std::to_string(year) + "年" + std::to_string(month) + "月" + std::to_string(day) + "日";
}

int CivilDate::years_until(const CivilDate& on) const {
    int years = on.year - year;
    if (on.month < month || (on.month == month && on.day < day)) --years;
    return years;
}

// Howard Hinnant's days_from_civil / civil_from_days.
long long CivilDate::days_since_epoch() const {
    long long y = year - (month <= 2 ? 1 : 0);
    long long era = (y >= 0 ? y : y - 399) / 400;
    long long yoe = y - era * 400;
    long long mp = (month + 9) % 12;
    long long doy = (153 * mp + 2) / 5 + day - 1;
    long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

CivilDate CivilDate::from_days_since_epoch(long long z) {
    z += 719468;
    long long era = (z >= 0 ? z : z - 146096) / 146097;
    long long doe = z - era * 146097;
    long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long long y = yoe + era * 400;
    long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long long mp = (5 * doy + 2) / 153;
    int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    return CivilDate{static_cast<int>(y + (m <= 2 ? 1 : 0)), m, d};
}

}  // namespace gongji::core
