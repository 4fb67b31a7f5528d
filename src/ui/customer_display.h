#pragma once
// The screen turned to the citizen (客户显示屏, domain.md §9), on the monitor the machine's
// settings name (customer_display): it paints app::CustomerView, which the binding dialog works
// out from its own form after every change, so both screens show one application. Large type and
// black on white for the elderly (适老化: at least 18 pt, contrast far above 4.5:1).
#include <wx/frame.h>
#include <wx/panel.h>
#include <wx/timer.h>

#include "app/citizen/customer_view.h"

namespace gongji::ui {

class CustomerDisplay : public wxFrame {
public:
    // On monitor `monitor` (wxDisplay's index), filling it; `idle` is what it shows between
    // citizens (the window and its clerk).
    CustomerDisplay(wxWindow* owner, unsigned monitor, app::CustomerView idle);
    ~CustomerDisplay() override;
    // The display of this desk, if it has one (at most one per desk).
    static CustomerDisplay* current();
    void show(const app::CustomerView& view);
    // Between two citizens, and while the clerk's screen is locked: the window alone.
    void show_idle();
    // A service ended: its rating request stays up for the citizen to scan — the QR code alone,
    // nothing of who they are — until the next citizen or kFarewellSeconds, whichever is first.
    void farewell(const std::string& rating_link);
    static constexpr int kFarewellSeconds = 90;
    // Every text on screen, top to bottom: what a test compares with what must (not) be there.
    wxString shown_text() const;

    static constexpr int kSmallestPoints = 18, kBodyPoints = 24, kTitlePoints = 32;

private:
    wxPanel* page_ = nullptr;
    app::CustomerView idle_;
    wxTimer back_to_idle_;
};

// Opens the display where this machine names a monitor that is there, showing `idle`; nullptr
// otherwise.
CustomerDisplay* open_customer_display(wxWindow* owner, const app::CustomerView& idle);

}  // namespace gongji::ui
