#pragma once
// Administration of policy profiles: each stored profile shown as its JSON, checked as it is
// edited (the field at fault named), saved only when valid; profiles imported from files.
#include <wx/button.h>
#include <wx/listbox.h>
#include <wx/panel.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <string>
#include <vector>

#include "app/trust/auth.h"
#include "app/platform/workspace.h"
#include "ui/work_panel.h"

namespace gongji::ui {

class PolicyPanel : public WorkPanel {
public:
    PolicyPanel(wxWindow* parent, app::Workspace& ws, const app::Actor& actor);

    void refresh(const std::string& select = "");
    void show(size_t index);
    bool check();      // what editing does: true when the text is a valid profile
    bool save();
    bool make_default();  // the chosen profile offered first for new bindings
    bool import_file(const std::string& path);

private:

    app::Actor actor_;
    std::vector<std::string> names_;
    std::string stored_;  // the profile as stored, to tell an edit from it
    wxListBox* list_ = nullptr;
    wxTextCtrl* text_ = nullptr;
    wxStaticText* check_ = nullptr;
    wxButton *save_ = nullptr, *revert_ = nullptr;
};

}  // namespace gongji::ui
