#pragma once
// Administration of users: who may work at the windows and in which role; new users, disabled
// and re-enabled accounts, forgotten passwords set anew (which also lifts a lock).
#include <wx/choice.h>
#include <wx/listctrl.h>
#include <wx/panel.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <functional>
#include <string>
#include <vector>

#include "app/trust/auth.h"
#include "app/platform/workspace.h"
#include "ui/work_panel.h"

namespace gongji::ui {

class UsersPanel : public WorkPanel {
public:
    UsersPanel(wxWindow* parent, app::Workspace& ws, const app::Actor& actor);

    void refresh();
    // What the buttons do; public for tests. Each says what happened, or why not.
    bool add_user();
    bool set_selected_disabled(bool disabled);
    bool reset_selected_password(const std::string& password);

private:
    std::string selected_user();
    bool act(const std::function<wxString()>& action);

    app::Actor actor_;
    wxListCtrl* users_ = nullptr;
    wxTextCtrl *username_ = nullptr, *password_ = nullptr;
    wxChoice* role_ = nullptr;
    std::vector<std::string> names_;
};

}  // namespace gongji::ui
