#include "core/binding.h"

namespace gongji::core {

const char* binding_status_name(BindingStatus s) {
    switch (s) {
        case BindingStatus::pending: return "pending";
        case BindingStatus::active: return "active";
        case BindingStatus::ended: return "ended";
    }
    return "pending";
}

std::optional<BindingStatus> parse_binding_status(std::string_view s) {
    for (auto b : {BindingStatus::pending, BindingStatus::active, BindingStatus::ended})
        if (s == binding_status_name(b)) return b;
    return std::nullopt;
}

}  // namespace gongji::core
