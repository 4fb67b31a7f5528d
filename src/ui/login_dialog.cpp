#include "ui/login_dialog.h"

#include <wx/xrc/xmlres.h>

#include "app/audit.h"
#include "app/errors.h"
#include "app/machine_settings.h"
#include "ui/problem_text.h"

namespace gongji::ui {

LoginDialog::LoginDialog(wxWindow* parent, app::Workspace& ws) : ws_(ws) {
    wxXmlResource::Get()->LoadDialog(this, parent, "LoginDialog");
    user_ = XRCCTRL(*this, "user", wxTextCtrl);
    password_ = XRCCTRL(*this, "password", wxTextCtrl);
    error_ = XRCCTRL(*this, "error", wxStaticText);
    workstation_ = XRCCTRL(*this, "workstation", wxTextCtrl);
    // Named once per machine: afterwards shown, not edited.
    workstation_->SetValue(wxString::FromUTF8(app::workstation_name().c_str()));
    workstation_->SetEditable(!app::workstation_configured());
    // Enter in the password field logs in, as the OK button does.
    password_->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) {
        wxCommandEvent ok(wxEVT_BUTTON, wxID_OK);
        ProcessWindowEvent(ok);
    });
    user_->SetFocus();
    Fit();
    CentreOnParent();
    // Shown after the last user logged out, the dialog takes the keyboard itself: without a
    // window manager to give it, typing would go nowhere.
    Bind(wxEVT_INIT_DIALOG, [this](wxInitDialogEvent& e) {
        e.Skip();
        CallAfter([this] {
            Raise();
            user_->SetFocus();
        });
    });
}

bool LoginDialog::TransferDataFromWindow() {
    if (workstation_->IsEditable()) {
        auto name = workstation_->GetValue().Trim().Trim(false).ToStdString(wxConvUTF8);
        try {
            app::set_workstation_name(name);
        } catch (const app::BadInput& e) {
            error_->SetLabel(problem_text(e, ws_));  // e.g. /etc/gongji not writable: ask the administrator
            workstation_->SetFocus();
            Layout();
            Fit();
            return false;
        }
        workstation_->SetEditable(false);
    }
    try {
        actor_ = app::authenticate(ws_, user_->GetValue().ToStdString(wxConvUTF8),
                                   password_->GetValue().ToStdString(wxConvUTF8));
        return true;
    } catch (const std::exception& e) {  // refused, or a database that cannot be reached
        error_->SetLabel(problem_text(e, ws_));
        password_->Clear();
        password_->SetFocus();
        Layout();
        Fit();
        return false;
    }
}

}  // namespace gongji::ui
