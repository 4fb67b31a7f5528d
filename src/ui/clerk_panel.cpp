#include "ui/clerk_panel.h"
#include "ui/labels.h"
#include "ui/problem_text.h"

#include <wx/intl.h>
#include <wx/xrc/xmlres.h>

#include "app/cases/case_service.h"
#include "app/platform/errors.h"
#include "app/setup/policy_service.h"
#include "core/id_number.h"
#include "core/masking.h"
#include "core/money.h"
#include "core/person.h"
#include "core/case_rules.h"
#include "core/relation.h"
#include "ui/bind_dialog.h"
#include "ui/period_dialog.h"
#include "ui/printing.h"

#include <wx/button.h>
#include <wx/msgdlg.h>
#include <wx/statbox.h>

#include <algorithm>
#include <map>
#include <functional>

namespace gongji::ui {

ClerkPanel::ClerkPanel(wxWindow* parent, app::Workspace& ws, const app::Actor& actor) : WorkPanel(ws), actor_(actor) {
    wxXmlResource::Get()->LoadPanel(this, parent, "ClerkPanel");
    id_entry_ = XRCCTRL(*this, "id_entry", wxTextCtrl);
    status_ = XRCCTRL(*this, "id_status", wxStaticText);
    name_ = XRCCTRL(*this, "card_name", wxStaticText);
    gender_ = XRCCTRL(*this, "card_gender", wxStaticText);
    insurance_ = XRCCTRL(*this, "card_insurance", wxStaticText);
    insured_status_ = XRCCTRL(*this, "card_status", wxStaticText);
    region_ = XRCCTRL(*this, "card_region", wxStaticText);
    balance_ = XRCCTRL(*this, "card_balance", wxStaticText);
    limits_ = XRCCTRL(*this, "card_limits", wxStaticText);
    waiting_ = XRCCTRL(*this, "card_waiting", wxStaticText);
    bindings_ = XRCCTRL(*this, "bindings", wxListCtrl);
    bindings_->AppendColumn(_("Role"), wxLIST_FORMAT_LEFT, 110);
    bindings_->AppendColumn(_("Other person"), wxLIST_FORMAT_LEFT, 220);
    bindings_->AppendColumn(_("Relation"), wxLIST_FORMAT_LEFT, 120);
    bindings_->AppendColumn(_("Status"), wxLIST_FORMAT_LEFT, 120);
    bindings_->AppendColumn(_("Order"), wxLIST_FORMAT_RIGHT, 70);
    bindings_->AppendColumn(_("Policy"), wxLIST_FORMAT_LEFT, 220);
    bindings_->AppendColumn(_("Since (until)"), wxLIST_FORMAT_LEFT, 190);
    id_entry_->Bind(wxEVT_TEXT, &ClerkPanel::on_text, this);
    // Enter on a found person goes to their bindings, ready for the arrow keys; with nobody
    // shown (the database could not be read) it looks the number up again.
    id_entry_->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) {
        // A scanned e-certificate token stays said and selected: the card or the number replaces it.
        // (Selected after GTK has finished with the key, which would clear it again.)
        if (core::looks_like_ecert_token(core::id_input(utf8(id_entry_->GetValue()))))
            return CallAfter([this] { id_entry_->SelectAll(); });
        if (person_.empty()) look_up(id_entry_->GetValue());
        if (bindings_->GetItemCount() == 0) return;
        bindings_->SetFocus();
        bindings_->SetItemState(0, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
    });
    XRCCTRL(*this, "new_binding", wxButton)->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { new_binding(); });
    XRCCTRL(*this, "usage_statement", wxButton)->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { ask_statement(); });
    unbind_reason_ = XRCCTRL(*this, "unbind_reason", wxChoice);
    outcome_ = XRCCTRL(*this, "card_outcome", wxStaticText);
    for (const auto& reason : core::kUnbindReasons) unbind_reason_->Append(unbind_reason_text(reason.value));
    unbind_reason_->SetSelection(0);
    XRCCTRL(*this, "unbind", wxButton)->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { confirm_unbind(); });
    XRCCTRL(*this, "pay_earlier", wxButton)->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { move_selected(-1); });
    XRCCTRL(*this, "pay_later", wxButton)->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { move_selected(+1); });
    XRCCTRL(*this, "renew", wxButton)->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { renew_selected(); });
    today_ = XRCCTRL(*this, "today", wxListCtrl);
    today_->AppendColumn(_("Case"), wxLIST_FORMAT_LEFT, 190);
    today_->AppendColumn(_("Time"), wxLIST_FORMAT_LEFT, 70);
    today_->AppendColumn(_("Kind"), wxLIST_FORMAT_LEFT, 130);
    today_->AppendColumn(_("User"), wxLIST_FORMAT_LEFT, 260);
    today_->AppendColumn(_("Status"), wxLIST_FORMAT_LEFT, 110);
    today_->AppendColumn(_("Clerk"), wxLIST_FORMAT_LEFT, 110);
    // Enter on one of today's cases brings its person back onto the card.
    today_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent& e) {
        auto row = static_cast<size_t>(e.GetIndex());
        if (row >= today_people_.size()) return;
        id_entry_->SetValue(u8(today_people_[row]));
        focus_id_entry();
    });
    clear_card();
    show_today();
    id_entry_->SetFocus();
    reader_.start();
}

