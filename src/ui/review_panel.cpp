#include "ui/review_panel.h"
#include "ui/labels.h"
#include "ui/problem_text.h"

#include <wx/intl.h>

#include <algorithm>
#include <wx/sizer.h>
#include <wx/xrc/xmlres.h>

#include "app/cases/case_service.h"
#include "app/platform/errors.h"
#include "core/case_rules.h"
#include "core/instant.h"
#include "core/relation.h"
#include "app/cases/captured_papers.h"
#include "ui/document_viewer.h"
#include "ui/printing.h"

namespace gongji::ui {

ReviewPanel::ReviewPanel(wxWindow* parent, app::Workspace& ws, const app::Actor& actor) : WorkPanel(ws), actor_(actor) {
    wxXmlResource::Get()->LoadPanel(this, parent, "ReviewPanel");
    queue_ = new CaseQueue(this, wxXmlResource::GetXRCID("queue"));
    wxXmlResource::Get()->AttachUnknownControl("queue", queue_, this);
    detail_ = XRCCTRL(*this, "detail", wxStaticText);
    outcome_ = XRCCTRL(*this, "review_outcome", wxStaticText);
    reasons_ = XRCCTRL(*this, "review_reasons", wxListBox);
    approve_ = XRCCTRL(*this, "approve", wxButton);
    reject_ = XRCCTRL(*this, "reject", wxButton);
    reject_reason_ = XRCCTRL(*this, "reject_reason", wxChoice);
    reject_note_ = XRCCTRL(*this, "reject_note", wxTextCtrl);
    for (const auto& reason : core::kRejectionReasons) reject_reason_->Append(rejection_reason_text(reason.value));
    reject_reason_->SetSelection(0);
    queue_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent& e) { select(e.GetIndex()); });
    queue_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent& e) {
        select(e.GetIndex());
        view_documents();
    });
    auto* filter = XRCCTRL(*this, "queue_filter", wxTextCtrl);
    filter->Bind(wxEVT_TEXT, [this](wxCommandEvent& e) { queue_->set_filter(utf8(e.GetString().Trim().Trim(false))); });
    approve_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { approve(); });
    print_decision_ = XRCCTRL(*this, "print_decision", wxButton);
    print_decision_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { preview_decision(); });
    documents_ = XRCCTRL(*this, "view_documents", wxButton);
    documents_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { view_documents(); });
    reject_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { reject(); });
    approve_->Disable();
    reject_->Disable();
    refresh();
}

void ReviewPanel::refresh() {
    app::CaseSearch f;
    f.status = core::CaseStatus::submitted;
    f.limit = 100000;
    auto cases = app::list_case_summaries(ws_, f);
    waiting_ = cases.size();
    queue_->set_cases(std::move(cases));
    if (tell_count_) tell_count_(waiting_);
    // The oldest case is on screen at once, and the arrow keys move from it.
    if (selected_.empty() && queue_->GetItemCount() > 0) select(0);
}

void ReviewPanel::focus_queue() { queue_->SetFocus(); }

void ReviewPanel::view_documents() {
    if (selected_.empty() || !documents_->IsEnabled()) return;
    DocumentViewer viewer(this, ws_, actor_, selected_);
    viewer.ShowModal();
    if (approve_->IsEnabled()) approve_->SetFocus();  // looked at: the decision is next
}

