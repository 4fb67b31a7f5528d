#include "ui/case_search_panel.h"

#include "app/cases/service_states.h"

#include <wx/intl.h>
#include <wx/msgdlg.h>
#include <wx/xrc/xmlres.h>

#include <algorithm>

#include "core/relation.h"
#include "ui/labels.h"
#include "ui/problem_text.h"
#include "ui/printing.h"

namespace gongji::ui {
namespace {

// What the status choice offers after "any status".
constexpr core::CaseStatus kStatuses[] = {core::CaseStatus::applied,  core::CaseStatus::submitted,
                                          core::CaseStatus::correction, core::CaseStatus::approved,
                                          core::CaseStatus::rejected, core::CaseStatus::not_accepted,
                                          core::CaseStatus::withdrawn};
constexpr std::size_t kShown = 1000;  // a search lists at most this many

}  // namespace

CaseSearchPanel::CaseSearchPanel(wxWindow* parent, app::Workspace& ws, const app::Actor& actor) : WorkPanel(ws), actor_(actor) {
    wxXmlResource::Get()->LoadPanel(this, parent, "CaseSearchPanel");
    number_ = XRCCTRL(*this, "search_number", wxTextCtrl);
    person_ = XRCCTRL(*this, "search_person", wxTextCtrl);
    date_ = XRCCTRL(*this, "search_date", wxDatePickerCtrl);
    status_ = XRCCTRL(*this, "search_status", wxChoice);
    detail_ = XRCCTRL(*this, "search_detail", wxStaticText);
    outcome_ = XRCCTRL(*this, "search_outcome", wxStaticText);
    results_ = new CaseQueue(this, wxXmlResource::GetXRCID("results"));
    wxXmlResource::Get()->AttachUnknownControl("results", results_, this);
    date_->SetValue(wxInvalidDateTime);  // no day chosen: any day
    status_->Append(_("any status"));
    for (auto s : kStatuses) status_->Append(case_status_text(s));
    status_->SetSelection(0);

    auto run = [this](wxCommandEvent&) { search(); };
    XRCCTRL(*this, "search", wxButton)->Bind(wxEVT_BUTTON, run);
    number_->Bind(wxEVT_TEXT_ENTER, run);
    person_->Bind(wxEVT_TEXT_ENTER, run);
    results_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent& e) { select(e.GetIndex()); });
    struct Reprint {
        const char* button;
        app::Paper kind;
        wxButton** field;
    };
    for (auto [button, kind, field] : {Reprint{"reprint_receipt", app::Paper::receipt, &receipt_},
                                       Reprint{"reprint_commitment", app::Paper::commitment, &commitment_},
                                       Reprint{"reprint_decision", app::Paper::decision, &decision_},
                                       Reprint{"reprint_unbind", app::Paper::unbind, &unbind_},
                                       Reprint{"reprint_correction", app::Paper::correction, &correction_},
                                       Reprint{"reprint_not_accepted", app::Paper::not_accepted, &not_accepted_},
                                       Reprint{"reprint_delivery", app::Paper::delivery, &delivery_}}) {
        *field = XRCCTRL(*this, button, wxButton);
        (*field)->Disable();
        (*field)->Bind(wxEVT_BUTTON, [this, k = kind](wxCommandEvent&) { reprint(k); });
    }
    withdraw_ = XRCCTRL(*this, "withdraw_case", wxButton);
    withdraw_->Disable();
    // Asked with the action's own words on the buttons (GTK's Yes and No follow the system's
    // language, not the one chosen for the desk).
    withdraw_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (selected_ && confirm(wxString::Format(_("Withdraw case %s? Its pending binding is dropped."), u8(selected_->number)),
                                 _("Withdraw"), _("Wit&hdraw it"), _("&Keep it")))
            withdraw_selected();
    });
    bring_ = XRCCTRL(*this, "bring_papers", wxButton);
    bring_->Disable();
    bring_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { bring_papers(); });
    deliver_ = XRCCTRL(*this, "mark_delivered", wxButton);
    deliver_->Disable();
    deliver_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (selected_ && confirm(wxString::Format(_("Has the applicant of case %s received its decision and signed the "
                                                    "delivery receipt?"),
                                                  u8(selected_->number)),
                                 _("Delivered"), _("&Yes, record it"), _("&Not yet")))
            deliver_selected();
    });
}

bool CaseSearchPanel::confirm(const wxString& question, const wxString& title, const wxString& yes, const wxString& no) {
    wxMessageDialog ask(this, question, title, wxYES_NO | wxNO_DEFAULT | wxICON_QUESTION);
    ask.SetYesNoLabels(yes, no);
    return ask.ShowModal() == wxID_YES;
}

