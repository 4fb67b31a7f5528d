#pragma once
// What a second-generation ID card says of its holder (hardware.md §1), as the reader returns it.
// The card is the citizen's own statement of identity at the window; whether it still proves
// identity depends on its validity on the day.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/civil_date.h"
#include "core/id_number.h"
#include "core/instant.h"

namespace gongji::core {

struct IdCard {
    std::string id_number;
    std::string name;
    Gender gender = Gender::male;
    std::string nation;  // GB/T 3304, two digits: "01" 汉族
    CivilDate birth_date;
    std::string address, issuer;
    CivilDate valid_from;
    std::optional<CivilDate> valid_to;  // nullopt: 长期 (no end)
    std::vector<std::uint8_t> photo;    // the card's encrypted portrait, 1024 bytes ("WLT")

    // A card whose last valid day is before `today` no longer proves identity.
    bool expired_on(const CivilDate& today) const { return valid_to && *valid_to < today; }
};

// A card read kept with a case: whose card, what it said, and who read it where and when.
struct CaseCardRead {
    std::string id_number, name_on_card;
    std::optional<CivilDate> valid_to;  // nullopt: 长期
    bool expired = false;               // on the day it was read
    std::string device, read_by, workstation;
    Instant read_at;
    std::string photo_base64;  // the card's encrypted portrait as read ("WLT"), for a vendor's decoder
};

}  // namespace gongji::core