void ReviewPanel::select(long row) {
    const auto* summary = queue_->at(row);
    if (!summary) return;
    if (!(queue_->GetItemState(row, wxLIST_STATE_SELECTED) & wxLIST_STATE_SELECTED)) {  // chosen by keyboard shortcut or test
        queue_->SetItemState(row, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
        queue_->EnsureVisible(row);
        if (selected_ == summary->number) return;  // the selection event has shown it already
    }
    try {
        show(app::find_case(ws_, summary->number));
    } catch (const std::exception& e) {
        say(problem_text(e, ws_), false);
    }
}

// The ID cards read at the window for the case: whose, by whom, when; an expired one said.
void ReviewPanel::show_card_reads(const core::Case& c) {
    std::vector<core::CaseCardRead> reads;
    try {
        reads = app::card_reads_of(ws_, c.id);
    } catch (const std::exception&) {  // the database went away: the eligibility line says so
    }
    if (reads.empty()) return;
    wxString list;
    for (const auto& r : reads) {
        auto one = wxString::Format(_("%s by %s at %s"), u8(r.name_on_card), u8(r.read_by), u8(china_minutes(r.read_at)));
        if (r.expired) one += _(" (expired)");
        list += (list.empty() ? wxString() : _(", ")) + one;
    }
    detail_->SetLabel(detail_->GetLabel() + "\n" + wxString::Format(_("ID cards read at the window: %s"), list));
}

void ReviewPanel::show(const core::Case& c) {
    selected_ = c.number;
    auto relation = c.relation ? core::find_relation(*c.relation) : std::nullopt;
    detail_->SetLabel(wxString::Format(_("Case %s (%s)\nAuthorizer: %s\nUser: %s\nRelation: %s\nDocuments: %s\nSubmitted by %s at %s"),
                                       u8(c.number), case_kind_text(c.kind), person_label(ws_, c.authorizer_id),
                                       person_label(ws_, c.user_id), relation ? relation_text(*relation) : wxString(),
                                       document_list_label(c.documents), u8(c.created_by),
                                       u8(china_minutes(c.submitted_at))));
    show_card_reads(c);
    reasons_->Clear();
    if (c.policy && c.authorizer_id && c.relation) {
        try {
            auto r = app::approval_verdict(ws_, c);
            if (r.eligible) reasons_->Append(_("Eligible"));
            for (const auto& reason : r.reasons) reasons_->Append(reason_text(reason, r.documents_needed));
        } catch (const std::exception& e) {
            reasons_->Append(problem_text(e, ws_));
        }
    }
    documents_->Enable(!app::list_documents(ws_, c.number).empty());
    bool own = !core::may_decide(c.created_by, actor_.username);
    approve_->Enable(!own);
    approve_->SetToolTip(own ? _("You submitted this case: another supervisor must decide it") : wxString());
    reject_->Enable(!own);
    say(own ? _("You submitted this case: another supervisor must decide it") : wxString(), false);
}

bool ReviewPanel::decide(const std::function<void()>& decision, const wxString& done) {
    if (selected_.empty()) return false;
    try {
        decision();
    } catch (const app::NotEligible& e) {  // said with why, and what the supervisor can do instead
        const auto& result = e.result();
        wxString why;
        for (const auto& reason : result.reasons)
            why += (why.empty() ? wxString() : _("; ")) + reason_text(reason, result.documents_needed);
        say(wxString::Format(_("Not eligible: %s. Reject the case with a reason, or the clerk adds what is missing."), why),
            false);
        return false;
    } catch (const std::exception& e) {  // a refusal (four-eyes, already decided, …) or bad input
        say(problem_text(e, ws_), false);
        return false;
    }
    say(done, true);
    decided_ = selected_;
    print_decision_->Enable();
    selected_.clear();
    reject_note_->Clear();  // a note belongs to the case it was written for
    reject_reason_->SetSelection(0);
    approve_->Disable();
    reject_->Disable();
    documents_->Disable();
    // The notice is the decided case's, whatever the queue shows next: its button says which.
    print_decision_->SetLabel(wxString::Format(_("Decision &notice of %s..."), u8(decided_)));
    refresh();
    say(done, true);  // still said once the next case is on screen
    // The keyboard goes on to the next case (the decision buttons it was on are disabled now):
    // Enter opens its papers, as it did for this one.
    if (!selected_.empty()) focus_queue();
    return true;
}

wxFrame* ReviewPanel::preview_decision() {
    if (decided_.empty()) return nullptr;
    app::DocumentRequest request;
    request.kind = app::Paper::decision;
    request.case_number = decided_;
    return DocumentPrinter(this, ws_, actor_, request).preview();
}

bool ReviewPanel::approve() {
    return decide([this] { app::approve_case(ws_, actor_, selected_); },
                  wxString::Format(_("Case %s approved"), u8(selected_)));
}

bool ReviewPanel::reject() {
    auto reason = core::kRejectionReasons.rows[std::max(0, reject_reason_->GetSelection())].value;
    auto note = reject_note_->GetValue().ToStdString(wxConvUTF8);
    return decide(
        [&] {
            app::reject_case(ws_, actor_, selected_, reason, note.empty() ? std::nullopt : std::optional<std::string>(note));
        },
        wxString::Format(_("Case %s rejected"), u8(selected_)));
}

}  // namespace gongji::ui
