#pragma once
// Latency figures the benchmarks print: the value below which a share `p` of the samples lie.
#include <algorithm>
#include <cstddef>
#include <vector>

namespace gongji::bench {

inline double percentile(std::vector<double> v, double p) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, static_cast<std::size_t>(p * static_cast<double>(v.size())))];
}

}  // namespace gongji::bench