void ClerkPanel::show_today() {
    today_->DeleteAllItems();
    today_people_.clear();
    app::CaseSearch f;
    f.date = app::china_today();
    f.workstation = actor_.workstation;
    f.limit = 200;
    std::vector<core::CaseSummary> cases;
    try {
        cases = app::list_case_summaries(ws_, f);
    } catch (const std::exception&) {  // a database that went away: the card says so when used
        return;
    }
    for (auto c = cases.rbegin(); c != cases.rend(); ++c) {
        long row = today_->InsertItem(today_->GetItemCount(), u8(c->number));
        today_->SetItem(row, 1, u8(china_minutes(c->waiting_since).substr(11, 5)));
        today_->SetItem(row, 2, case_kind_text(c->kind));
        today_->SetItem(row, 3, u8(c->user_name + " " + c->user_id));
        today_->SetItem(row, 4, case_status_text(c->kind, c->status));
        today_->SetItem(row, 5, u8(c->created_by));
        today_people_.push_back(c->user_id);
    }
    if (auto* box = XRCCTRL(*this, "today_box", wxStaticBox))
        box->SetLabel(wxString::Format(wxPLURAL("Today at this window: %zu case", "Today at this window: %zu cases", static_cast<unsigned>(cases.size())), cases.size()));
}

void ClerkPanel::on_text(wxCommandEvent& event) { look_up(event.GetString()); }

void ClerkPanel::card_read(const app::CardRead& read) {
    if (!IsShownOnScreen()) return;  // another tab, or the screen locked: nobody is served here
    id_entry_->SetValue(u8(read.card.id_number));
    last_read_ = read;  // goes with the new binding of the person on the card
    bool good = false;
    auto text = card_read_text(ws_, read, good);
    say(text, good);
    focus_id_entry();
}

void ClerkPanel::new_binding() {
    std::vector<app::CardRead> reads;
    if (last_read_ && last_read_->card.id_number == person_) reads.push_back(*last_read_);
    BindDialog dialog(this, ws_, actor_, person_, reads);
    pause_devices();
    dialog.ShowModal();
    resume_devices();
    if (!person_.empty()) look_up(wxString::FromUTF8(person_.c_str()));  // the new binding shows as pending
    show_today();
    focus_id_entry();  // the next citizen's number is typed straight away
}

const core::Binding* ClerkPanel::selected_binding() {
    long row = bindings_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    if (row < 0 || row >= static_cast<long>(rows_.size())) {
        say(_("Select a binding first"), false);
        return nullptr;
    }
    return &rows_[static_cast<size_t>(row)];
}

// Runs an action on the card; on success shows the card again (with `done`), else the reason.
bool ClerkPanel::act(const std::function<wxString()>& action) {
    auto person = person_;
    return attempt(action, [this, person] {
        look_up(u8(person));
        show_today();
    });
}

