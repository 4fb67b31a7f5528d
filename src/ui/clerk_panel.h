#pragma once
// The clerk's workspace: an ID number checked as it is typed, the person's card and their
// bindings in both directions. Rules and data come from the application layer.
#include <wx/choice.h>
#include <wx/listctrl.h>
#include <wx/panel.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <utility>
#include <vector>

#include "app/auth.h"
#include "app/workspace.h"

namespace gongji::ui {

class ClerkPanel : public wxPanel {
public:
    ClerkPanel(wxWindow* parent, app::Workspace& ws, const app::Actor& actor);

    void look_up(const wxString& text);  // what typing does; public for tests
    // Opens the new-binding dialog with the person looked up as the authorizer.
    void new_binding();
    // Ends the binding of the selected row at once, for the chosen reason.
    bool unbind_selected();
    void focus_id_entry() { id_entry_->SetFocus(); id_entry_->SelectAll(); }

private:
    void on_text(wxCommandEvent& event);
    void clear_card();

    app::Workspace& ws_;
    app::Actor actor_;
    wxTextCtrl* id_entry_ = nullptr;
    wxStaticText* status_ = nullptr;
    wxStaticText *name_ = nullptr, *gender_ = nullptr, *insurance_ = nullptr, *insured_status_ = nullptr,
                 *region_ = nullptr, *balance_ = nullptr;
    wxListCtrl* bindings_ = nullptr;
    std::string person_;  // the ID number on the card
    std::vector<std::pair<std::string, std::string>> rows_;  // authorizer, user of each row
    wxChoice* unbind_reason_ = nullptr;
    wxStaticText* outcome_ = nullptr;
};

}  // namespace gongji::ui
