// Pins the ID card reader over a pseudo-terminal with a simulator speaking hardware.md §1's
// frames at 115200 baud: a card read whole (fields decoded from UCS-2, the portrait's bytes kept),
// read once per laying, and each failure of a desk said as its own kind with nothing half read:
// no card, lifted early, a corrupted answer, garbage, silence, an unplugged cable, a faulty module.
#include <boost/test/unit_test.hpp>

#include "card_reader_simulator.h"
#include "devices/id_card_frame.h"
#include "devices/id_card_reader.h"
#include "devices/id_card_text.h"

using namespace gongji;
using devices::CardReader;
using devices::CardReaderError;
using Fault = test::CardReaderSimulator::Fault;
using Kind = CardReaderError::Kind;

namespace {

test::SimulatedCard zhang_wei() {
    test::SimulatedCard card;
    card.id_number = "450802196503120117";
    card.name = "张伟";
    return card;
}

Kind failure_of(CardReader& reader) {
    try {
        reader.read();
    } catch (const CardReaderError& e) {
        BOOST_TEST_MESSAGE(e.what());
        return e.kind();
    }
    BOOST_FAIL("the read did not fail");
    return Kind::garbage;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(card_frames)

BOOST_AUTO_TEST_CASE(commands_are_the_documented_bytes) {
    BOOST_TEST((devices::card_frame::find_card() ==
                std::vector<std::uint8_t>{0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00, 0x03, 0x20, 0x01, 0x22}));
    BOOST_TEST((devices::card_frame::select_card() ==
                std::vector<std::uint8_t>{0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00, 0x03, 0x20, 0x02, 0x21}));
    BOOST_TEST((devices::card_frame::read_text_and_photo() ==
                std::vector<std::uint8_t>{0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00, 0x03, 0x30, 0x01, 0x32}));
    BOOST_TEST((devices::card_frame::module_status() ==
                std::vector<std::uint8_t>{0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00, 0x03, 0x11, 0xFF, 0xED}));
}

BOOST_AUTO_TEST_CASE(a_bad_frame_is_skipped_up_to_the_next_preamble) {
    devices::card_frame::FrameReader frames;
    auto good = devices::card_frame::wrap({0x00, 0x00, 0x90});
    auto bad = good;
    bad.back() ^= 1;
    std::vector<std::uint8_t> stream{0x13, 0x37};
    stream.insert(stream.end(), bad.begin(), bad.end());
    stream.insert(stream.end(), good.begin(), good.end());
    // Byte by byte, as a slow port delivers them.
    std::vector<std::vector<std::uint8_t>> bodies;
    for (auto byte : stream) {
        frames.feed(&byte, 1);
        while (auto body = frames.next()) bodies.push_back(*body);
    }
    BOOST_TEST(bodies.size() == 1u);
    BOOST_TEST((bodies.at(0) == std::vector<std::uint8_t>{0x00, 0x00, 0x90}));
    BOOST_TEST(frames.discarded() == 2u + bad.size());
}

BOOST_AUTO_TEST_CASE(text_fields_decode_and_long_term_validity_has_no_end) {
    auto card = zhang_wei();
    card.valid_to = "长期";
    auto decoded = devices::decode_card(test::card_data(card));
    BOOST_TEST(decoded.name == "张伟");
    BOOST_TEST(decoded.id_number == "450802196503120117");
    BOOST_TEST(decoded.address == "广西壮族自治区贵港市港北区建设路12号");
    BOOST_TEST(decoded.birth_date.to_string() == "1965-03-12");
    BOOST_TEST(!decoded.valid_to.has_value());
    BOOST_TEST(!decoded.expired_on(core::CivilDate{2099, 1, 1}));
}

BOOST_AUTO_TEST_CASE(impossible_fields_are_garbage) {
    auto card = zhang_wei();
    card.birth = "19651399";
    BOOST_CHECK_THROW(devices::decode_card(test::card_data(card)), CardReaderError);
    card = zhang_wei();
    card.gender = "9";
    BOOST_CHECK_THROW(devices::decode_card(test::card_data(card)), CardReaderError);
    auto data = test::card_data(zhang_wei());
    data.pop_back();  // a portrait one byte short
    BOOST_CHECK_THROW(devices::decode_card(data), CardReaderError);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(card_reader_on_a_pty)

BOOST_AUTO_TEST_CASE(a_card_is_read_whole_once_per_laying) {
    test::CardReaderSimulator reader_device;
    CardReader reader(reader_device.slave_path());
    reader.check();
    BOOST_TEST(!reader.read().has_value());  // nothing on the reader yet
    auto card = zhang_wei();
    card.valid_to = "20250101";
    reader_device.lay(card);
    auto read = reader.read();
    BOOST_REQUIRE(read.has_value());
    BOOST_TEST(read->name == "张伟");
    BOOST_TEST(read->id_number == "450802196503120117");
    BOOST_TEST((read->gender == core::Gender::male));
    BOOST_TEST(read->issuer == "贵港市公安局港北分局");
    BOOST_TEST(read->photo.size() == 1024u);
    BOOST_TEST(read->expired_on(core::CivilDate{2026, 12, 3}));
    BOOST_TEST(!reader.read().has_value());  // still lying there: not read again
    reader_device.lay(card);
    BOOST_TEST(reader.read().has_value());
}

BOOST_AUTO_TEST_CASE(a_card_lifted_early_is_said_and_nothing_is_read) {
    test::CardReaderSimulator reader_device;
    CardReader reader(reader_device.slave_path());
    reader_device.lay(zhang_wei());
    reader_device.fault(Fault::lifted_at_select);
    BOOST_TEST((failure_of(reader) == Kind::card_moved));
    reader_device.lay(zhang_wei());
    reader_device.fault(Fault::lifted_at_read);
    BOOST_TEST((failure_of(reader) == Kind::card_moved));
    reader_device.fault(Fault::none);
    reader_device.lay(zhang_wei());
    BOOST_TEST(reader.read().has_value());  // laid again, it reads
}

BOOST_AUTO_TEST_CASE(a_corrupted_answer_or_garbage_is_said) {
    test::CardReaderSimulator reader_device;
    CardReader reader(reader_device.slave_path());
    reader_device.lay(zhang_wei());
    reader_device.read_delay(std::chrono::milliseconds(0));
    reader_device.fault(Fault::corrupt_read);
    BOOST_TEST((failure_of(reader) == Kind::garbage));
    reader_device.fault(Fault::garbage);
    BOOST_TEST((failure_of(reader) == Kind::garbage));
}

BOOST_AUTO_TEST_CASE(a_silent_reader_a_pulled_cable_and_a_faulty_module_are_said) {
    test::CardReaderSimulator reader_device;
    CardReader reader(reader_device.slave_path());
    reader_device.fault(Fault::faulty_module);
    BOOST_CHECK_EXCEPTION(reader.check(), CardReaderError, [](const auto& e) { return e.kind() == Kind::faulty; });
    reader_device.fault(Fault::silent);
    BOOST_TEST((failure_of(reader) == Kind::no_answer));
    reader_device.fault(Fault::unplug_at_read);
    reader_device.lay(zhang_wei());
    BOOST_TEST((failure_of(reader) == Kind::no_answer));
}

BOOST_AUTO_TEST_CASE(a_missing_device_cannot_be_opened) {
    BOOST_CHECK_EXCEPTION(CardReader("/dev/gongji-no-such-reader"), CardReaderError,
                          [](const auto& e) { return e.kind() == Kind::cannot_open; });
    BOOST_CHECK_EXCEPTION(CardReader("/dev/null"), CardReaderError,
                          [](const auto& e) { return e.kind() == Kind::cannot_open; });
}

BOOST_AUTO_TEST_SUITE_END()