wxFrame* ClerkPanel::ask_statement() {
    if (person_.empty()) {
        say(_("Look a person up first"), false);
        return nullptr;
    }
    auto today = app::china_today();
    PeriodDialog period(this, core::CivilDate{today.year, 1, 1}, today);  // this year so far
    if (period.ShowModal() != wxID_OK) return nullptr;
    return preview_statement(period.from(), period.to());
}

wxFrame* ClerkPanel::preview_statement(const core::CivilDate& from, const core::CivilDate& to) {
    if (person_.empty()) {
        say(_("Look a person up first"), false);
        return nullptr;
    }
    // Whose money it was for an authorizer, what paid for a user.
    app::DocumentRequest request;
    request.kind = app::Paper::statement;
    bool authorizer = std::any_of(rows_.begin(), rows_.end(), [&](const auto& b) { return b.authorizer_id == person_; });
    (authorizer ? request.authorizer : request.user) = person_;
    request.from = from;
    request.to = to;
    return DocumentPrinter(this, ws_, actor_, request).preview();
}

bool ClerkPanel::unbind_selected(std::string* case_number) {
    const auto* b = selected_binding();
    if (!b) return false;
    auto binding = *b;
    auto reason = core::kUnbindReasons.rows[std::max(0, unbind_reason_->GetSelection())].value;
    return act([&] {
        auto c = app::unbind(ws_, actor_, binding.authorizer_id, binding.user_id, reason);
        if (case_number) *case_number = c.number;
        return wxString::Format(_("Binding ended (case %s)"), u8(c.number));
    });
}

void ClerkPanel::confirm_unbind() {
    const auto* b = selected_binding();
    if (!b) {
        say(_("Choose the binding to end in the list first"), false);
        return;
    }
    auto name = [this](const std::string& id) {
        auto found = names_.find(id);
        return found != names_.end() ? u8(found->second) : u8(core::mask_id_number(id));
    };
    auto reason = core::kUnbindReasons.rows[std::max(0, unbind_reason_->GetSelection())].value;
    wxMessageDialog ask(this,
                        wxString::Format(_("End the mutual-aid binding %s -> %s (%s)?"), name(b->authorizer_id),
                                         name(b->user_id), unbind_reason_text(reason)),
                        _("Unbind"), wxYES_NO | wxNO_DEFAULT | wxICON_QUESTION);
    ask.SetYesNoLabels(_("&End it"), _("&Keep it"));
    if (ask.ShowModal() != wxID_YES) return;
    std::string number;
    if (!unbind_selected(&number)) return;
    wxMessageDialog offer(this, _("Print the unbinding notice for the citizen to take home?"), _("Unbind"),
                          wxYES_NO | wxYES_DEFAULT | wxICON_INFORMATION);
    offer.SetYesNoLabels(_("&Print preview"), _("&Not now"));
    if (offer.ShowModal() != wxID_YES) return;
    app::DocumentRequest notice;
    notice.kind = app::Paper::unbind;
    notice.case_number = number;
    DocumentPrinter(this, ws_, actor_, notice).preview();
}

