#pragma once
// ID numbers as 64-bit integers and a flat table keyed by them: a million people in tens of
// megabytes, found without a string comparison or a pointer chase (roster and settlement
// imports look one up per line).
#include <cstdint>
#include <string_view>
#include <vector>

namespace gongji::core {

// A valid 18-character ID number as one integer: its 17 digits (the check character follows
// from them). Never 0 for a valid number.
std::uint64_t pack_id_number(std::string_view id_number);

// Packed ID number → a 32-bit value (an index into the caller's own storage).
class PackedIdMap {
public:
    void reserve(std::size_t n);
    const std::uint32_t* find(std::uint64_t key) const;
    // Stores `value` for a key not yet present; returns false (and changes nothing) when present.
    bool insert(std::uint64_t key, std::uint32_t value);
    std::size_t size() const { return size_; }

private:
    std::size_t first_slot(std::uint64_t key) const;
    std::vector<std::uint64_t> keys_;  // 0: empty
    std::vector<std::uint32_t> values_;
    std::size_t size_ = 0;
};

}  // namespace gongji::core
