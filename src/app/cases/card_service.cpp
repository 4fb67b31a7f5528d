#include "app/cases/card_service.h"

#include <map>

#include "app/trust/audit.h"
#include "app/platform/base64.h"
#include "app/cases/case_service.h"
#include "app/platform/clock.h"
#include "app/setup/device_settings.h"
#include "app/platform/errors.h"
#include "app/platform/stores.h"
#include "core/json_writer.h"

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

std::vector<CheckedCard> check_cards(Workspace& ws, const std::vector<CardRead>& reads, const std::string& authorizer_id,
                                     const std::string& user_id) {
    std::vector<CheckedCard> out;
    std::map<std::string, core::Person> people;  // both in one look-up, however many reads
    for (const auto& read : reads) {
        if (read.card.id_number != authorizer_id && read.card.id_number != user_id) continue;
        if (out.empty()) people = stores(ws).persons.find_two(authorizer_id, user_id);
        CardCheck check;
        if (auto person = people.find(read.card.id_number); person != people.end())
            check = {true, person->second.name, person->second.name != read.card.name};
        out.push_back({read, check});
    }
    return out;
}

std::optional<NameDifference> name_difference(const std::vector<CheckedCard>& cards) {
    for (const auto& [read, roster] : cards)
        if (roster.name_differs) return NameDifference{read.card.id_number, read.card.name, roster.roster_name};
    return std::nullopt;
}

bool proves_identity(const std::vector<CardRead>& reads, const std::string& id_number) {
    for (const auto& read : reads)
        if (read.card.id_number == id_number && !read.expired) return true;
    return false;
}

void record_card_reads(Workspace& ws, const Actor& actor, const core::Case& c, const std::vector<CheckedCard>& cards) {
    for (const auto& [read, roster] : cards) {
        core::CaseCardRead kept{read.card.id_number, read.card.name, read.card.valid_to, read.expired,
                                read.device,         actor.username, actor.workstation,  read.at,
                                to_base64(std::string(read.card.photo.begin(), read.card.photo.end()))};
        stores(ws).card_reads.insert(c.id, kept);
        core::JsonWriter detail;
        detail.begin_object().key("id_number").value(kept.id_number).key("name_on_card").value(kept.name_on_card);
        detail.key("valid_to").value(kept.valid_to ? kept.valid_to->to_string() : std::string("long_term"));
        detail.key("expired").value(kept.expired).key("device").value(kept.device).key("read_at").value(kept.read_at.utc());
        if (roster.name_differs)  // submitted only once acknowledged
            detail.key("roster_name").value(roster.roster_name).key("acknowledged_by").value(actor.username);
        detail.end_object();
        audit(ws, {actor.username, actor.workstation}, "card.read", "case", c.number, "", detail.str());
    }
}

std::vector<core::CaseCardRead> card_reads_of(Workspace& ws, long long case_id) { return stores(ws).card_reads.list(case_id); }

}  // namespace gongji::app
