#pragma once
// The program's one clock: instants for the database (kept in UTC), China-time days for the
// rules. Tests that need another moment set it rather than waiting or patching the system clock.
#include <optional>

#include "core/civil_date.h"
#include "core/instant.h"

namespace gongji::app {

core::Instant now();
// Today's date at the agency: China Standard Time (UTC+8, no daylight saving).
core::CivilDate china_today();
// From now on the clock reads `fixed` (nullopt: the system clock again). For tests.
void set_clock(std::optional<core::Instant> fixed);

}  // namespace gongji::app
