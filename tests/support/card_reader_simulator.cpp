#include "card_reader_simulator.h"

#include <fcntl.h>
#include <iconv.h>
#include <poll.h>
#include <pty.h>
#include <termios.h>
#include <unistd.h>

#include <stdexcept>

#include "devices/id_card_frame.h"

namespace gongji::test {

namespace frame = devices::card_frame;

namespace {

void put_field(std::vector<std::uint8_t>& out, const std::string& text, std::size_t bytes) {
    std::vector<std::uint8_t> ucs2(bytes, 0);
    for (std::size_t i = 0; i < bytes; i += 2) ucs2[i] = ' ';
    iconv_t cd = iconv_open("UCS-2LE", "UTF-8");
    char* src = const_cast<char*>(text.data());
    char* dst = reinterpret_cast<char*>(ucs2.data());
    std::size_t src_left = text.size(), dst_left = bytes;
    iconv(cd, &src, &src_left, &dst, &dst_left);
    iconv_close(cd);
    out.insert(out.end(), ucs2.begin(), ucs2.end());
}

}  // namespace

std::vector<std::uint8_t> card_data(const SimulatedCard& card) {
    std::vector<std::uint8_t> data{0x01, 0x00, 0x04, 0x00};  // 256 bytes of text, 1024 of photo
    put_field(data, card.name, 30);
    put_field(data, card.gender, 2);
    put_field(data, card.nation, 4);
    put_field(data, card.birth, 16);
    put_field(data, card.address, 70);
    put_field(data, card.id_number, 36);
    put_field(data, card.issuer, 30);
    put_field(data, card.valid_from, 16);
    put_field(data, card.valid_to, 16);
    put_field(data, "", 36);
    for (int i = 0; i < 1024; ++i) data.push_back(static_cast<std::uint8_t>(i * 7));  // an opaque "WLT"
    return data;
}

CardReaderSimulator::CardReaderSimulator() {
    char name[256] = {};
    if (openpty(&master_, &slave_, name, nullptr, nullptr) != 0) throw std::runtime_error("openpty failed");
    slave_path_ = name;
    termios tty{};
    tcgetattr(master_, &tty);
    cfmakeraw(&tty);
    tcsetattr(master_, TCSANOW, &tty);
    thread_ = std::thread([this] { serve(); });
}

CardReaderSimulator::~CardReaderSimulator() {
    stop_ = true;
    thread_.join();
    if (master_ >= 0) ::close(master_);
    ::close(slave_);
}

void CardReaderSimulator::lay(const SimulatedCard& card) {
    std::lock_guard lock(mutex_);
    card_ = card;
    found_ = false;
}

void CardReaderSimulator::lift() {
    std::lock_guard lock(mutex_);
    card_.reset();
}

void CardReaderSimulator::answer(std::vector<std::uint8_t> bytes) {
    // 115200 baud, 10 bits a byte: 11,520 bytes a second, sent in pieces as a UART would.
    constexpr std::size_t kPiece = 64;
    for (std::size_t at = 0; at < bytes.size() && !stop_; at += kPiece) {
        std::size_t n = std::min(kPiece, bytes.size() - at);
        if (::write(master_, bytes.data() + at, n) < 0) return;
        std::this_thread::sleep_for(std::chrono::microseconds(n * 1000000 / 11520));
    }
}

void CardReaderSimulator::serve() {
    frame::FrameReader commands;
    std::uint8_t buffer[512];
    while (!stop_) {
        pollfd in{master_, POLLIN, 0};
        if (master_ < 0 || ::poll(&in, 1, 50) <= 0) continue;
        ssize_t n = ::read(master_, buffer, sizeof buffer);
        if (n <= 0) continue;
        commands.feed(buffer, static_cast<std::size_t>(n));
        while (auto body = commands.next()) {
            if (body->size() < 2) continue;
            auto fault = fault_.load();
            if (fault == Fault::silent) continue;
            if (fault == Fault::garbage) {
                answer(std::vector<std::uint8_t>(40, 0x5A));
                continue;
            }
            std::uint8_t cmd = (*body)[0], para = (*body)[1];
            auto status = [&](std::uint8_t sw3, std::vector<std::uint8_t> data = {}) {
                std::vector<std::uint8_t> reply{0x00, 0x00, sw3};
                reply.insert(reply.end(), data.begin(), data.end());
                answer(frame::wrap(reply));
            };
            if (fault == Fault::faulty_module) {  // the module vouches for nothing: every command fails
                status(0x60);
                continue;
            }
            std::unique_lock lock(mutex_);
            bool card_there = card_.has_value();
            if (cmd == 0x11 && para == 0xFF) {
                lock.unlock();
                status(frame::kDone);
            } else if (cmd == 0x20 && para == 0x01) {
                bool fresh = card_there && !found_;
                lock.unlock();
                status(fresh ? frame::kCardFound : frame::kNoCard, fresh ? std::vector<std::uint8_t>(4, 0) : std::vector<std::uint8_t>{});
            } else if (cmd == 0x20 && para == 0x02) {
                if (fault == Fault::lifted_at_select) card_.reset();
                bool there = card_.has_value();
                lock.unlock();
                status(there ? frame::kDone : frame::kSelectFailed, there ? std::vector<std::uint8_t>(8, 0) : std::vector<std::uint8_t>{});
            } else if (cmd == 0x30 && para == 0x01) {
                if (fault == Fault::lifted_at_read) card_.reset();
                auto card = card_;
                if (card) found_ = true;
                lock.unlock();
                std::this_thread::sleep_for(read_delay_);
                if (fault == Fault::unplug_at_read) {
                    ::close(master_);  // the slave side now reads end of file / EIO
                    master_ = -1;
                    return;
                }
                if (!card) {
                    status(frame::kReadFailed);
                    continue;
                }
                std::vector<std::uint8_t> reply{0x00, 0x00, frame::kDone};
                auto data = card_data(*card);
                reply.insert(reply.end(), data.begin(), data.end());
                auto bytes = frame::wrap(reply);
                if (fault == Fault::corrupt_read) bytes.back() ^= 0xFF;
                else ++reads_;
                answer(bytes);
            }
        }
    }
}

}  // namespace gongji::test
