#pragma once
// A second-generation ID card reader on the far side of a pseudo-terminal, speaking the frames
// of hardware.md §1 at 115200 baud, with the failures a desk sees: no card, a card lifted between
// finding and reading, a corrupted answer, a silent or unplugged reader, a faulty security module.
// The program opens slave_path() exactly as it opens /dev/ttyUSB0.
#include <atomic>
#include <chrono>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace gongji::test {

struct SimulatedCard {
    std::string id_number, name;
    std::string gender = "1", nation = "01", birth = "19650312";
    std::string address = "广西壮族自治区贵港市港北区建设路12号", issuer = "贵港市公安局港北分局";
    std::string valid_from = "20160101", valid_to = "20360101";  // "长期": no end
};

// The card of `id` (its birth date taken from the number), valid until 2036.
inline SimulatedCard card_of(const std::string& id, const std::string& name, const std::string& gender = "1") {
    SimulatedCard card;
    card.id_number = id;
    card.name = name;
    card.gender = gender;
    card.birth = id.substr(6, 8);
    return card;
}

// The read answer's data (TEXTLEN PHOTOLEN TEXT PHOTO) for `card`, fields in UCS-2LE.
std::vector<std::uint8_t> card_data(const SimulatedCard& card);

class CardReaderSimulator {
public:
    enum class Fault {
        none,
        silent,             // answers nothing
        garbage,            // answers bytes that are no frames
        corrupt_read,       // the read answer's checksum is wrong
        lifted_at_select,   // the card leaves between finding and selecting it
        lifted_at_read,     // … between selecting and reading it
        unplug_at_read,     // the cable is pulled as the card is read
        faulty_module,      // the security module does not work
    };

    CardReaderSimulator();
    ~CardReaderSimulator();

    const std::string& slave_path() const { return slave_path_; }
    // Lays a card on the reader; it is found once, until it is laid again.
    void lay(const SimulatedCard& card);
    void lift();
    void fault(Fault f) { fault_ = f; }
    // How long the reader takes to read a card's text and photo (a real one: a few hundred ms).
    void read_delay(std::chrono::milliseconds d) { read_delay_ = d; }
    int reads() const { return reads_; }

private:
    void serve();
    void answer(std::vector<std::uint8_t> frame);  // paced at 115200 baud

    int master_ = -1, slave_ = -1;
    std::string slave_path_;
    std::mutex mutex_;
    std::optional<SimulatedCard> card_;
    bool found_ = false;  // the card on the reader was already read
    std::atomic<Fault> fault_{Fault::none};
    std::atomic<bool> stop_{false};
    std::atomic<int> reads_{0};
    std::chrono::milliseconds read_delay_{200};
    std::thread thread_;
};

}  // namespace gongji::test
