// gongji-card-sim: the ID card reader simulator as a program of its own, for trying the desktop
// app by hand (or from a script) without a reader. Prints the pseudo-terminal to set as the
// machine's card_reader, then takes one command a line on standard input:
//   lay ID NAME [GENDER 1|2] [VALID_TO YYYYMMDD|长期]   a card laid on the reader
//   lift                                              the card taken away
//   fault none|silent|garbage|corrupt_read|lifted_at_select|lifted_at_read|unplug_at_read|faulty_module
//   quit
#include <iostream>
#include <map>
#include <sstream>
#include <string>

#include "card_reader_simulator.h"

using gongji::test::CardReaderSimulator;

int main() {
    CardReaderSimulator reader;
    std::cout << reader.slave_path() << std::endl;
    const std::map<std::string, CardReaderSimulator::Fault> faults = {
        {"none", CardReaderSimulator::Fault::none},
        {"silent", CardReaderSimulator::Fault::silent},
        {"garbage", CardReaderSimulator::Fault::garbage},
        {"corrupt_read", CardReaderSimulator::Fault::corrupt_read},
        {"lifted_at_select", CardReaderSimulator::Fault::lifted_at_select},
        {"lifted_at_read", CardReaderSimulator::Fault::lifted_at_read},
        {"unplug_at_read", CardReaderSimulator::Fault::unplug_at_read},
        {"faulty_module", CardReaderSimulator::Fault::faulty_module},
    };
    std::string line;
    while (std::getline(std::cin, line)) {
        std::istringstream words(line);
        std::string command;
        words >> command;
        if (command == "quit") break;
        if (command == "lift") {
            reader.lift();
        } else if (command == "lay") {
            std::string id, name, gender = "1", valid_to = "20360101";
            words >> id >> name >> gender >> valid_to;
            if (id.size() != 18 || name.empty()) {
                std::cerr << "lay ID NAME [GENDER] [VALID_TO]\n";
                continue;
            }
            auto card = gongji::test::card_of(id, name, gender);
            card.valid_to = valid_to;
            reader.lay(card);
        } else if (command == "fault") {
            std::string name;
            words >> name;
            auto it = faults.find(name);
            if (it == faults.end()) {
                std::cerr << "unknown fault " << name << "\n";
                continue;
            }
            reader.fault(it->second);
        } else if (!command.empty()) {
            std::cerr << "commands: lay ID NAME [GENDER] [VALID_TO] | lift | fault NAME | quit\n";
            continue;
        }
        std::cout << "ok " << line << std::endl;
    }
    return 0;
}
