#pragma once
// Administration: the agency's name on the printouts; the roster import runs on its own thread and connection with a progress bar
// and cancel; the window never freezes; rejected lines are listed with their line numbers.
#include <wx/button.h>
#include <wx/gauge.h>
#include <wx/listctrl.h>
#include <wx/panel.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <atomic>
#include <memory>
#include <thread>

#include "app/auth.h"
#include "app/workspace.h"

namespace gongji::ui {

class AdminPanel : public wxPanel {
public:
    AdminPanel(wxWindow* parent, app::Workspace& ws, const app::Actor& actor);
    ~AdminPanel() override;

    void import_file(const std::string& path);  // what the button does after its file dialog
    bool importing() const { return worker_.joinable() && !finished_; }
    void cancel() { cancel_requested_ = true; }
    // The agency's name on every printout, and its phone and promised working days on receipts;
    // what is left empty stays as it was.
    bool save_agency();

private:
    struct Shared;  // what the worker and the window share; outlives either
    app::Workspace& ws_;
    app::Actor actor_;
    wxButton *import_ = nullptr, *cancel_ = nullptr;
    wxGauge* progress_ = nullptr;
    wxStaticText* summary_ = nullptr;
    wxTextCtrl* agency_ = nullptr;
    wxListCtrl* rejected_ = nullptr;
    std::thread worker_;
    std::atomic<bool> finished_{false};
    std::atomic<bool> cancel_requested_{false};
};

}  // namespace gongji::ui
