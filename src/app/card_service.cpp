#include "app/card_service.h"

#include "app/case_service.h"
#include "app/clock.h"
#include "app/device_settings.h"
#include "app/errors.h"

namespace gongji::app {

std::string card_reader_device(const std::string& device) {
    if (!device.empty()) return device;
    auto configured = device_settings().card_reader;
    if (configured.empty())
        throw BadInput("no card reader is set for this machine: gongji settings set card_reader /dev/ttyUSB0, or --device",
                       {"no_card_reader", {}});
    return configured;
}

std::optional<CardRead> read_card(devices::CardReader& reader) {
    auto card = reader.read();
    if (!card) return std::nullopt;
    CardRead read{std::move(*card), reader.device(), now(), false};
    read.expired = read.card.expired_on(china_today());
    return read;
}

CardCheck check_card(Workspace& ws, const CardRead& read) {
    CardCheck check;
    if (auto person = find_person(ws, read.card.id_number)) {
        check.on_roster = true;
        check.roster_name = person->name;
        check.name_differs = person->name != read.card.name;
    }
    return check;
}

}  // namespace gongji::app
