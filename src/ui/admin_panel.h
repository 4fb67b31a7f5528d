#pragma once
// Administration: the agency's name, phone and promised days on the printouts; the roster import
// runs in the background on its own connection with a progress bar and cancel (the window never
// freezes); rejected lines are listed with their line numbers.
#include <wx/button.h>
#include <wx/gauge.h>
#include <wx/listctrl.h>
#include <wx/panel.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "app/trust/auth.h"
#include "app/platform/workspace.h"
#include "ui/background_task.h"

namespace gongji::ui {

class AdminPanel : public wxPanel {
public:
    AdminPanel(wxWindow* parent, app::Workspace& ws, const app::Actor& actor);

    void import_file(const std::string& path);  // what the button does after its file dialog
    bool importing() const { return import_task_.running(); }
    void cancel() { import_task_.cancel(); }
    // The agency's name on every printout, and its phone and promised working days on receipts;
    // what is left empty stays as it was.
    bool save_agency();

private:
    // Until the agency's phone and promised working days are set, receipts go without them: said
    // here, where they are set, from the first start on.
    void remind_what_receipts_lack();

    app::Workspace& ws_;
    app::Actor actor_;
    wxButton *import_ = nullptr, *cancel_ = nullptr;
    wxGauge* progress_ = nullptr;
    wxStaticText* summary_ = nullptr;
    wxTextCtrl* agency_ = nullptr;
    wxListCtrl* rejected_ = nullptr;
    BackgroundTask import_task_{this};
};

}  // namespace gongji::ui
