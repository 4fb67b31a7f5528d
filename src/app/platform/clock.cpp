#include "app/platform/clock.h"

#include <atomic>
#include <ctime>
#include <limits>

namespace gongji::app {
namespace {

constexpr long long kSystem = std::numeric_limits<long long>::min();
std::atomic<long long> fixed_seconds{kSystem};

}  // namespace

core::Instant now() {
    long long fixed = fixed_seconds.load();
    return {fixed == kSystem ? static_cast<long long>(std::time(nullptr)) : fixed};
}

core::CivilDate china_today() { return now().china_date(); }

void set_clock(std::optional<core::Instant> fixed) { fixed_seconds = fixed ? fixed->seconds : kSystem; }

}  // namespace gongji::app
