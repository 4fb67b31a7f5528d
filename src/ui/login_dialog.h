#pragma once
// Log in with user name and password; a wrong password, a locked or disabled account is said in
// the dialog, which stays open. On a machine not yet named, the workstation name is asked once.
// A password set by an administrator (a new account's, a reset one, the demo's) or older than the
// agency allows is replaced here before the session opens: the dialog asks for a new one twice.
#include <wx/dialog.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "app/trust/auth.h"
#include "app/platform/workspace.h"

namespace gongji::ui {

class LoginDialog : public wxDialog {
public:
    LoginDialog(wxWindow* parent, app::Workspace& ws);
    bool TransferDataFromWindow() override;
    const app::Actor& actor() const { return actor_; }

private:
    app::Workspace& ws_;
    bool log_in();
    bool change_password();
    void say(const wxString& error, wxTextCtrl* focus);

    app::Actor actor_;
    bool changing_ = false;  // logged in; the new password is asked for
    std::string current_password_;
    wxTextCtrl *user_ = nullptr, *password_ = nullptr, *workstation_ = nullptr;
    wxTextCtrl *new_password_ = nullptr, *repeat_password_ = nullptr;
    wxWindow* change_panel_ = nullptr;
    wxStaticText* change_note_ = nullptr;
    wxStaticText* error_ = nullptr;
};

}  // namespace gongji::ui
