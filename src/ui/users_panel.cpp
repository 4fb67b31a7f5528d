#include "ui/users_panel.h"

#include <wx/button.h>
#include <wx/intl.h>
#include <wx/textdlg.h>
#include <wx/xrc/xmlres.h>

#include "app/platform/clock.h"
#include "app/trust/duties.h"
#include "ui/labels.h"
#include "ui/problem_text.h"

namespace gongji::ui {
namespace {

constexpr core::Role kRoles[] = {core::Role::clerk, core::Role::supervisor, core::Role::admin};

}  // namespace

UsersPanel::UsersPanel(wxWindow* parent, app::Workspace& ws, const app::Actor& actor) : WorkPanel(ws), actor_(actor) {
    wxXmlResource::Get()->LoadPanel(this, parent, "UsersPanel");
    users_ = XRCCTRL(*this, "users", wxListCtrl);
    username_ = XRCCTRL(*this, "new_username", wxTextCtrl);
    password_ = XRCCTRL(*this, "new_password", wxTextCtrl);
    role_ = XRCCTRL(*this, "new_role", wxChoice);
    outcome_ = XRCCTRL(*this, "users_outcome", wxStaticText);
    users_->AppendColumn(_("User name"), wxLIST_FORMAT_LEFT, 180);
    users_->AppendColumn(_("Full name"), wxLIST_FORMAT_LEFT, 140);
    users_->AppendColumn(_("Role"), wxLIST_FORMAT_LEFT, 140);
    users_->AppendColumn(_("State"), wxLIST_FORMAT_LEFT, 260);
    users_->AppendColumn(_("Since"), wxLIST_FORMAT_LEFT, 160);
    for (auto r : kRoles) role_->Append(role_text(r));
    role_->SetSelection(0);
    XRCCTRL(*this, "add_user", wxButton)->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { add_user(); });
    password_->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { add_user(); });
    XRCCTRL(*this, "disable_user", wxButton)->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { set_selected_disabled(true); });
    XRCCTRL(*this, "enable_user", wxButton)->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { set_selected_disabled(false); });
    XRCCTRL(*this, "reset_password", wxButton)->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        auto user = selected_user();
        if (user.empty()) return;
        wxPasswordEntryDialog ask(this, wxString::Format(_("New password for %s:"), u8(user)), _("Reset password"));
        if (ask.ShowModal() == wxID_OK) reset_selected_password(utf8(ask.GetValue()));
    });
    refresh();
}

void UsersPanel::refresh() {
    users_->DeleteAllItems();
    names_.clear();
    const bool separate = app::duties_separated(ws_);
    for (const auto& u : app::list_users(ws_, actor_)) {
        long row = users_->InsertItem(users_->GetItemCount(), u8(u.username));
        users_->SetItem(row, 1, u8(u.full_name));
        users_->SetItem(row, 2, role_text(u.role, separate ? app::account_duty(u) : core::Duty::all));
        wxString state = u.disabled ? _("disabled") : _("active");
        if (u.locked_until && *u.locked_until > app::now())
            state = u.locked_at == "*"  // the account's count over all windows
                        ? wxString::Format(_("locked at every window until %s"), u8(china_minutes(u.locked_until)))
                        : wxString::Format(_("locked at %s until %s"), u8(u.locked_at), u8(china_minutes(u.locked_until)));
        users_->SetItem(row, 3, state);
        users_->SetItem(row, 4, u8(china_minutes(u.created_at)));
        names_.push_back(u.username);
    }
}

std::string UsersPanel::selected_user() {
    long row = users_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    if (row < 0 || row >= static_cast<long>(names_.size())) {
        say(_("Select a user first"), false);
        return "";
    }
    return names_[static_cast<size_t>(row)];
}

bool UsersPanel::act(const std::function<wxString()>& action) { return attempt(action, [this] { refresh(); }); }

bool UsersPanel::add_user() {
    auto name = utf8(username_->GetValue().Trim().Trim(false));
    auto role = kRoles[std::max(0, role_->GetSelection())];
    auto password = utf8(password_->GetValue());
    auto* full_name_field = XRCCTRL(*this, "new_full_name", wxTextCtrl);
    auto full_name = utf8(full_name_field->GetValue().Trim().Trim(false));
    return act([&] {
        app::require_role(actor_, {core::Role::admin});
        app::add_user(ws_, actor_.username, name, role, password, full_name);
        username_->Clear();
        full_name_field->Clear();
        password_->Clear();
        username_->SetFocus();
        return wxString::Format(_("User %s added"), u8(name));
    });
}

bool UsersPanel::set_selected_disabled(bool disabled) {
    auto user = selected_user();
    if (user.empty()) return false;
    return act([&] {
        app::set_user_disabled(ws_, actor_, user, disabled);
        return wxString::Format(disabled ? _("User %s disabled") : _("User %s enabled"), u8(user));
    });
}

bool UsersPanel::reset_selected_password(const std::string& password) {
    auto user = selected_user();
    if (user.empty()) return false;
    return act([&] {
        app::reset_password(ws_, actor_, user, password);
        return wxString::Format(_("Password of %s set anew"), u8(user));
    });
}

}  // namespace gongji::ui
