#pragma once
// The data of a reader's "read text and photo" answer (hardware.md §1):
//   TEXTLEN (2) | PHOTOLEN (2) | TEXT (256, UCS-2 little-endian, fields padded with spaces) | PHOTO (1024)
#include <cstdint>
#include <vector>

#include "core/id_card.h"

namespace gongji::devices {

inline constexpr std::size_t kCardTextBytes = 256, kCardPhotoBytes = 1024;

// The card's fields; CardReaderError (kind garbage) naming the field that cannot be right.
core::IdCard decode_card(const std::vector<std::uint8_t>& data);

}  // namespace gongji::devices
