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
    return code.substr(0, 2) != "00";
}

std::string RegionTable::province_of(std::string_view code) {
    return std::string(code.substr(0, 2)) + "0000";
}

std::string RegionTable::prefecture_of(std::string_view code) {
    return std::string(code.substr(0, 4)) + "00";
}

}  // namespace gongji::core
