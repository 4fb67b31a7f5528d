#include "core/packed_id_map.h"

namespace gongji::core {

std::uint64_t pack_id_number(std::string_view id) {
    std::uint64_t v = 0;
    for (std::size_t i = 0; i < 17 && i < id.size(); ++i) v = v * 10 + static_cast<std::uint64_t>(id[i] - '0');
    return v;
}

std::size_t PackedIdMap::first_slot(std::uint64_t key) const {
    // splitmix64's finalizer spreads neighbouring ID numbers over the table.
    std::uint64_t h = key;
    h = (h ^ (h >> 30)) * 0xbf58476d1ce4e5b9ULL;
    h = (h ^ (h >> 27)) * 0x94d049bb133111ebULL;
    h ^= h >> 31;
    return static_cast<std::size_t>(h) & (keys_.size() - 1);
}

void PackedIdMap::reserve(std::size_t n) {
    std::size_t capacity = 1024;
    while (capacity < n * 2) capacity *= 2;  // at most half full: short probes
    if (capacity <= keys_.size()) return;
    std::vector<std::uint64_t> old_keys(capacity, 0);
    std::vector<std::uint32_t> old_values(capacity, 0);
    old_keys.swap(keys_);
    old_values.swap(values_);
    size_ = 0;
    for (std::size_t i = 0; i < old_keys.size(); ++i)
        if (old_keys[i]) insert(old_keys[i], old_values[i]);
}

const std::uint32_t* PackedIdMap::find(std::uint64_t key) const {
    if (keys_.empty()) return nullptr;
    std::size_t mask = keys_.size() - 1;
    for (std::size_t i = first_slot(key);; i = (i + 1) & mask) {
        if (keys_[i] == key) return &values_[i];
        if (keys_[i] == 0) return nullptr;
    }
}

bool PackedIdMap::insert(std::uint64_t key, std::uint32_t value) {
    if ((size_ + 1) * 2 > keys_.size()) reserve(size_ + 1 > keys_.size() ? size_ + 1 : keys_.size());
    std::size_t mask = keys_.size() - 1;
    for (std::size_t i = first_slot(key);; i = (i + 1) & mask) {
        if (keys_[i] == key) return false;
        if (keys_[i] == 0) {
            keys_[i] = key;
            values_[i] = value;
            ++size_;
            return true;
        }
    }
}

}  // namespace gongji::core
