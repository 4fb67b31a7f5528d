#pragma once
// ID cards read at the window (hardware.md §1): the read stamped with when, where and whether
// the card was still valid that day, and held against the roster. The card is the citizen's own
// statement of identity: a name that differs from the roster's is said, never silently taken,
// and an expired card proves nothing.
#include <optional>
#include <string>

#include "app/trust/auth.h"
#include "app/platform/workspace.h"
#include "core/case_record.h"
#include "core/id_card.h"
#include "core/instant.h"
#include "devices/id_card_reader.h"

namespace gongji::app {

struct CardRead {
    core::IdCard card;
    std::string device;  // which reader
    core::Instant at;
    bool expired = false;  // on the day it was read (China time)
};

// The machine's reader unless `device` names another; BadInput when neither names one.
std::string card_reader_device(const std::string& device = "");

// Reads the card on `reader` once: nullopt when there is none (or it was already read and not
// laid again); devices::CardReaderError for the reader's failures.
std::optional<CardRead> read_card(devices::CardReader& reader);

// What the roster says of the card's holder.
struct CardCheck {
    bool on_roster = false;
    std::string roster_name;  // when on the roster
    bool name_differs = false;
};
CardCheck check_card(Workspace& ws, const CardRead& read);

// The reads of the case's two people's cards, each with what the roster says of it: looked up
// once for a submission, then judged and recorded from this.
struct CheckedCard {
    CardRead read;
    CardCheck roster;
};
std::vector<CheckedCard> check_cards(Workspace& ws, const std::vector<CardRead>& reads, const std::string& authorizer_id,
                                     const std::string& user_id);

// The first checked card whose name differs from the roster's, if any: submitting such a case
// needs the clerk's word that the card was checked.
struct NameDifference {
    std::string id_number, name_on_card, roster_name;
};
std::optional<NameDifference> name_difference(const std::vector<CheckedCard>& cards);

// Whether one of `reads` is of `id_number`'s own card, still valid the day it was read.
bool proves_identity(const std::vector<CardRead>& reads, const std::string& id_number);

// Within the caller's transaction (case submission): keeps the checked cards with the case, each
// in the audit log (a name that differs from the roster's with the roster's and who acknowledged it).
void record_card_reads(Workspace& ws, const Actor& actor, const core::Case& c, const std::vector<CheckedCard>& cards);
// The cards read for a case, in the order they were read.
std::vector<core::CaseCardRead> card_reads_of(Workspace& ws, long long case_id);

}  // namespace gongji::app
