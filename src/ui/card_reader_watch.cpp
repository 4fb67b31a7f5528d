#include "ui/card_reader_watch.h"

#include <chrono>
#include <mutex>
#include <thread>

#include "app/setup/device_settings.h"
#include "ui/labels.h"

namespace gongji::ui {

namespace {

using Kind = devices::CardReaderError::Kind;

// One window at a time talks to the reader: a dialog's watch starting while the panel's is
// still finishing its exchange waits for it instead of mixing their frames.
std::mutex reader_in_use;

constexpr auto kBetweenPolls = std::chrono::milliseconds(250);

struct Stopped : std::runtime_error {
    Stopped() : std::runtime_error("stopped") {}
};

}  // namespace

wxString card_problem_text(const std::exception& e) {
    auto* reader = dynamic_cast<const devices::CardReaderError*>(&e);
    if (!reader) return u8(e.what());
    switch (reader->kind()) {
        case Kind::cannot_open:
            return wxString::Format(_("The card reader cannot be opened (%s): check the port in This machine's devices. "
                                      "Type the number meanwhile."),
                                    u8(e.what()));
        case Kind::no_answer:
            return _("The card reader does not answer: is it plugged in? Type the number meanwhile.");
        case Kind::garbage:
            return _("The card reader's answer was garbled: lay the card on it again.");
        case Kind::card_moved:
            return _("The card was moved before it was read: lay it still on the reader.");
        case Kind::faulty:
            return _("The card reader's security module is not working: call the reader's service.");
    }
    return u8(e.what());
}

wxString card_read_text(app::Workspace& ws, const app::CardRead& read, bool& good) {
    good = false;
    if (read.expired)
        return wxString::Format(_("The ID card of %s expired on %s: it does not prove identity."), u8(read.card.name),
                                u8(read.card.valid_to->to_string()));
    app::CardCheck check;
    try {
        check = app::check_card(ws, read);
    } catch (const std::exception&) {  // the database went away: the look-up of the number says so
    }
    if (check.name_differs)
        return wxString::Format(_("The name on the card, %s, differs from the roster's, %s: check before going on."),
                                u8(read.card.name), u8(check.roster_name));
    good = true;
    return wxString::Format(_("ID card read: %s"), u8(read.card.name));
}

CardReaderWatch::CardReaderWatch(wxWindow* owner, std::function<void(const app::CardRead&)> on_card,
                                 std::function<void(const wxString&)> on_problem)
    : owner_(owner), on_card_(std::move(on_card)), on_problem_(std::move(on_problem)), task_(owner), again_(owner) {
    owner_->Bind(wxEVT_TIMER, [this](wxTimerEvent&) { poll(); }, again_.GetId());
}

void CardReaderWatch::start() {
    try {
        device_ = app::device_settings().card_reader;
    } catch (const std::exception&) {
        device_.clear();  // an unreadable settings file: no reader, the clerk types
    }
    poll();
}

void CardReaderWatch::stop() {
    device_.clear();
    again_.Stop();
    task_.cancel();
}

void CardReaderWatch::poll() {
    if (device_.empty() || task_.running()) return;
    task_.start<app::CardRead>(
        [device = device_](app::Progress& progress) {
            devices::CardReader reader(device);
            {
                std::lock_guard lock(reader_in_use);
                reader.check();  // a faulty security module reads nothing it can vouch for
            }
            while (!progress.cancelled()) {
                {
                    std::lock_guard lock(reader_in_use);
                    if (auto read = app::read_card(reader)) return *read;
                }
                std::this_thread::sleep_for(kBetweenPolls);
            }
            throw Stopped();
        },
        [this](app::CardRead read) {
            last_problem_.clear();
            on_card_(read);
            poll();  // the next citizen's card
        },
        [this](const std::exception& e) { failed(e); });
}

void CardReaderWatch::failed(const std::exception& e) {
    if (device_.empty()) return;
    if (dynamic_cast<const Stopped*>(&e)) return poll();  // stopped and started again meanwhile
    auto text = card_problem_text(e);
    if (text != last_problem_) on_problem_(text);
    last_problem_ = text;
    // A moved card is laid again at once; a reader that went away is looked for now and then.
    auto* reader = dynamic_cast<const devices::CardReaderError*>(&e);
    bool device_gone = !reader || reader->kind() == Kind::cannot_open || reader->kind() == Kind::no_answer;
    again_.StartOnce(device_gone ? 3000 : 500);
}

}  // namespace gongji::ui
