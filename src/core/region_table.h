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

    // Six digits whose first two are a real province (domain.md §3: 11–15, 21–23, 31–37, 41–46,
    // 50–54, 61–65, 71, 81–83).
    static bool is_region_code(std::string_view code);
    static std::string province_of(std::string_view code);    // "450000"
    // "450800"; a county-level unit directly under its province (`xx90…`, 仙桃 429004) is a
    // prefecture of its own: itself.
    static std::string prefecture_of(std::string_view code);
    static bool directly_under_province(std::string_view code);  // `xx90…`

private:
    std::unordered_map<std::string, Region> regions_;
};

}  // namespace gongji::core
