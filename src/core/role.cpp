#include "core/role.h"

namespace gongji::core {

std::optional<Duty> parse_duty(std::string_view s) {
    auto duty = kDuties.parse(s);
    return duty == Duty::all ? std::nullopt : duty;
}

}  // namespace gongji::core