bool ClerkPanel::move_selected(int by) {
    const auto* b = selected_binding();
    if (!b) return false;
    if (b->user_id != person_ || !b->is_open()) {
        say(_("Choose one of this person's own bindings as user: the order is the user's"), false);
        return false;
    }
    // The user's open bindings in their present order, the selected one moved by one place.
    std::vector<core::Binding> open;
    for (const auto& r : rows_)
        if (r.user_id == person_ && r.is_open()) open.push_back(r);
    std::stable_sort(open.begin(), open.end(), [](const auto& x, const auto& y) { return x.deduction_order < y.deduction_order; });
    auto at = std::find_if(open.begin(), open.end(), [&](const auto& r) { return r.id == b->id; }) - open.begin();
    auto to = at + by;
    if (to < 0 || to >= static_cast<long>(open.size())) {
        say(by < 0 ? _("It already pays first") : _("It already pays last"), false);
        return false;
    }
    std::swap(open[static_cast<size_t>(at)], open[static_cast<size_t>(to)]);
    std::vector<std::string> order;
    for (const auto& r : open) order.push_back(r.authorizer_id);
    long long moved = b->id;
    bool ok = act([&] {
        auto c = app::reorder(ws_, actor_, person_, order);
        return wxString::Format(_("Deduction order changed (case %s)"), u8(c.number));
    });
    for (size_t row = 0; ok && row < rows_.size(); ++row)  // keep the moved binding selected
        if (rows_[row].id == moved) bindings_->SetItemState(static_cast<long>(row), wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
    return ok;
}

bool ClerkPanel::renew_selected() {
    const auto* b = selected_binding();
    if (!b) return false;
    if (!b->legacy || !b->is_active()) {
        say(_("Only an active binding made under the old rules is renewed"), false);
        return false;
    }
    auto binding = *b;
    return act([&] {
        auto c = app::submit_rebind(ws_, actor_, binding.authorizer_id, binding.user_id, {});
        return wxString::Format(_("Renewal submitted for review (case %s)"), u8(c.number));
    });
}

void ClerkPanel::show_limits(const app::PersonCard& card) {
    // "As authorizer 7 of 7 (full) · as user 0 of 1", against the agency's own profile.
    bool known = card.limits_policy.has_value();  // else no profile governs there: counts only
    auto part = [known](const wxString& role, int open, const std::optional<int>& max) {
        if (!known) return wxString::Format("%s %d", role, open);
        if (!max) return wxString::Format(_("%s %d (no limit)"), role, open);
        return open >= *max ? wxString::Format(_("%s %d of %d (full)"), role, open, *max)
                            : wxString::Format(_("%s %d of %d"), role, open, *max);
    };
    bool full = (card.max_users_per_authorizer && card.open_as_authorizer >= *card.max_users_per_authorizer) ||
                (card.max_authorizers_per_user && card.open_as_user >= *card.max_authorizers_per_user);
    wxString text = part(_("as authorizer"), card.open_as_authorizer, card.max_users_per_authorizer) + u8(" · ") +
                    part(_("as user"), card.open_as_user, card.max_authorizers_per_user);
    if (card.limits_policy) text = wxString::Format(_("%s (%s)"), text, u8(*card.limits_policy));
    limits_->SetForegroundColour(full ? wxColour(170, 30, 30) : GetForegroundColour());
    limits_->SetLabel(text);
    wxString waiting;
    for (const auto& c : card.waiting_cases) {
        auto relation = c.relation ? core::find_relation(*c.relation) : std::nullopt;
        waiting += (waiting.empty() ? wxString() : wxString(u8("；"))) + u8(c.number) + " " + case_kind_text(c.kind) +
                   (relation ? " " + relation_text(*relation) : wxString()) + " " + u8(china_minutes(c.submitted_at).substr(0, 10));
    }
    waiting_->SetLabel(waiting.empty() ? _("none") : waiting);
}

void ClerkPanel::clear_card() {
    person_.clear();
    rows_.clear();
    if (outcome_) outcome_->SetLabel("");
    for (auto* t : {name_, gender_, insurance_, insured_status_, region_, balance_, limits_, waiting_}) t->SetLabel(u8("—"));
    bindings_->DeleteAllItems();
}

void ClerkPanel::look_up(const wxString& text) {
    clear_card();
    // Pasted with a line end, scanned with an Enter, or typed in full-width digits: the same number.
    std::string typed = core::id_input(utf8(text));
    if (typed.empty()) {
        status_->SetLabel("");
        return;
    }
    if (core::looks_like_ecert_token(typed)) {  // said as it comes; Enter selects it to type over
        show_outcome(status_, ecert_token_text(), false);
        return;
    }
    // Checked as it is typed: the first error says why the number cannot be right.
    auto check = core::check_id_number(typed, app::china_today(), &ws_.regions());
    auto length = core::character_count(typed);
    if (length < 15 || (length > 15 && length < 18)) {
        status_->SetForegroundColour(wxColour(90, 90, 90));
        status_->SetLabel(wxString::Format(_("%zu characters typed"), length));
        return;
    }
    if (!check.valid) {
        show_outcome(status_, wxString::Format(_("Not a valid ID number: %s"), id_error_text(check.errors.front().code, check.errors.front().params)), false);
        return;
    }
    wxString valid = _("Valid ID number");
    for (const auto& w : check.warnings)
        valid = w.code == "upgraded" ? wxString::Format(_("Valid: the old 15-digit number is now %s"), u8(check.normalized))
                                     : _("Valid ID number, but its region code is not in the code table");
    show_outcome(status_, valid, true);
    // What was pasted or scanned is shown as the number it is (no line end, no spaces).
    if (check.normalized.size() == 18 && utf8(id_entry_->GetValue()) != typed && typed == check.normalized) {
        id_entry_->ChangeValue(u8(typed));
        id_entry_->SetInsertionPointEnd();
    }
    try {
        auto card = app::person_card(ws_, actor_, check.normalized);
        const auto& p = card.person;
        person_ = p.id_number;
        name_->SetLabel(u8(p.name));
        gender_->SetLabel(wxString::Format("%s / %d", p.gender == core::Gender::male ? _("male") : _("female"),
                                           p.birth_date.years_until(app::china_today())));
        insurance_->SetLabel(insurance_type_text(p.insurance_type) + " (" + u8(p.insurance_type) + ")");
        insured_status_->SetLabel(insurance_status_text(p.status));
        auto region = ws_.regions().find(p.pooling_region);
        region_->SetLabel(u8(p.pooling_region) + (region ? " " + u8(region->name) : wxString()));
        balance_->SetLabel(yuan_text(p.balance_fen));
        names_ = card.names;
        names_[p.id_number] = p.name;
        std::map<std::string, std::string> policy_titles;
        for (const auto& p : app::list_policies(ws_)) policy_titles[p.name] = p.title;
        auto add = [&](const core::Binding& b, bool as_authorizer) {
            const auto& other = as_authorizer ? b.user_id : b.authorizer_id;
            auto other_name = card.names.find(other);
            auto relation = core::find_relation(b.relation);
            long row = bindings_->InsertItem(bindings_->GetItemCount(), as_authorizer ? _("authorizer") : _("user"));
            rows_.push_back(b);
            bindings_->SetItem(row, 1, (other_name != card.names.end() ? u8(other_name->second) + " " : wxString()) + u8(other));
            // The relation is the user's to the authorizer: on the user's own card it says so.
            const wxString relation_name = relation ? relation_text(*relation) : u8(b.relation);
            bindings_->SetItem(row, 2, as_authorizer ? relation_name
                                                     : wxString::Format(_("this person is their %s"), relation_name));
            bindings_->SetItem(row, 3, binding_status_text(b));
            bindings_->SetItem(row, 4, wxString::Format("%d", b.deduction_order));
            auto title = policy_titles.find(b.policy);
            bindings_->SetItem(row, 5, u8(title == policy_titles.end() ? b.policy : title->second));
            // Active from its approval, pending since it was submitted; an ended one with both ends.
            auto day = [](const std::optional<core::Instant>& t) { return u8(china_minutes(t).substr(0, 10)); };
            auto since = b.since ? b.since : std::optional(b.created_at);
            bindings_->SetItem(row, 6, b.is_open() ? day(b.is_active() ? b.since : std::optional(b.created_at))
                                                   : wxString::Format(_("%s (until %s)"), day(since), day(b.until)));
        };
        show_limits(card);
        for (const auto& b : card.as_authorizer) add(b, true);
        for (const auto& b : card.as_user) add(b, false);
        // One binding on the card: it is the one the clerk acts on (Alt+U asks before it ends).
        if (rows_.size() == 1) bindings_->SetItemState(0, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
    } catch (const app::BadInput&) {
        show_outcome(status_, _("Not in the insurance roster"), false);
    } catch (const std::exception& e) {  // the database went away: say so, keep what was typed
        clear_card();
        const wxString why = problem_text(e, ws_);  // a lost connection says all by itself
        show_outcome(status_, ws_.connection_lost() ? why : wxString::Format(_("The database cannot be read: %s"), why),
                     false);
    }
    Layout();
}

}  // namespace gongji::ui
