// `gongji card read`: the ID card on the machine's reader, as JSON (interfaces.md, second set).
#include "app/cases/card_service.h"
#include "app/platform/errors.h"
#include "cli/args.h"
#include "cli/commands.h"
#include "cli/json_output.h"
#include "core/json_writer.h"
#include "cli/usage_error.h"

namespace gongji::cli {

namespace {

std::string card_json(const app::CardRead& read) {
    const auto& card = read.card;
    core::JsonWriter w(true);
    w.begin_object();
    w.key("id_number").value(card.id_number).key("name").value(card.name);
    w.key("gender").value(core::gender_name(card.gender)).key("nation").value(card.nation);
    w.key("birth_date").value(card.birth_date.to_string()).key("address").value(card.address);
    w.key("issuer").value(card.issuer).key("valid_from").value(card.valid_from.to_string());
    w.key("valid_to").value(card.valid_to ? card.valid_to->to_string() : std::string("long_term"));
    w.key("expired").value(read.expired).key("photo_bytes").value(static_cast<long long>(card.photo.size()));
    w.end_object();
    return w.str();
}

}  // namespace

int run_card(Session&, const Words& words) {
    Args args(words, {});
    args.allow_only({"device"});
    args.expect_positional(1, "read");
    if (args.positional()[0] != "read") throw usage_error("usage: gongji card read [--device PATH]");
    devices::CardReader reader(app::card_reader_device(args.option("device").value_or("")));
    reader.check();  // a faulty security module reads nothing it can vouch for
    auto read = app::read_card(reader);
    if (!read) {
        print_json(refusal_json("no_card", "no card on the reader " + reader.device()));
        return 1;
    }
    print_json(card_json(*read));
    return 0;
}

}  // namespace gongji::cli
