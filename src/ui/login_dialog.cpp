#include "ui/login_dialog.h"

#include <wx/xrc/xmlres.h>

#include "app/errors.h"

namespace gongji::ui {

LoginDialog::LoginDialog(wxWindow* parent, app::Workspace& ws) : ws_(ws) {
    wxXmlResource::Get()->LoadDialog(this, parent, "LoginDialog");
    user_ = XRCCTRL(*this, "user", wxTextCtrl);
    password_ = XRCCTRL(*this, "password", wxTextCtrl);
    error_ = XRCCTRL(*this, "error", wxStaticText);
    // Enter in the password field logs in, as the OK button does.
    password_->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) {
        wxCommandEvent ok(wxEVT_BUTTON, wxID_OK);
        ProcessWindowEvent(ok);
    });
    user_->SetFocus();
    Fit();
    CentreOnParent();
}

bool LoginDialog::TransferDataFromWindow() {
    try {
        actor_ = app::authenticate(ws_, user_->GetValue().ToStdString(wxConvUTF8),
                                   password_->GetValue().ToStdString(wxConvUTF8));
        return true;
    } catch (const app::Refused& e) {
        error_->SetLabel(wxString::FromUTF8(e.what()));
        password_->Clear();
        password_->SetFocus();
        Layout();
        Fit();
        return false;
    }
}

}  // namespace gongji::ui
