#pragma once
// Log in with user name and password; a wrong password, a locked or disabled account is said in
// the dialog, which stays open. On a machine not yet named, the workstation name is asked once.
#include <wx/dialog.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "app/auth.h"
#include "app/workspace.h"

namespace gongji::ui {

class LoginDialog : public wxDialog {
public:
    LoginDialog(wxWindow* parent, app::Workspace& ws);
    bool TransferDataFromWindow() override;
    const app::Actor& actor() const { return actor_; }

private:
    app::Workspace& ws_;
    app::Actor actor_;
    wxTextCtrl *user_ = nullptr, *password_ = nullptr, *workstation_ = nullptr;
    wxStaticText* error_ = nullptr;
};

}  // namespace gongji::ui
