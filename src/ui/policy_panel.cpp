#include "ui/file_dialogs.h"
#include "ui/policy_panel.h"

#include <wx/intl.h>
#include <wx/xrc/xmlres.h>

#include "app/setup/policy_service.h"
#include "ui/labels.h"
#include "ui/problem_text.h"

namespace gongji::ui {

PolicyPanel::PolicyPanel(wxWindow* parent, app::Workspace& ws, const app::Actor& actor) : WorkPanel(ws), actor_(actor) {
    wxXmlResource::Get()->LoadPanel(this, parent, "PolicyPanel");
    list_ = XRCCTRL(*this, "policies", wxListBox);
    text_ = XRCCTRL(*this, "policy_text", wxTextCtrl);
    check_ = XRCCTRL(*this, "policy_check", wxStaticText);
    outcome_ = XRCCTRL(*this, "policy_outcome", wxStaticText);
    save_ = XRCCTRL(*this, "save_policy", wxButton);
    revert_ = XRCCTRL(*this, "revert_policy", wxButton);
    text_->SetFont(wxFont(wxFontInfo(10).Family(wxFONTFAMILY_TELETYPE)));
    list_->Bind(wxEVT_LISTBOX, [this](wxCommandEvent& e) { show(static_cast<size_t>(e.GetSelection())); });
    text_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { check(); });
    save_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { save(); });
    revert_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { text_->ChangeValue(u8(stored_)); check(); });
    XRCCTRL(*this, "import_policy", wxButton)->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        auto path = choose_file_to_open(this, _("Import a policy profile"), _("Policy profiles (*.json)|*.json"));
        if (!path.empty()) import_file(utf8(path));
    });
    XRCCTRL(*this, "make_default_policy", wxButton)->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { make_default(); });
    wxAcceleratorEntry keys[] = {{wxACCEL_CTRL, 'S', wxID_SAVE}};
    SetAcceleratorTable(wxAcceleratorTable(1, keys));
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { if (save_->IsEnabled()) save(); }, wxID_SAVE);
    refresh();
}

void PolicyPanel::refresh(const std::string& select) {
    list_->Clear();
    names_.clear();
    size_t chosen = 0;
    auto preferred = app::default_policy(ws_);
    for (const auto& p : app::list_policies(ws_)) {
        if (p.name == select) chosen = names_.size();
        auto versions = static_cast<int>(p.versions.size());
        auto label = wxString::Format(wxPLURAL("%s (%s), %d version", "%s (%s), %d versions", versions), u8(p.title),
                                      u8(p.name), versions);
        if (preferred && *preferred == p.name) label = wxString::Format(_("%s (offered first)"), label);
        list_->Append(label);
        names_.push_back(p.name);
    }
    if (!names_.empty()) {
        list_->SetSelection(static_cast<int>(chosen));
        show(chosen);
    }
}

void PolicyPanel::show(size_t index) {
    if (index >= names_.size()) return;
    stored_ = app::policy_document(ws_, names_[index]);
    text_->ChangeValue(u8(stored_));
    outcome_->SetLabel("");
    check();
}

bool PolicyPanel::check() {
    auto text = utf8(text_->GetValue());
    auto problem = app::policy_problem(text);
    show_outcome(check_, problem ? u8(*problem) : wxString(_("A valid profile")), !problem);
    bool edited = text != stored_;
    save_->Enable(!problem && edited);
    revert_->Enable(edited);
    Layout();
    return !problem;
}

bool PolicyPanel::make_default() {
    int i = list_->GetSelection();
    if (i == wxNOT_FOUND) return false;
    auto name = names_[static_cast<size_t>(i)];
    try {
        app::set_default_policy(ws_, actor_, name);
    } catch (const std::exception& e) {
        say(problem_text(e, ws_), false);
        return false;
    }
    refresh(name);
    say(wxString::Format(_("Profile %s is offered first at the window"), u8(name)), true);
    return true;
}

bool PolicyPanel::save() {
    try {
        auto result = app::save_policy_text(ws_, actor_, utf8(text_->GetValue()));
        refresh(result.name);
        say(wxString::Format(_("Profile %s saved"), u8(result.name)), true);
        return true;
    } catch (const std::exception& e) {
        say(problem_text(e, ws_), false);
        return false;
    }
}

bool PolicyPanel::import_file(const std::string& path) {
    try {
        auto result = app::import_policy_file(ws_, actor_, path);
        refresh(result.name);
        say(result.created ? wxString::Format(_("Profile %s imported"), u8(result.name))
                           : wxString::Format(_("Profile %s replaced: %zu new versions, %zu not yet in force changed, %zu dropped"),
                                              u8(result.name), result.revision.added.size(), result.revision.changed.size(),
                                              result.revision.dropped.size()),
            true);
        return true;
    } catch (const std::exception& e) {
        say(problem_text(e, ws_), false);
        return false;
    }
}

}  // namespace gongji::ui
