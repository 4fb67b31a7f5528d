#pragma once
// The relation field of the binding form: typed as a code, a name or pinyin initials, the
// relations that fit the two people listed under it, Up and Down choosing among them without
// leaving the field, and the one chosen named beside it.
#include <wx/listbox.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <functional>

#include "app/cases/bind_form.h"

namespace gongji::ui {

class RelationPicker {
public:
    // `changed`: the form changed (to be shown again); `done`: Enter with a relation chosen.
    RelationPicker(wxTextCtrl* text, wxListBox* matches, wxStaticText* chosen, app::BindForm& form,
                   std::function<void()> changed, std::function<void()> done);
    // The matches and the one chosen, as the form has them.
    void show();
    void disable();
    wxTextCtrl* field() const { return text_; }

private:
    wxTextCtrl* text_;
    wxListBox* matches_;
    wxStaticText* chosen_;
    app::BindForm& form_;
    std::function<void()> changed_;
};

}  // namespace gongji::ui
