#include "devices/id_card_text.h"

#include <iconv.h>

#include <string>

#include "devices/id_card_reader.h"

namespace gongji::devices {

namespace {

[[noreturn]] void garbage(const std::string& what) {
    throw CardReaderError(CardReaderError::Kind::garbage, "the reader's answer cannot be right: " + what);
}

// One field: UCS-2 little-endian, padded on the right with spaces.
std::string field_text(const std::uint8_t* bytes, std::size_t size, const char* name) {
    iconv_t cd = iconv_open("UTF-8", "UCS-2LE");
    if (cd == reinterpret_cast<iconv_t>(-1)) throw std::runtime_error("iconv cannot convert from UCS-2");
    std::string out(size * 2, '\0');  // a UCS-2 unit is at most three UTF-8 bytes
    char* src = const_cast<char*>(reinterpret_cast<const char*>(bytes));
    char* dst = out.data();
    std::size_t src_left = size, dst_left = out.size();
    std::size_t converted = iconv(cd, &src, &src_left, &dst, &dst_left);
    iconv_close(cd);
    if (converted == static_cast<std::size_t>(-1)) garbage(std::string(name) + " is not UCS-2 text");
    out.resize(out.size() - dst_left);
    while (!out.empty() && (out.back() == ' ' || out.back() == '\0')) out.pop_back();
    if (out.find('\0') != std::string::npos) garbage(std::string(name) + " holds a NUL");
    return out;
}

core::CivilDate date_field(const std::string& text, const char* name) {
    auto date = core::CivilDate::parse_compact(text);
    if (text.size() != 8 || !date) garbage(std::string(name) + " is not a date: " + text);
    return *date;
}

}  // namespace

core::IdCard decode_card(const std::vector<std::uint8_t>& data) {
    if (data.size() < 4) garbage("no lengths");
    std::size_t text_length = (std::size_t(data[0]) << 8) | data[1];
    std::size_t photo_length = (std::size_t(data[2]) << 8) | data[3];
    if (text_length != kCardTextBytes || photo_length != kCardPhotoBytes || data.size() != 4 + text_length + photo_length)
        garbage("lengths " + std::to_string(text_length) + "/" + std::to_string(photo_length) + " in " +
                std::to_string(data.size()) + " bytes");
    const std::uint8_t* text = data.data() + 4;
    std::size_t at = 0;
    auto next = [&](std::size_t size, const char* name) {
        auto value = field_text(text + at, size, name);
        at += size;
        return value;
    };
    core::IdCard card;
    card.name = next(30, "name");
    auto gender = next(2, "gender");
    if (gender != "1" && gender != "2") garbage("gender " + gender);
    card.gender = gender == "1" ? core::Gender::male : core::Gender::female;
    card.nation = next(4, "nation");
    card.birth_date = date_field(next(16, "birth date"), "birth date");
    card.address = next(70, "address");
    card.id_number = next(36, "ID number");
    card.issuer = next(30, "issuer");
    card.valid_from = date_field(next(16, "valid from"), "valid from");
    auto valid_to = next(16, "valid to");
    if (valid_to != "长期") card.valid_to = date_field(valid_to, "valid to");
    if (card.name.empty()) garbage("no name");
    if (card.id_number.size() != 18) garbage("ID number " + card.id_number);
    card.photo.assign(data.begin() + 4 + text_length, data.end());
    return card;
}

}  // namespace gongji::devices
