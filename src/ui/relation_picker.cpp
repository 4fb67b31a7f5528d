#include "ui/relation_picker.h"

#include <wx/intl.h>

#include <algorithm>

#include "ui/labels.h"

namespace gongji::ui {

RelationPicker::RelationPicker(wxTextCtrl* text, wxListBox* matches, wxStaticText* chosen, app::BindForm& form,
                               std::function<void()> changed, std::function<void()> done)
    : text_(text), matches_(matches), chosen_(chosen), form_(form), changed_(std::move(changed)) {
    text_->Bind(wxEVT_TEXT, [this](wxCommandEvent& e) {
        form_.type_relation(utf8(e.GetString()));
        changed_();
    });
    text_->Bind(wxEVT_KEY_DOWN, [this](wxKeyEvent& e) {
        int by = e.GetKeyCode() == WXK_DOWN ? 1 : e.GetKeyCode() == WXK_UP ? -1 : 0;
        int count = static_cast<int>(matches_->GetCount());
        if (!by || count == 0) return e.Skip();
        form_.choose_relation(static_cast<size_t>(std::clamp(matches_->GetSelection() + by, 0, count - 1)));
        changed_();
    });
    text_->Bind(wxEVT_TEXT_ENTER, [this, done = std::move(done)](wxCommandEvent&) {
        if (!form_.relation().empty()) done();
    });
    matches_->Bind(wxEVT_LISTBOX, [this](wxCommandEvent& e) {
        if (e.GetSelection() < 0) return;
        form_.choose_relation(static_cast<size_t>(e.GetSelection()));
        changed_();
    });
}

void RelationPicker::show() {
    const auto& matches = form_.relation_matches();
    matches_->Clear();
    for (const auto& r : matches)
        matches_->Append(wxString::Format(_("%s (%s)"), u8(r.code) + " " + relation_text(r), relation_category_text(r.category)));
    auto chosen = std::find_if(matches.begin(), matches.end(), [&](const core::Relation& r) { return r.code == form_.relation(); });
    if (chosen != matches.end()) matches_->SetSelection(static_cast<int>(chosen - matches.begin()));
    if (chosen != matches.end())
        chosen_->SetLabel(u8(chosen->code) + " " + relation_text(*chosen));
    else if (matches.empty() && !text_->IsEmpty())  // said, not a silent empty list
        chosen_->SetLabel(wxString::Format(_("No relation fits \"%s\" for these two people"), text_->GetValue()));
    else
        chosen_->SetLabel(wxString());
}

void RelationPicker::disable() {
    text_->Disable();
    matches_->Disable();
}

}  // namespace gongji::ui
