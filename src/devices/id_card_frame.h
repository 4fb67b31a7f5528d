#pragma once
// The frames every certified ID card reader speaks over its serial port (hardware.md §1):
//   AA AA AA 96 69 | LEN1 LEN2 | BODY… | CHK
// where LEN counts BODY and CHK, and CHK is the XOR of LEN1 … the last byte of BODY. A command's
// body is CMD PARA DATA…, a response's SW1 SW2 SW3 DATA…. The same framing serves the reader's
// side and the simulator that stands in for it in tests.
#include <cstddef>
#include <cstdint>
#include <deque>
#include <optional>
#include <vector>

namespace gongji::devices::card_frame {

using Bytes = std::vector<std::uint8_t>;

// The longest body a reader sends: the read response (3 + 4 + 256 + 1024 bytes) with room.
inline constexpr std::size_t kMaxBody = 4096;

// The whole frame around `body`.
Bytes wrap(const Bytes& body);

// The commands of hardware.md §1.
Bytes find_card();
Bytes select_card();
Bytes read_text_and_photo();
Bytes module_status();

// Collects bytes as they arrive and hands out the bodies of whole, valid frames. A frame with a
// wrong length or checksum is dropped and reading goes on from the next preamble.
class FrameReader {
public:
    void feed(const std::uint8_t* bytes, std::size_t count);
    std::optional<Bytes> next();
    // How many bytes were thrown away as not belonging to a valid frame.
    std::size_t discarded() const { return discarded_; }

private:
    std::deque<std::uint8_t> buffer_;
    std::size_t discarded_ = 0;
};

// A response body split into its status words and data.
struct Response {
    std::uint8_t sw1 = 0, sw2 = 0, sw3 = 0;
    Bytes data;
};
// nullopt when the body is shorter than three status bytes.
std::optional<Response> parse_response(const Bytes& body);

// Status words (SW3) of hardware.md §1.
inline constexpr std::uint8_t kDone = 0x90, kCardFound = 0x9F, kNoCard = 0x80, kSelectFailed = 0x81,
                              kReadFailed = 0x41;

}  // namespace gongji::devices::card_frame
