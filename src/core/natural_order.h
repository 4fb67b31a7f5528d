#pragma once
// Names with numbers in them in the order people count: 窗口2 before 窗口10.
#include <string_view>

namespace gongji::core {

// Runs of ASCII digits compare by their value, everything else byte by byte (UTF-8 keeps order).
bool natural_less(std::string_view a, std::string_view b);

struct NaturalLess {
    bool operator()(std::string_view a, std::string_view b) const { return natural_less(a, b); }
};

}  // namespace gongji::core
