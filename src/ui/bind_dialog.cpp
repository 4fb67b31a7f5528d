#include "ui/bind_dialog.h"

#include <wx/button.h>
#include <wx/intl.h>
#include <wx/msgdlg.h>
#include <wx/utils.h>
#include <wx/xrc/xmlres.h>

#include <algorithm>
#include <functional>

#include "app/citizen/rating_link.h"
#include "app/platform/errors.h"
#include "core/id_number.h"
#include "ui/bind_view_text.h"
#include "ui/customer_display.h"
#include "ui/labels.h"
#include "ui/printing.h"
#include "ui/problem_text.h"

namespace gongji::ui {
namespace {

const core::DocumentType kTypes[] = {core::DocumentType::id_card, core::DocumentType::hukou,
                                     core::DocumentType::birth_certificate, core::DocumentType::marriage_certificate,
                                     core::DocumentType::commitment_letter, core::DocumentType::other};

}  // namespace

BindDialog::BindDialog(wxWindow* parent, app::Workspace& ws, const app::Actor& actor, const std::string& authorizer,
                       std::vector<app::CardRead> reads)
    : ws_(ws), actor_(actor), form_(ws, actor, authorizer, std::move(reads)) {
    wxXmlResource::Get()->LoadDialog(this, parent, "BindDialog");
    authorizer_ = XRCCTRL(*this, "authorizer", wxTextCtrl);
    user_ = XRCCTRL(*this, "user", wxTextCtrl);
    // Enter with a relation chosen goes on to the first paper still missing.
    relation_ = std::make_unique<RelationPicker>(XRCCTRL(*this, "relation", wxTextCtrl), XRCCTRL(*this, "relation_matches", wxListBox),
                                                 XRCCTRL(*this, "relation_chosen", wxStaticText), form_, [this] { show(); },
                                                 [this] { checklist_->SetFocus(); });
    policy_ = XRCCTRL(*this, "policy", wxChoice);
    reasons_ = XRCCTRL(*this, "reasons", wxListBox);
    checklist_ = XRCCTRL(*this, "checklist", wxListBox);
    attached_ = XRCCTRL(*this, "attached", wxListBox);
    document_type_ = XRCCTRL(*this, "document_type", wxChoice);
    outcome_ = XRCCTRL(*this, "outcome", wxStaticText);
    for (const auto& p : form_.profiles()) policy_->Append(wxString::Format(_("%s (%s)"), u8(p.title), u8(p.name)));
    for (auto t : kTypes) document_type_->Append(document_type_text(t));
    document_type_->SetSelection(0);
    authorizer_->ChangeValue(u8(authorizer));
    bind_people_and_profile();
    bind_papers_and_buttons();
    SetSize(FromDIP(wxSize(660, 720)));
    title_ = GetTitle();
    (authorizer.empty() ? authorizer_ : user_)->SetFocus();  // from the card: the relative is next
    show();
    // A card read on the clerk's card that came along is said again: a differing name or an
    // expired card is not forgotten between the two windows.
    if (!form_.card_reads().empty()) {
        bool good = false;
        auto text = card_read_text(ws_, form_.card_reads().back(), good);
        if (!good) say(text, false);
    }
    reader_.start();
}

void BindDialog::bind_people_and_profile() {
    authorizer_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) {
        form_.set_authorizer(utf8(authorizer_->GetValue()));
        show();
    });
    user_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) {
        form_.set_user(utf8(user_->GetValue()));
        show();
    });
    // Enter in an ID field goes on to the next field, as the clerk reads the papers in order.
    // A scanned e-certificate token stays, said and selected: the card or the number replaces it.
    auto next = [this](wxCommandEvent& e) {
        auto* field = static_cast<wxTextCtrl*>(e.GetEventObject());
        if (core::looks_like_ecert_token(core::id_input(utf8(field->GetValue()))))
            return CallAfter([field] { field->SelectAll(); });  // once GTK is done with the key
        field->Navigate();
    };
    authorizer_->Bind(wxEVT_TEXT_ENTER, next);
    user_->Bind(wxEVT_TEXT_ENTER, next);
    policy_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
        if (policy_->GetSelection() < 0) return;
        form_.choose_profile(static_cast<size_t>(policy_->GetSelection()));
        show();
    });
}

