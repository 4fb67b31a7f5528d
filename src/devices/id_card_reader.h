#pragma once
// A second-generation ID card reader on a serial port (hardware.md §1): find, select, read.
// Opened once and polled while a window waits for an ID number; every failure is one of a few
// kinds, each said plainly, and nothing of a half-finished read is handed out.
#include <chrono>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/id_card.h"

namespace gongji::devices {

// The serial ports a reader may be on now: USB adapters (/dev/ttyUSB*, /dev/ttyACM*) first, then
// the built-in ones.
std::vector<std::string> list_serial_ports();

class CardReaderError : public std::runtime_error {
public:
    enum class Kind {
        cannot_open,  // no such device, or not allowed to open it
        no_answer,    // silent for 3 s, or unplugged
        garbage,      // answers that are no valid frames, or fields that cannot be right
        card_moved,   // the card was lifted or moved between finding and reading it
        faulty,       // the reader's security module says it is not working
    };
    CardReaderError(Kind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}
    Kind kind() const { return kind_; }

private:
    Kind kind_;
};

class CardReader {
public:
    // Opens the port at 115200 8N1, raw. CardReaderError (cannot_open) naming the device.
    explicit CardReader(std::string device);
    ~CardReader();
    CardReader(const CardReader&) = delete;
    CardReader& operator=(const CardReader&) = delete;

    const std::string& device() const { return device_; }

    // Asks the reader's security module whether it works; CardReaderError when not.
    void check();
    // The card on the reader, or nullopt when there is none (or the one there was already read
    // and not laid down again). CardReaderError for everything else.
    std::optional<core::IdCard> read();

private:
    std::vector<std::uint8_t> exchange(const std::vector<std::uint8_t>& command);

    std::string device_;
    int fd_ = -1;
    std::chrono::milliseconds silence_limit_{3000};
};

}  // namespace gongji::devices
