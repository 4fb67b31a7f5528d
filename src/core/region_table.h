#pragma once
// The GB/T 2260 administrative division codes (province, prefecture, county), held in memory.
// Loaded by the application from the shipped code table; core only looks codes up.
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace gongji::core {

enum class RegionLevel { province, prefecture, county };

struct Region {
    std::string code;  // six digits: 450000, 450800, 450802
    std::string name;
    RegionLevel level = RegionLevel::county;
};

class RegionTable {
public:
    void add(Region region);
    const Region* find(std::string_view code) const;
    bool empty() const { return regions_.empty(); }
    size_t size() const { return regions_.size(); }

    static bool is_region_code(std::string_view code);  // six digits, province part not 00
    static std::string province_of(std::string_view code);    // "450000"
    static std::string prefecture_of(std::string_view code);  // "450800"

private:
    std::unordered_map<std::string, Region> regions_;
};

}  // namespace gongji::core
