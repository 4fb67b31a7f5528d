#include "core/role.h"

namespace gongji::core {

const char* role_name(Role r) {
    switch (r) {
        case Role::clerk: return "clerk";
        case Role::supervisor: return "supervisor";
        case Role::admin: return "admin";
    }
    return "clerk";
}

std::optional<Role> parse_role(std::string_view s) {
    for (auto r : {Role::clerk, Role::supervisor, Role::admin})
        if (s == role_name(r)) return r;
    return std::nullopt;
}

const char* duty_name(Duty d) {
    switch (d) {
        case Duty::none: return "";
        case Duty::all: return "all";
        case Duty::system: return "system";
        case Duty::security: return "security";
        case Duty::audit: return "audit";
    }
    return "";
}

std::optional<Duty> parse_duty(std::string_view s) {
    for (auto d : {Duty::none, Duty::system, Duty::security, Duty::audit})
        if (s == duty_name(d)) return d;
    return std::nullopt;
}

}  // namespace gongji::core
