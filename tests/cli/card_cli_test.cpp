// Pins `gongji card read` (interfaces.md, second set) against the reader simulator on a
// pseudo-terminal: the machine's reader chosen once with `settings set card_reader`, the card's
// fields as JSON, no card exit 1, a silent or garbling reader exit 3 with one line, no reader set
// exit 2 naming the setting.
#include <boost/test/unit_test.hpp>

#include <fstream>

#include "card_reader_simulator.h"
#include "run_gongji.h"
#include "support/test_database.h"

using namespace gongji::test;

BOOST_AUTO_TEST_SUITE(card_cli)

BOOST_AUTO_TEST_CASE(the_card_on_the_machines_reader_is_read_as_json) {
    TempDir dir;
    std::map<std::string, std::string> env{{"GONGJI_DEVICES_FILE", dir.path() + "/devices.conf"}};
    auto unset = run_gongji({"card", "read"}, env);
    BOOST_TEST(unset.exit_code == 2);
    BOOST_TEST(unset.err.find("card_reader") != std::string::npos, unset.err);

    CardReaderSimulator reader;
    auto set = run_gongji({"settings", "set", "card_reader", reader.slave_path()}, env);
    BOOST_TEST(set.exit_code == 0, set.err);
    auto none = run_gongji({"card", "read"}, env);
    BOOST_TEST(none.exit_code == 1, none.err);
    BOOST_TEST(none.object()->getValue<std::string>("refused") == "no_card");

    SimulatedCard card;
    card.id_number = "45080220100101001X";
    card.name = "张磊";
    card.gender = "1";
    card.birth = "20100101";
    card.valid_to = "20200101";
    reader.lay(card);
    auto read = run_gongji({"card", "read"}, env);
    BOOST_TEST(read.exit_code == 0, read.err);
    auto json = read.object();
    BOOST_TEST(json->getValue<std::string>("id_number") == "45080220100101001X");
    BOOST_TEST(json->getValue<std::string>("name") == "张磊");
    BOOST_TEST(json->getValue<std::string>("gender") == "male");
    BOOST_TEST(json->getValue<std::string>("birth_date") == "2010-01-01");
    BOOST_TEST(json->getValue<std::string>("valid_to") == "2020-01-01");
    BOOST_TEST(json->getValue<bool>("expired"));
    BOOST_TEST(json->getValue<int>("photo_bytes") == 1024);

    card.valid_to = "长期";
    reader.lay(card);
    auto long_term = run_gongji({"card", "read", "--device", reader.slave_path()});
    BOOST_TEST(long_term.object()->getValue<std::string>("valid_to") == "long_term");
    BOOST_TEST(!long_term.object()->getValue<bool>("expired"));
}

BOOST_AUTO_TEST_CASE(a_reader_that_garbles_or_is_missing_exits_3_with_one_line) {
    CardReaderSimulator reader;
    reader.fault(CardReaderSimulator::Fault::garbage);
    auto garbled = run_gongji({"card", "read", "--device", reader.slave_path()});
    BOOST_TEST(garbled.exit_code == 3);
    BOOST_TEST(garbled.err.find("garbage") != std::string::npos, garbled.err);
    BOOST_TEST(garbled.out.empty());
    auto missing = run_gongji({"card", "read", "--device", "/dev/gongji-no-reader"});
    BOOST_TEST(missing.exit_code == 3);
    BOOST_TEST(missing.err.find("/dev/gongji-no-reader") != std::string::npos, missing.err);
}

BOOST_AUTO_TEST_CASE(a_wrong_device_setting_changes_nothing) {
    TempDir dir;
    std::map<std::string, std::string> env{{"GONGJI_DEVICES_FILE", dir.path() + "/devices.conf"}};
    BOOST_TEST(run_gongji({"settings", "set", "scanner_dpi", "250"}, env).exit_code == 0);
    BOOST_TEST(run_gongji({"settings", "set", "scanner_dpi", "9000"}, env).exit_code == 2);
    BOOST_TEST(run_gongji({"settings", "set", "scanner_dpi", "abc"}, env).exit_code == 2);
    std::ifstream in(dir.path() + "/devices.conf");
    std::string text(std::istreambuf_iterator<char>(in), {});
    BOOST_TEST(text.find("250") != std::string::npos, text);
    BOOST_TEST(text.find("9000") == std::string::npos, text);
}

BOOST_AUTO_TEST_SUITE_END()
