#pragma once
// The screen turned to the citizen (客户显示屏, domain.md §9), on the monitor the machine's
// settings name (customer_display): it paints app::CustomerView, which the binding dialog works
// out from its own form after every change, so both screens show one application. Large type and
// black on white for the elderly (适老化: at least 18 pt, contrast far above 4.5:1).
#include <wx/frame.h>
#include <wx/panel.h>

#include "app/citizen/customer_view.h"

namespace gongji::ui {

class CustomerDisplay : public wxFrame {
public:
    // On monitor `monitor` (wxDisplay's index), filling it.
    CustomerDisplay(wxWindow* owner, unsigned monitor);
    ~CustomerDisplay() override;
    // The display of this desk, if it has one (at most one per desk).
    static CustomerDisplay* current();
    void show(const app::CustomerView& view);
    // Every text on screen, top to bottom: what a test compares with what must (not) be there.
    wxString shown_text() const;

    static constexpr int kSmallestPoints = 18, kBodyPoints = 24, kTitlePoints = 32;

private:
    wxPanel* page_ = nullptr;
};

// Opens the display where this machine names a monitor that is there; nullptr otherwise.
CustomerDisplay* open_customer_display(wxWindow* owner);

}  // namespace gongji::ui
