#include "app/errors.h"

namespace gongji::app {

std::string describe(const Problem& p) {
    std::string out = p.code;
    for (const auto& [key, value] : p.params) out += " " + key + "=" + value;
    return out;
}

}  // namespace gongji::app
