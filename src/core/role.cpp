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

}  // namespace gongji::core
