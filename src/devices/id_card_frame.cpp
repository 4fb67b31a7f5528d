#include "devices/id_card_frame.h"

#include <algorithm>
#include <array>

namespace gongji::devices::card_frame {

namespace {
constexpr std::array<std::uint8_t, 5> kPreamble{0xAA, 0xAA, 0xAA, 0x96, 0x69};
constexpr std::size_t kHeader = kPreamble.size() + 2;

Bytes command(std::uint8_t cmd, std::uint8_t para) { return wrap({cmd, para}); }
}  // namespace

Bytes wrap(const Bytes& body) {
    Bytes frame(kPreamble.begin(), kPreamble.end());
    std::size_t length = body.size() + 1;
    frame.push_back(static_cast<std::uint8_t>(length >> 8));
    frame.push_back(static_cast<std::uint8_t>(length & 0xFF));
    frame.insert(frame.end(), body.begin(), body.end());
    std::uint8_t check = 0;
    for (std::size_t i = kPreamble.size(); i < frame.size(); ++i) check ^= frame[i];
    frame.push_back(check);
    return frame;
}

Bytes find_card() { return command(0x20, 0x01); }
Bytes select_card() { return command(0x20, 0x02); }
Bytes read_text_and_photo() { return command(0x30, 0x01); }
Bytes module_status() { return command(0x11, 0xFF); }

void FrameReader::feed(const std::uint8_t* bytes, std::size_t count) { buffer_.insert(buffer_.end(), bytes, bytes + count); }

std::optional<Bytes> FrameReader::next() {
    for (;;) {
        auto start = std::search(buffer_.begin(), buffer_.end(), kPreamble.begin(), kPreamble.end());
        // Keep a possible start of a preamble at the end: the rest may still come.
        auto keep_from = start;
        if (start == buffer_.end())
            keep_from = buffer_.size() >= kPreamble.size() - 1 ? buffer_.end() - (kPreamble.size() - 1) : buffer_.begin();
        std::size_t skipped = static_cast<std::size_t>(keep_from - buffer_.begin());
        discarded_ += skipped;
        buffer_.erase(buffer_.begin(), keep_from);
        if (start == buffer_.end() || buffer_.size() < kHeader) return std::nullopt;

        std::size_t length = (std::size_t(buffer_[5]) << 8) | buffer_[6];
        if (length < 2 || length > kMaxBody + 1) {  // no body, or longer than any reader says: not a frame
            buffer_.pop_front();
            ++discarded_;
            continue;
        }
        if (buffer_.size() < kHeader + length) return std::nullopt;
        std::uint8_t check = 0;
        for (std::size_t i = kPreamble.size(); i < kHeader + length - 1; ++i) check ^= buffer_[i];
        if (check != buffer_[kHeader + length - 1]) {
            buffer_.pop_front();
            ++discarded_;
            continue;
        }
        Bytes body(buffer_.begin() + kHeader, buffer_.begin() + kHeader + length - 1);
        buffer_.erase(buffer_.begin(), buffer_.begin() + kHeader + length);
        return body;
    }
}

std::optional<Response> parse_response(const Bytes& body) {
    if (body.size() < 3) return std::nullopt;
    return Response{body[0], body[1], body[2], Bytes(body.begin() + 3, body.end())};
}

}  // namespace gongji::devices::card_frame
