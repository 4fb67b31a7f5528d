#include "ui/review_panel.h"
#include "ui/labels.h"
#include "ui/problem_text.h"

#include <wx/choicdlg.h>
#include <wx/intl.h>
#include <wx/textdlg.h>

#include <algorithm>
#include <wx/sizer.h>
#include <wx/xrc/xmlres.h>

#include "app/cases/case_service.h"
#include "app/cases/service_states.h"
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
    ask_papers_ = XRCCTRL(*this, "ask_papers", wxButton);
    ask_papers_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { ask_papers_dialog(); });
    ask_papers_->Disable();
    offer_decisions(false);
    queue_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent& e) { select(e.GetIndex()); });
    queue_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent& e) {
        select(e.GetIndex());
        view_documents();
    });
    auto* filter = XRCCTRL(*this, "queue_filter", wxTextCtrl);
    filter->Bind(wxEVT_TEXT, [this](wxCommandEvent& e) {
        queue_->set_filter(utf8(e.GetString().Trim().Trim(false)));
        follow_selection();
    });
    XRCCTRL(*this, "queue_show", wxChoice)->Bind(wxEVT_CHOICE, [this](wxCommandEvent& e) {
        queue_->narrow(static_cast<CaseQueue::Narrowed>(std::max(0, e.GetSelection())));
        follow_selection();
    });
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

// 逾期未补正视为撤回申请: a correction unanswered past its due day ends the case, as soon as a
// supervisor's queue is looked at (and by `gongji case expire` where no desk is open).
void ReviewPanel::end_expired_corrections() {
    try {
        auto ended = app::expire_corrections(ws_, actor_);
        if (!ended.empty())
            say(wxString::Format(wxPLURAL("%zu case not given its papers by the due day was withdrawn",
                                          "%zu cases not given their papers by the due day were withdrawn", ended.size()),
                                 ended.size()),
                true);
    } catch (const std::exception&) {  // the database went away: the queue's load says so
    }
}

void ReviewPanel::refresh() {
    end_expired_corrections();
    app::CaseSearch f;
    f.limit = 100000;
    f.status = core::CaseStatus::applied;  // online, waiting to be accepted
    auto cases = app::list_case_summaries(ws_, f);
    f.status = core::CaseStatus::submitted;
    auto accepted = app::list_case_summaries(ws_, f);
    cases.insert(cases.end(), accepted.begin(), accepted.end());
    std::stable_sort(cases.begin(), cases.end(), [](const auto& a, const auto& b) { return a.waiting_since < b.waiting_since; });
    waiting_ = cases.size();
    queue_->set_cases(std::move(cases));
    if (tell_count_) tell_count_(waiting_);
    follow_selection();
}

