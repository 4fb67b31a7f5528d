#pragma once
// Synthetic rosters for benchmarks: valid, unique ID numbers and a realistic mix of insurance
// types, statuses, regions, ages and balances. Deterministic for a given seed.
#include <cstddef>
#include <string>

namespace gongji::bench {

// CSV text with the interfaces.md header and `rows` people.
std::string generate_roster(std::size_t rows, unsigned seed = 20261122);
// The ID number of the i-th generated person (the same as in the CSV).
std::string generated_id(std::size_t i, unsigned seed = 20261122);

}  // namespace gongji::bench