void BindDialog::bind_papers_and_buttons() {
    // Enter (or a double click) on a paper still missing captures it.
    auto capture_chosen = [this] {
        const auto& needs = form_.view().checklist;
        int i = checklist_->GetSelection();
        if (i >= 0 && i < static_cast<int>(needs.size()) && !needs[static_cast<size_t>(i)].any_of.empty())
            capture(needs[static_cast<size_t>(i)].any_of.front());
    };
    checklist_->Bind(wxEVT_KEY_DOWN, [capture_chosen](wxKeyEvent& e) {
        if (e.GetKeyCode() == WXK_RETURN || e.GetKeyCode() == WXK_NUMPAD_ENTER) capture_chosen();
        else e.Skip();
    });
    checklist_->Bind(wxEVT_LISTBOX_DCLICK, [capture_chosen](wxCommandEvent&) { capture_chosen(); });
    auto button = [this](const char* name, std::function<void()> action) {
        XRCCTRL(*this, name, wxButton)->Bind(wxEVT_BUTTON, [action](wxCommandEvent&) { action(); });
    };
    button("submit", [this] { submit(); });
    button("print_commitment", [this] { preview(app::Paper::commitment); });
    button("print_receipt", [this] { preview(app::Paper::receipt); });
    button("print_papers", [this] { print_papers(); });
    button("scan", [this] { scan(); });
    button("signed_letter", [this] { capture(core::DocumentType::commitment_letter); });
    button("add_file", [this] { capture_.pick_file(chosen_type()); });
    button("camera", [this] { capture_.take_with_camera(chosen_type()); });
    enum { kPrintPapers = wxID_HIGHEST + 200, kPreviewPapers };
    wxAcceleratorEntry keys[] = {{wxACCEL_CTRL, 'P', kPrintPapers}, {wxACCEL_CTRL | wxACCEL_SHIFT, 'P', kPreviewPapers}};
    SetAcceleratorTable(wxAcceleratorTable(2, keys));
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { print_papers(); }, kPrintPapers);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { preview_papers(); }, kPreviewPapers);
    XRCCTRL(*this, "camera", wxButton)->Show(capture_.has_camera());  // only where one is plugged in
    capture_.accept_drops(attached_, [this] { return chosen_type(); });
    // Delete (or Backspace) takes back the paper chosen in the list, before submission.
    attached_->Bind(wxEVT_KEY_DOWN, [this](wxKeyEvent& e) {
        if (e.GetKeyCode() == WXK_DELETE || e.GetKeyCode() == WXK_BACK) remove_chosen_paper();
        else e.Skip();
    });
    // Escape, Close and the window's own close button all come here.
    Bind(wxEVT_BUTTON, &BindDialog::on_close_request, this, wxID_CANCEL);
    Bind(wxEVT_CLOSE_WINDOW, [this](wxCloseEvent& e) {
        wxCommandEvent cancel(wxEVT_BUTTON, wxID_CANCEL);
        if (e.CanVeto()) on_close_request(cancel);
        else e.Skip();
    });
}

void BindDialog::show_paper_count() {
    const auto count = form_.uploads().size();
    SetTitle(count == 0 ? title_ : title_ + L" — " + wxString::Format(_("%zu papers captured"), count));
}

void BindDialog::on_close_request(wxCommandEvent&) {
    if (half_filled()) {
        wxMessageDialog ask(this, _("Discard this application? What was typed and captured is not kept."),
                            _("New binding"), wxYES_NO | wxNO_DEFAULT | wxICON_QUESTION);
        ask.SetYesNoLabels(_("&Discard"), _("&Keep working"));
        if (ask.ShowModal() != wxID_YES) return;
    }
    if (IsModal()) EndModal(wxID_CANCEL);
    else Hide();
}

