#include "core/instant.h"

namespace gongji::core {
namespace {

bool digits(std::string_view s, size_t pos, size_t n, int& out) {
    if (pos + n > s.size()) return false;
    int v = 0;
    for (size_t i = pos; i < pos + n; ++i) {
        if (s[i] < '0' || s[i] > '9') return false;
        v = v * 10 + (s[i] - '0');
    }
    out = v;
    return true;
}

}  // namespace

std::optional<long long> parse_iso_instant(std::string_view t) {
    if (t.size() < 20 || t[10] != 'T' || t[13] != ':' || t[16] != ':') return std::nullopt;
    auto date = CivilDate::parse(t.substr(0, 10));
    int h, m, s;
    if (!date || !digits(t, 11, 2, h) || !digits(t, 14, 2, m) || !digits(t, 17, 2, s)) return std::nullopt;
    if (h > 23 || m > 59 || s > 59) return std::nullopt;
    size_t pos = 19;
    if (pos < t.size() && t[pos] == '.') {  // fractions of a second are dropped
        ++pos;
        while (pos < t.size() && t[pos] >= '0' && t[pos] <= '9') ++pos;
    }
    long long offset = 0;
    auto zone = t.substr(pos);
    if (zone == "Z") {
        offset = 0;
    } else if ((zone.size() == 6 && zone[3] == ':') || zone.size() == 5) {
        if (zone[0] != '+' && zone[0] != '-') return std::nullopt;
        int oh, om;
        if (!digits(zone, 1, 2, oh) || !digits(zone, zone.size() == 6 ? 4 : 3, 2, om) || oh > 14 || om > 59)
            return std::nullopt;
        offset = (oh * 3600 + om * 60) * (zone[0] == '-' ? -1 : 1);
    } else {
        return std::nullopt;  // an instant without its offset is ambiguous
    }
    return date->days_since_epoch() * 86400 + h * 3600 + m * 60 + s - offset;
}

std::string format_utc(long long seconds) {
    long long days = seconds >= 0 ? seconds / 86400 : -((-seconds + 86399) / 86400);
    long long rest = seconds - days * 86400;
    auto date = CivilDate::from_days_since_epoch(days);
    char buf[32];
    int h = static_cast<int>(rest / 3600), m = static_cast<int>(rest / 60 % 60), s = static_cast<int>(rest % 60);
    std::string out = date.to_string() + "T";
    buf[0] = static_cast<char>('0' + h / 10);
    buf[1] = static_cast<char>('0' + h % 10);
    buf[2] = ':';
    buf[3] = static_cast<char>('0' + m / 10);
    buf[4] = static_cast<char>('0' + m % 10);
    buf[5] = ':';
    buf[6] = static_cast<char>('0' + s / 10);
    buf[7] = static_cast<char>('0' + s % 10);
    buf[8] = 'Z';
    out.append(buf, 9);
    return out;
}

std::string format_china(long long seconds) {
    auto local = format_utc(seconds + kChinaOffsetSeconds);
    local.pop_back();  // the Z
    return local + "+08:00";
}

CivilDate china_date(long long seconds) {
    long long local = seconds + kChinaOffsetSeconds;
    long long days = local >= 0 ? local / 86400 : -((-local + 86399) / 86400);
    return CivilDate::from_days_since_epoch(days);
}

int china_hour(long long seconds) {
    long long local = seconds + kChinaOffsetSeconds;
    long long rest = local - (local >= 0 ? local / 86400 : -((-local + 86399) / 86400)) * 86400;
    return static_cast<int>(rest / 3600);
}

long long china_day_start(const CivilDate& day) { return day.days_since_epoch() * 86400 - kChinaOffsetSeconds; }

std::optional<Instant> Instant::parse(std::string_view text) {
    auto seconds = parse_iso_instant(text);
    if (!seconds) return std::nullopt;
    return Instant{*seconds};
}
std::string Instant::utc() const { return format_utc(seconds); }
std::string Instant::china() const { return format_china(seconds); }
CivilDate Instant::china_date() const { return core::china_date(seconds); }

std::string china_text(const std::optional<Instant>& t, ChinaFormat format) {
    if (!t) return "";
    auto text = t->china();  // "2026-11-22T09:30:00+08:00"
    if (format == ChinaFormat::iso) return text;
    text[10] = ' ';
    return text.substr(0, format == ChinaFormat::minutes ? 16 : 19);
}

std::string china_text(const std::string& stored, ChinaFormat format) {
    auto t = Instant::parse(stored);
    return t ? china_text(t, format) : stored;
}

}  // namespace gongji::core
