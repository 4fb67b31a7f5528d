#include "core/region_table.h"

namespace gongji::core {

void RegionTable::add(Region region) {
    auto code = region.code;
    regions_[code] = std::move(region);
}

const Region* RegionTable::find(std::string_view code) const {
    auto it = regions_.find(std::string(code));
    return it == regions_.end() ? nullptr : &it->second;
}

bool RegionTable::is_region_code(std::string_view code) {
    if (code.size() != 6) return false;
    for (char c : code)
        if (c < '0' || c > '9') return false;
    const int p = (code[0] - '0') * 10 + (code[1] - '0');
    return (p >= 11 && p <= 15) || (p >= 21 && p <= 23) || (p >= 31 && p <= 37) || (p >= 41 && p <= 46) ||
           (p >= 50 && p <= 54) || (p >= 61 && p <= 65) || p == 71 || (p >= 81 && p <= 83);
}

bool RegionTable::directly_under_province(std::string_view code) { return code.size() >= 4 && code.substr(2, 2) == "90"; }

std::string RegionTable::province_of(std::string_view code) {
    return std::string(code.substr(0, 2)) + "0000";
}

std::string RegionTable::prefecture_of(std::string_view code) {
    if (directly_under_province(code)) return std::string(code);
    return std::string(code.substr(0, 4)) + "00";
}

}  // namespace gongji::core