bool BindDialog::print_papers() {
    auto all = form_.papers();
    return !all.empty() && DocumentPrinter(this, ws_, actor_, all).print();
}

wxFrame* BindDialog::preview_papers() {
    auto all = form_.papers();
    return all.empty() ? nullptr : DocumentPrinter(this, ws_, actor_, all).preview();
}

wxFrame* BindDialog::preview(app::Paper kind) {
    if (!form_.case_number().empty()) {
        app::DocumentRequest request;
        request.kind = kind;
        request.case_number = form_.case_number();
        return DocumentPrinter(this, ws_, actor_, request).preview();
    }
    for (const auto& paper : form_.papers())
        if (paper.kind == kind) return DocumentPrinter(this, ws_, actor_, paper).preview();
    return nullptr;
}

core::DocumentType BindDialog::chosen_type() const { return kTypes[std::max(0, document_type_->GetSelection())]; }

void BindDialog::show_scanning(const wxString& scanning) {
    XRCCTRL(*this, "scan", wxButton)->Enable(scanning.empty());
    // Said where the clerk looks and in the title, which stays visible behind the scanner's lid.
    outcome_->SetForegroundColour(GetForegroundColour());
    outcome_->SetLabel(scanning);
    if (scanning.empty()) show_paper_count();
    else SetTitle(title_ + L" — " + scanning);
}

void BindDialog::add_upload(const app::Upload& upload) {
    try {
        form_.add_upload(upload);  // once the case is submitted, to the case (the signed letter)
    } catch (const std::exception& e) {
        say(problem_text(e, ws_), false);
        return;
    }
    show_paper_count();
    choose_next_missing_type();
    attached_->Append(wxString::Format(_("%s: %s"), document_type_text(upload.type), u8(upload.file_name)));
    attached_->SetSelection(static_cast<int>(attached_->GetCount()) - 1);  // the file just added, in view
    attached_->EnsureVisible(static_cast<int>(attached_->GetCount()) - 1);
    show();
    if (!form_.case_number().empty())
        say(wxString::Format(_("%s added to case %s"), document_type_text(upload.type), u8(form_.case_number())), true);
}

void BindDialog::remove_chosen_paper() {
    const int chosen = attached_->GetSelection();
    if (chosen == wxNOT_FOUND) return;
    const auto removed = attached_->GetString(static_cast<unsigned>(chosen));
    if (!form_.remove_upload(static_cast<size_t>(chosen)))
        return say(_("The case is submitted: its papers are removed in the case's papers, where it is recorded"), false);
    attached_->Delete(static_cast<unsigned>(chosen));
    show_paper_count();
    show();
    say(wxString::Format(_("Removed: %s"), removed), true);
}

void BindDialog::choose_next_missing_type() {
    auto next = form_.next_missing_paper();
    for (size_t i = 0; next && i < std::size(kTypes); ++i)
        if (kTypes[i] == *next) document_type_->SetSelection(static_cast<int>(i));
}

void BindDialog::card_read(const app::CardRead& read) {
    if (!form_.case_number().empty()) return;  // submitted: the case is what it was
    auto* focused = FindFocus();
    wxTextCtrl* field = focused == authorizer_ ? authorizer_ : focused == user_ ? user_ : nullptr;
    if (!field) field = authorizer_->IsEmpty() ? authorizer_ : user_->IsEmpty() ? user_ : nullptr;
    if (!field) {
        say(_("Put the cursor in the ID field the card is for, and lay the card again."), false);
        return;
    }
    form_.add_card_read(read, field == authorizer_);
    field->ChangeValue(u8(read.card.id_number));
    show();
    bool good = false;
    auto text = card_read_text(ws_, read, good);  // sets `good`: before it is passed on
    say(text, good);
    // On to what the clerk does next: the other card, then the relation.
    if (authorizer_->IsEmpty()) authorizer_->SetFocus();
    else if (user_->IsEmpty()) user_->SetFocus();
    else relation_->field()->SetFocus();
}

