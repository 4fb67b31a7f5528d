#include "ui/login_dialog.h"

#include <wx/panel.h>
#include <wx/xrc/xmlres.h>

#include "app/trust/audit.h"
#include "app/platform/errors.h"
#include "app/setup/machine_settings.h"
#include "app/trust/passwords.h"
#include "ui/problem_text.h"

namespace gongji::ui {

LoginDialog::LoginDialog(wxWindow* parent, app::Workspace& ws) : ws_(ws) {
    wxXmlResource::Get()->LoadDialog(this, parent, "LoginDialog");
    user_ = XRCCTRL(*this, "user", wxTextCtrl);
    password_ = XRCCTRL(*this, "password", wxTextCtrl);
    error_ = XRCCTRL(*this, "error", wxStaticText);
    workstation_ = XRCCTRL(*this, "workstation", wxTextCtrl);
    change_panel_ = XRCCTRL(*this, "change_panel", wxPanel);
    change_note_ = XRCCTRL(*this, "change_note", wxStaticText);
    new_password_ = XRCCTRL(*this, "new_password", wxTextCtrl);
    repeat_password_ = XRCCTRL(*this, "repeat_password", wxTextCtrl);
    // Named once per machine: afterwards shown, not edited.
    workstation_->SetValue(wxString::FromUTF8(app::workstation_name().c_str()));
    workstation_->SetEditable(!app::workstation_configured());
    // Enter in the password field logs in, as the OK button does; in the first new password it
    // moves on to the second, and there it sets it.
    auto ok = [this](wxCommandEvent&) {
        wxCommandEvent press(wxEVT_BUTTON, wxID_OK);
        ProcessWindowEvent(press);
    };
    password_->Bind(wxEVT_TEXT_ENTER, ok);
    repeat_password_->Bind(wxEVT_TEXT_ENTER, ok);
    new_password_->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { repeat_password_->SetFocus(); });
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

bool LoginDialog::TransferDataFromWindow() { return changing_ ? change_password() : log_in(); }

void LoginDialog::say(const wxString& error, wxTextCtrl* focus) {
    error_->SetLabel(error);
    focus->Clear();
    focus->SetFocus();
    Layout();
    Fit();
}

bool LoginDialog::log_in() {
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
        current_password_ = password_->GetValue().ToStdString(wxConvUTF8);
        actor_ = app::authenticate(ws_, user_->GetValue().ToStdString(wxConvUTF8), current_password_);
    } catch (const std::exception& e) {  // refused, or a database that cannot be reached
        say(problem_text(e, ws_), password_);
        return false;
    }
    if (actor_.password_change == app::PasswordChange::none) return true;
    changing_ = true;
    user_->SetEditable(false);
    password_->Disable();
    auto rules = app::password_rules(ws_);
    change_note_->SetLabel(
        (actor_.password_change == app::PasswordChange::expired ? _("Your password is older than the agency allows.")
                                             : _("This password was set by an administrator.")) +
        "\n" +
        wxString::Format(_("Choose your own: at least %d characters, of %d kinds (lower case, upper case, digits, others), "
                           "without your user name."),
                         rules.min_length, rules.min_classes));
    change_note_->Wrap(FromDIP(360));
    change_panel_->Show();
    FindWindow(wxID_OK)->SetLabel(_("&Set password"));
    error_->SetLabel("");
    Layout();
    Fit();
    CentreOnParent();  // grown by the new fields: centred again
    new_password_->SetFocus();
    return false;
}

bool LoginDialog::change_password() {
    auto chosen = new_password_->GetValue().ToStdString(wxConvUTF8);
    if (chosen != repeat_password_->GetValue().ToStdString(wxConvUTF8)) {
        repeat_password_->Clear();
        say(_("The two new passwords differ: type them again"), new_password_);
        return false;
    }
    try {
        app::change_own_password(ws_, actor_, current_password_, chosen);
        return true;
    } catch (const std::exception& e) {
        repeat_password_->Clear();
        say(problem_text(e, ws_), new_password_);
        return false;
    }
}

}  // namespace gongji::ui
