#pragma once
// What a printout may show of a person (domain.md §8).
#include <string>

namespace gongji::core {

// "450802196503120117" → "450802********0117": the first 6 and the last 4 characters.
inline std::string mask_id_number(const std::string& id) {
    if (id.size() <= 10) return std::string(id.size(), '*');
    return id.substr(0, 6) + std::string(id.size() - 10, '*') + id.substr(id.size() - 4);
}

}  // namespace gongji::core
