#pragma once
// What the tests of the service states share: the problem code an action is refused with, and
// the National Day week an agency's calendar file gives.
#include <functional>
#include <string>

#include "app/platform/errors.h"

namespace gongji::test {

// The code of the Refused or BadInput the action throws; "" when it goes through.
inline std::string refusal_code(const std::function<void()>& action) {
    try {
        action();
    } catch (const app::Refused& e) {
        return e.problem().code;
    } catch (const app::BadInput& e) {
        return e.problem().code;
    }
    return "";
}

// 10-01 to 10-07 off, the Saturday 10-10 worked.
inline const std::string kNationalDayCalendar =
    "date,kind\n2026-10-01,holiday\n2026-10-02,holiday\n2026-10-03,holiday\n2026-10-04,holiday\n"
    "2026-10-05,holiday\n2026-10-06,holiday\n2026-10-07,holiday\n2026-10-10,workday\n";

}  // namespace gongji::test