// The case on the right is always the one highlighted in the queue as shown: one the filter hides
// (or another supervisor decided) is put away with its buttons, and the oldest shown takes its
// place, so a decision never falls on a case the supervisor cannot see.
void ReviewPanel::follow_selection() {
    const long row = selected_.empty() ? -1 : queue_->row_of(selected_);
    queue_->highlight(row);
    if (row >= 0) return;
    selected_.clear();
    detail_->SetLabel("");
    reasons_->Clear();
    for (auto* b : {approve_, reject_, ask_papers_, documents_}) b->Disable();
    // The oldest case is on screen at once, and the arrow keys move from it.
    if (queue_->GetItemCount() > 0) select(0);
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

void ReviewPanel::offer_decisions(bool application) {
    application_ = application;
    approve_->SetLabel(application ? _("&Accept") : _("&Approve"));
    reject_->SetLabel(application ? _("Do not accep&t") : _("&Reject"));
    reject_reason_->Clear();
    if (application)
        for (const auto& reason : core::kNotAcceptedReasons) reject_reason_->Append(not_accepted_reason_text(reason.value));
    else
        for (const auto& reason : core::kRejectionReasons) reject_reason_->Append(rejection_reason_text(reason.value));
    reject_reason_->SetSelection(0);
    Layout();
}

void ReviewPanel::show(const core::Case& c) {
    selected_ = c.number;
    offer_decisions(c.status == core::CaseStatus::applied);
    auto relation = c.relation ? core::find_relation(*c.relation) : std::nullopt;
    detail_->SetLabel(wxString::Format(_("Case %s (%s)\nAuthorizer: %s\nUser: %s\nRelation: %s\nDocuments: %s"), u8(c.number),
                                       case_kind_text(c.kind), person_label(ws_, c.authorizer_id), person_label(ws_, c.user_id),
                                       relation ? relation_text(*relation) : wxString(), document_list_label(c.documents)) +
                      "\n" + taken_in_text(c));
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
    ask_papers_->Enable(!c.correction);  // once in a case's life
    ask_papers_->SetToolTip(c.correction ? _("This case was asked for papers once already") : wxString());
    say(own ? _("You submitted this case: another supervisor must decide it") : wxString(), false);
}

bool ReviewPanel::decide(const std::function<void()>& decision, const wxString& done, bool decided) {
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
    if (decided) {  // accepted or asked for papers: no notice of a decision yet
        decided_ = selected_;
        decided_paper_ = application_ ? app::Paper::not_accepted : app::Paper::decision;
    }
    print_decision_->Enable(!decided_.empty());
    selected_.clear();
    reject_note_->Clear();  // a note belongs to the case it was written for
    reject_reason_->SetSelection(0);
    approve_->Disable();
    reject_->Disable();
    ask_papers_->Disable();
    documents_->Disable();
    // The notice is the decided case's, whatever the queue shows next: its button says which.
    if (!decided_.empty())
        print_decision_->SetLabel(wxString::Format(decided_paper_ == app::Paper::not_accepted ? _("Not-accepted &notice of %s...")
                                                                                              : _("Decision &notice of %s..."),
                                                   u8(decided_)));
    Layout();  // the button as wide as its new label
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
    request.kind = decided_paper_;
    request.case_number = decided_;
    return DocumentPrinter(this, ws_, actor_, request).preview();
}

bool ReviewPanel::approve() {
    if (application_)
        return decide([this] { app::accept_case(ws_, actor_, selected_); },
                      wxString::Format(_("Application %s accepted"), u8(selected_)), /*decided=*/false);
    return decide([this] { app::approve_case(ws_, actor_, selected_); },
                  wxString::Format(_("Case %s approved"), u8(selected_)));
}

bool ReviewPanel::reject() {
    const auto chosen = std::max(0, reject_reason_->GetSelection());
    auto text = reject_note_->GetValue().ToStdString(wxConvUTF8);
    const auto note = text.empty() ? std::nullopt : std::optional<std::string>(text);
    if (application_) {
        auto reason = core::kNotAcceptedReasons.rows[chosen].value;
        return decide([&] { app::refuse_case(ws_, actor_, selected_, reason, note); },
                      wxString::Format(_("Application %s not accepted"), u8(selected_)));
    }
    auto reason = core::kRejectionReasons.rows[chosen].value;
    return decide([&] { app::reject_case(ws_, actor_, selected_, reason, note); },
                  wxString::Format(_("Case %s rejected"), u8(selected_)));
}

bool ReviewPanel::ask_papers(const std::set<core::DocumentType>& missing, const std::string& note) {
    std::string due;
    auto asked = [&] { due = app::ask_correction(ws_, actor_, selected_, missing, note).correction->due.to_string(); };
    const auto number = selected_;
    if (!decide(asked, "", /*decided=*/false)) return false;
    say(wxString::Format(_("Case %s waits for the papers asked for\nuntil %s"), u8(number), u8(due)), true);
    return true;
}

// Every paper a citizen may be asked for, ticked in one list: one notice asks for all of them.
void ReviewPanel::ask_papers_dialog() {
    if (selected_.empty()) return;
    wxArrayString names;
    std::vector<core::DocumentType> types;
    for (const auto& t : core::kDocumentTypes)
        if (t.value != core::DocumentType::id_card_read) {
            names.Add(document_type_text(t.value));
            types.push_back(t.value);
        }
    wxMultiChoiceDialog choose(this, _("Tick every paper that is missing or unclear: the applicant is asked once for all of them."),
                               _("Ask for papers"), names);
    if (choose.ShowModal() != wxID_OK) return;
    std::set<core::DocumentType> missing;
    for (auto i : choose.GetSelections()) missing.insert(types[static_cast<size_t>(i)]);
    auto note = wxGetTextFromUser(_("What is wrong with them, for the notice (optional):"), _("Ask for papers"), "", this);
    ask_papers(missing, note.ToStdString(wxConvUTF8));
}

}  // namespace gongji::ui
