#pragma once
// Points in time. Files carry ISO 8601 with an offset; the database keeps UTC text; the agency
// counts days in China Standard Time (UTC+8, no daylight saving).
#include <optional>
#include <string>
#include <string_view>

#include "core/civil_date.h"

namespace gongji::core {

constexpr long long kChinaOffsetSeconds = 8 * 3600;

// A point in time, whole seconds since 1970-01-01T00:00:00Z; the database keeps it as UTC text.
struct Instant {
    long long seconds = 0;

    // Exactly the stored form ("…Z", any offset accepted); nullopt for anything else.
    static std::optional<Instant> parse(std::string_view text);
    std::string utc() const;    // "2026-11-22T01:30:00Z"
    std::string china() const;  // "2026-11-22T09:30:00+08:00"
    CivilDate china_date() const;
    Instant plus(long long s) const { return {seconds + s}; }

    friend bool operator==(Instant a, Instant b) { return a.seconds == b.seconds; }
    friend bool operator!=(Instant a, Instant b) { return a.seconds != b.seconds; }
    friend bool operator<(Instant a, Instant b) { return a.seconds < b.seconds; }
    friend bool operator<=(Instant a, Instant b) { return a.seconds <= b.seconds; }
    friend bool operator>(Instant a, Instant b) { return a.seconds > b.seconds; }
    friend bool operator>=(Instant a, Instant b) { return a.seconds >= b.seconds; }
};

// How an instant is shown to people, in China time.
enum class ChinaFormat {
    minutes,  // "2026-11-22 09:30": lists and messages
    seconds,  // "2026-11-22 09:30:00": printed papers and workbooks
    iso,      // "2026-11-22T09:30:00+08:00": the CLI's JSON
};
// `t` in China time; empty for none.
std::string china_text(const std::optional<Instant>& t, ChinaFormat format);
// A stored time (UTC text) in China time; the text as it is when it is not a stored time.
std::string china_text(const std::string& stored, ChinaFormat format);

// "2026-11-22T09:30:00+08:00", "…Z", "…+0800" → seconds since 1970-01-01T00:00:00Z.
std::optional<long long> parse_iso_instant(std::string_view text);
// Seconds since the epoch → "2026-11-22T01:30:00Z" (sorts in time order).
std::string format_utc(long long seconds);
// Seconds since the epoch → "2026-11-22T09:30:00+08:00", for people in China.
std::string format_china(long long seconds);
// The China-time calendar day and hour of an instant.
CivilDate china_date(long long seconds);
int china_hour(long long seconds);
// The first instant of a China-time day.
long long china_day_start(const CivilDate& day);

}  // namespace gongji::core