long CaseSearchPanel::search() {
    app::CaseSearch s;
    auto number = utf8(number_->GetValue().Trim().Trim(false)), person = utf8(person_->GetValue().Trim().Trim(false));
    if (!number.empty()) s.number = number;
    if (!person.empty()) s.person = person;
    if (date_->GetValue().IsValid()) {
        auto d = date_->GetValue();
        s.date = core::CivilDate{d.GetYear(), static_cast<int>(d.GetMonth()) + 1, d.GetDay()};
    }
    if (int i = status_->GetSelection(); i > 0) s.status = kStatuses[i - 1];
    selected_.reset();
    detail_->SetLabel("");
    for (auto* b : {receipt_, commitment_, decision_, unbind_, withdraw_, correction_, not_accepted_, delivery_, deliver_, bring_})
        b->Disable();
    brought_.clear();
    s.limit = kShown + 1;  // one more tells that there are more
    std::vector<core::CaseSummary> cases;
    try {
        cases = app::list_case_summaries(ws_, s);
    } catch (const std::exception& e) {
        results_->set_cases({});
        say(problem_text(e, ws_), false);
        return -1;
    }
    bool more = cases.size() > kShown;
    if (more) cases.resize(kShown);
    results_->set_cases(std::move(cases));
    long found = results_->GetItemCount();
    if (more)
        say(wxString::Format(_("The first %ld cases; narrow the search to see the rest"), found), false);
    else
        say(found == 0 ? _("No case found") : wxString::Format(wxPLURAL("%ld case found", "%ld cases found", static_cast<unsigned>(found)), found), found > 0);
    if (found > 0) {
        results_->SetItemState(0, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
        select(0);
    }
    return found;
}

void CaseSearchPanel::select(long row) {
    const auto* summary = results_->at(row);
    if (!summary) return;
    try {
        selected_ = app::find_case(ws_, summary->number);
    } catch (const std::exception& e) {
        say(problem_text(e, ws_), false);
        return;
    }
    const auto& c = *selected_;
    auto relation = c.relation ? core::find_relation(*c.relation) : std::nullopt;
    // Where it came from as the review queue says it: an application made online was never
    // "taken in by online-wechat" (a trial read that of one refused before acceptance).
    detail_->SetLabel(wxString::Format(_("Case %s: %s, %s\nAuthorizer: %s   User: %s   Relation: %s"), u8(c.number),
                                       case_kind_text(c.kind), case_status_text(c.kind, c.status),
                                       person_label(ws_, c.authorizer_id), person_label(ws_, c.user_id),
                                       relation ? relation_text(*relation) : u8("—")) +
                      "\n" + taken_in_text(c));
    receipt_->Enable(app::case_has_document(c, app::Paper::receipt));
    commitment_->Enable(app::case_has_document(c, app::Paper::commitment));
    decision_->Enable(app::case_has_document(c, app::Paper::decision));
    unbind_->Enable(app::case_has_document(c, app::Paper::unbind));
    correction_->Enable(app::case_has_document(c, app::Paper::correction));
    not_accepted_->Enable(app::case_has_document(c, app::Paper::not_accepted));
    delivery_->Enable(app::case_has_document(c, app::Paper::delivery));
    deliver_->Enable(app::case_has_document(c, app::Paper::delivery) && !c.delivered_at);
    withdraw_->Enable(c.status == core::CaseStatus::submitted);
    bring_->Enable(c.status == core::CaseStatus::correction);
    brought_.clear();  // papers belong to the case they were brought for
    Layout();
}

bool CaseSearchPanel::withdraw_selected() {
    if (!selected_) return false;
    auto number = selected_->number;
    try {
        app::withdraw_case(ws_, actor_, number);
    } catch (const std::exception& e) {  // not one's own (a clerk), or decided meanwhile
        say(problem_text(e, ws_), false);
        return false;
    }
    search_again_on(number);
    say(wxString::Format(_("Case %s withdrawn"), u8(number)), true);
    return true;
}

bool CaseSearchPanel::deliver_selected() {
    if (!selected_) return false;
    const auto number = selected_->number;
    try {
        app::deliver_case(ws_, actor_, number, "window");
    } catch (const std::exception& e) {  // delivered meanwhile, at another window or by its channel
        say(problem_text(e, ws_), false);
        return false;
    }
    search_again_on(number);
    say(wxString::Format(_("The decision of case %s is recorded as delivered"), u8(number)), true);
    return true;
}

void CaseSearchPanel::search_again_on(const std::string& number) {
    search();
    const long row = results_->row_of(number);  // where it is now, when the search still finds it
    if (row < 0) return;
    results_->highlight(row);
    select(row);
}

std::optional<core::DocumentType> CaseSearchPanel::next_paper_due() const {
    if (!selected_ || !selected_->correction) return std::nullopt;
    for (auto type : selected_->correction->missing)
        if (std::none_of(brought_.begin(), brought_.end(), [type](const app::Upload& u) { return u.type == type; }))
            return type;
    return std::nullopt;
}

void CaseSearchPanel::bring_papers() {
    if (!selected_ || selected_->status != core::CaseStatus::correction || capture_.scanning()) return;
    brought_.clear();
    if (auto type = next_paper_due()) capture_.capture(*type);
    else answer_correction();  // asked for nothing but a note: the applicant answered it
}

void CaseSearchPanel::paper_brought(const app::Upload& paper) {
    if (!selected_ || selected_->status != core::CaseStatus::correction) return;
    brought_.push_back(paper);
    if (auto next = next_paper_due()) {
        say(wxString::Format(_("%s captured; next: %s"), document_type_text(paper.type), document_type_text(*next)), true);
        capture_.capture(*next);
    } else {
        answer_correction();
    }
}

bool CaseSearchPanel::answer_correction() {
    const auto number = selected_->number;
    std::vector<app::Upload> papers;
    papers.swap(brought_);
    try {
        const auto limits = app::document_limits(ws_);
        std::vector<app::CheckedPaper> checked;
        for (const auto& p : papers) checked.push_back(app::check_paper(p, limits));
        app::answer_correction(ws_, actor_, number, checked);
    } catch (const std::exception& e) {  // a paper the agency does not take, or answered meanwhile
        say(problem_text(e, ws_), false);
        return false;
    }
    search_again_on(number);
    say(wxString::Format(_("The papers of case %s are in: it is back in the queue"), u8(number)), true);
    return true;
}

wxFrame* CaseSearchPanel::reprint(app::Paper kind) {
    if (!selected_) return nullptr;
    app::DocumentRequest request;
    request.kind = kind;
    request.case_number = selected_->number;
    return DocumentPrinter(this, ws_, actor_, request).preview();
}

}  // namespace gongji::ui