BindDialog::~BindDialog() {
    auto* display = CustomerDisplay::current();
    if (!display) return;
    // Nothing of this citizen stays up, but the rating request of a service done.
    std::string rating;
    try {
        if (!form_.case_number().empty()) rating = app::rating_link(ws_, actor_, form_.case_number());
    } catch (const std::exception&) {  // no rating system set up, or the database went away: none to show
    }
    display->farewell(rating);
}

void BindDialog::show_to_citizen() {
    auto* display = CustomerDisplay::current();
    if (!display) return;
    try {
        display->show(form_.case_number().empty() ? app::view_of(ws_, actor_, form_) : app::submitted_view(ws_, actor_, form_));
    } catch (const std::exception&) {  // the database went away: the clerk's screen says so
    }
}

void BindDialog::show() {
    show_to_citizen();
    const auto& view = form_.view();
    relation_->show();
    // The names beside the numbers, to compare with the ID cards on the counter.
    XRCCTRL(*this, "authorizer_name", wxStaticText)->SetLabel(u8(view.authorizer_name));
    XRCCTRL(*this, "user_name", wxStaticText)->SetLabel(u8(view.user_name));
    if (form_.profile_index()) policy_->SetSelection(static_cast<int>(*form_.profile_index()));
    XRCCTRL(*this, "print_commitment", wxButton)->Enable(form_.complete() || !form_.case_number().empty());
    XRCCTRL(*this, "print_papers", wxButton)->Enable(!form_.papers().empty());
    if (!form_.case_number().empty()) return show_checklist();  // submitted: the case is what it was judged to be
    outcome_->SetLabel("");  // what the last submission said no longer holds once anything changes
    show_reasons();
    show_checklist();
}

void BindDialog::show_reasons() {
    reasons_->Clear();
    reasons_->Append(reason_lines(form_, ws_));
}

void BindDialog::show_checklist() {
    int first_missing = wxNOT_FOUND;
    checklist_->Clear();
    checklist_->Append(checklist_lines(form_.view(), first_missing));
    if (first_missing != wxNOT_FOUND) checklist_->SetSelection(first_missing);  // Enter captures it
}

void BindDialog::say(const wxString& text, bool good) {
    show_outcome(outcome_, text, good);
    const int room = GetClientSize().GetWidth() - outcome_->GetPosition().x - 16;
    if (room > 100 && outcome_->GetTextExtent(text).GetWidth() > room) {
        outcome_->Wrap(room);
        Layout();
    }
}

bool BindDialog::submit() {
    // Submission reads the ID card scan (OCR) and stores every paper: seconds, said while it runs.
    outcome_->SetForegroundColour(GetForegroundColour());
    outcome_->SetLabel(_("Submitting..."));
    outcome_->Update();
    wxBusyCursor busy;
    auto outcome = form_.submit();
    using Kind = app::SubmitOutcome::Kind;
    if (outcome.kind == Kind::submitted) {
        say(wxString::Format(_("Case %s submitted"), u8(outcome.case_number)), true);
        show_to_citizen();  // the case number, the day it is due and the rating request
        // Submitted once: the papers can be printed now, and the case is not submitted twice.
        XRCCTRL(*this, "submit", wxButton)->Disable();
        for (wxWindow* field : std::initializer_list<wxWindow*>{authorizer_, user_, policy_}) field->Disable();
        relation_->disable();  // the case is what was submitted
        for (const char* name : {"print_commitment", "print_receipt", "print_papers"}) XRCCTRL(*this, name, wxButton)->Enable();
        XRCCTRL(*this, "print_papers", wxButton)->SetFocus();
        return true;
    }
    if (outcome.kind == Kind::check_card) {
        // The clerk looks at the card; submitting again says it was checked.
        XRCCTRL(*this, "submit", wxButton)->SetLabel(_("&Submit, the card was checked"));
        Layout();  // the longer label whole, not cut at the button's old width
    }
    say(not_submitted_text(outcome, ws_), false);  // nothing stored
    return false;
}

}  // namespace gongji::ui
