#pragma once
// The machine's ID card reader, polled on a worker while a window waits for an ID number
// (hardware.md §1): a card laid on it comes to the window once, a problem is said once (and
// the reader tried again, so one plugged back in is found), and nothing of a half-finished read
// ever arrives. Without a reader set for the machine it does nothing: the clerk types.
#include <wx/timer.h>
#include <wx/window.h>

#include <functional>
#include <string>

#include "app/cases/card_service.h"
#include "ui/background_task.h"

namespace gongji::ui {

class CardReaderWatch {
public:
    CardReaderWatch(wxWindow* owner, std::function<void(const app::CardRead&)> on_card,
                    std::function<void(const wxString&)> on_problem);

    // Polls the machine's reader (as the machine settings name it now) until stop().
    void start();
    void stop();
    bool watching() const { return !device_.empty(); }

private:
    void poll();
    void failed(const std::exception& e);

    wxWindow* owner_;
    std::function<void(const app::CardRead&)> on_card_;
    std::function<void(const wxString&)> on_problem_;
    std::string device_;
    BackgroundTask task_;
    wxTimer again_;
    wxString last_problem_;
};

// What a reader's failure means for the clerk, in the window's language.
wxString card_problem_text(const std::exception& e);
// What a card read says at the window: read, or expired, or a name that differs from the
// roster's (`good` false for the last two).
wxString card_read_text(app::Workspace& ws, const app::CardRead& read, bool& good);

}  // namespace gongji::ui
