#include "devices/id_card_reader.h"

#include <fcntl.h>
#include <poll.h>
#include <termios.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>

#include "devices/id_card_frame.h"
#include "devices/id_card_text.h"

namespace gongji::devices {

namespace {
using Kind = CardReaderError::Kind;
using Clock = std::chrono::steady_clock;
}  // namespace

std::vector<std::string> list_serial_ports() {
    std::vector<std::string> usb, builtin;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator("/dev", ec)) {
        auto name = entry.path().filename().string();
        if (name.rfind("ttyUSB", 0) == 0 || name.rfind("ttyACM", 0) == 0) usb.push_back(entry.path().string());
        else if (name == "ttyS0" || name == "ttyS1") builtin.push_back(entry.path().string());
    }
    std::sort(usb.begin(), usb.end());
    std::sort(builtin.begin(), builtin.end());
    usb.insert(usb.end(), builtin.begin(), builtin.end());
    return usb;
}

CardReader::CardReader(std::string device) : device_(std::move(device)) {
    fd_ = ::open(device_.c_str(), O_RDWR | O_NOCTTY | O_CLOEXEC | O_NONBLOCK);
    if (fd_ < 0) throw CardReaderError(Kind::cannot_open, "cannot open the card reader " + device_ + ": " + std::strerror(errno));
    termios tty{};
    if (tcgetattr(fd_, &tty) != 0) {
        int error = errno;
        ::close(fd_);
        throw CardReaderError(Kind::cannot_open, device_ + " is not a serial port: " + std::strerror(error));
    }
    cfmakeraw(&tty);
    cfsetispeed(&tty, B115200);
    cfsetospeed(&tty, B115200);
    tty.c_cflag |= CLOCAL | CREAD;
    tty.c_cflag &= ~(CSTOPB | PARENB);  // 8N1
    tcsetattr(fd_, TCSANOW, &tty);
}

CardReader::~CardReader() {
    if (fd_ >= 0) ::close(fd_);
}

std::vector<std::uint8_t> CardReader::exchange(const std::vector<std::uint8_t>& command) {
    tcflush(fd_, TCIFLUSH);  // an answer to an earlier, abandoned command is not this one's
    for (std::size_t sent = 0; sent < command.size();) {
        ssize_t n = ::write(fd_, command.data() + sent, command.size() - sent);
        if (n < 0 && errno == EAGAIN) {
            pollfd out{fd_, POLLOUT, 0};
            ::poll(&out, 1, static_cast<int>(silence_limit_.count()));
            continue;
        }
        if (n <= 0) throw CardReaderError(Kind::no_answer, "the card reader " + device_ + " went away: " + std::strerror(errno));
        sent += static_cast<std::size_t>(n);
    }
    card_frame::FrameReader frames;
    auto deadline = Clock::now() + silence_limit_;
    std::uint8_t buffer[1024];
    for (;;) {
        if (auto body = frames.next()) return *body;
        if (frames.discarded() > 2 * card_frame::kMaxBody)
            throw CardReaderError(Kind::garbage, "the card reader " + device_ + " answers with garbage");
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
        if (left <= 0) {
            if (frames.discarded() > 0)
                throw CardReaderError(Kind::garbage, "the card reader " + device_ + " answers with garbage");
            throw CardReaderError(Kind::no_answer, "the card reader " + device_ + " does not answer");
        }
        pollfd in{fd_, POLLIN, 0};
        int ready = ::poll(&in, 1, static_cast<int>(left));
        if (ready < 0 && errno == EINTR) continue;
        if (ready == 0) continue;
        ssize_t n = ::read(fd_, buffer, sizeof buffer);
        if (n > 0) {
            frames.feed(buffer, static_cast<std::size_t>(n));
            deadline = Clock::now() + silence_limit_;  // silence is counted from the last byte
        } else if (n == 0 || (errno != EAGAIN && errno != EINTR) || (in.revents & (POLLHUP | POLLERR))) {
            throw CardReaderError(Kind::no_answer, "the card reader " + device_ + " was unplugged");
        }
    }
}

void CardReader::check() {
    auto response = card_frame::parse_response(exchange(card_frame::module_status()));
    if (!response) throw CardReaderError(Kind::garbage, "the card reader " + device_ + " answers with garbage");
    if (response->sw3 != card_frame::kDone)
        throw CardReaderError(Kind::faulty, "the card reader " + device_ + " says its security module is not working");
}

std::optional<core::IdCard> CardReader::read() {
    auto step = [&](const std::vector<std::uint8_t>& command) {
        auto response = card_frame::parse_response(exchange(command));
        if (!response) throw CardReaderError(Kind::garbage, "the card reader " + device_ + " answers with garbage");
        return *response;
    };
    auto found = step(card_frame::find_card());
    if (found.sw3 == card_frame::kNoCard) return std::nullopt;
    if (found.sw3 != card_frame::kCardFound)
        throw CardReaderError(Kind::faulty, "the card reader " + device_ + " cannot look for a card: its security module is not working");
    if (step(card_frame::select_card()).sw3 != card_frame::kDone)
        throw CardReaderError(Kind::card_moved, "the card was moved before it was read: lay it still on the reader");
    auto read = step(card_frame::read_text_and_photo());
    if (read.sw3 != card_frame::kDone)
        throw CardReaderError(Kind::card_moved, "the card was lifted before it was read: lay it on the reader again");
    return decode_card(read.data);
}

}  // namespace gongji::devices
