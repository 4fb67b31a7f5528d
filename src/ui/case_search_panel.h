#pragma once
// Finding a case at the window by its number, a person's ID number, the day it was created or
// its status; the case's papers previewed and printed again from here (each print logged); the
// papers a correction asked for captured when the applicant brings them.
#include <wx/button.h>
#include <wx/choice.h>
#include <wx/datectrl.h>
#include <wx/frame.h>
#include <wx/panel.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <optional>
#include <vector>

#include "app/trust/auth.h"
#include "app/printing/printed_papers.h"
#include "app/platform/workspace.h"
#include "ui/case_queue.h"
#include "ui/paper_capture.h"
#include "ui/work_panel.h"

namespace gongji::ui {

class CaseSearchPanel : public WorkPanel {
public:
    CaseSearchPanel(wxWindow* parent, app::Workspace& ws, const app::Actor& actor);

    // What the Search button and Enter do; the number of cases found, or -1 with the reason shown.
    long search();
    void select(long row);
    // Previews the selected case's document of this kind (receipt, commitment, decision, unbind,
    // correction, not-accepted, delivery).
    wxFrame* reprint(app::Paper kind);
    // Withdraws the selected submitted case (what the button does after asking).
    bool withdraw_selected();
    // Records that the selected case's decision reached the applicant at this window (送达), what
    // the button does after asking: the citizen signed the delivery receipt.
    bool deliver_selected();
    // The applicant brought the papers the selected case was asked for (补正): each is captured in
    // turn (camera, scanner or file), and once all are in they are stored with the answer, all or
    // nothing, and the case goes back to the queue.
    void bring_papers();
    // One paper brought, from a file (what a dropped or chosen file does).
    void bring_file(core::DocumentType type, const std::string& path) { capture_.attach_file(type, path); }
    bool bringing() const { return capture_.scanning(); }
    void focus_search() { number_->SetFocus(); }

private:
    // A question whose buttons say what they do; the answer that changes nothing is the default.
    bool confirm(const wxString& question, const wxString& title, const wxString& yes, const wxString& no);
    // Runs the search again and stays on the case just acted on (a trial was thrown back to the
    // first row after recording a delivery).
    void search_again_on(const std::string& number);
    std::optional<core::DocumentType> next_paper_due() const;  // the next one asked for and not brought
    void paper_brought(const app::Upload& paper);
    bool answer_correction();

    app::Actor actor_;
    wxTextCtrl *number_ = nullptr, *person_ = nullptr;
    wxDatePickerCtrl* date_ = nullptr;
    wxChoice* status_ = nullptr;
    CaseQueue* results_ = nullptr;
    wxStaticText* detail_ = nullptr;
    wxButton *receipt_ = nullptr, *commitment_ = nullptr, *decision_ = nullptr, *unbind_ = nullptr, *withdraw_ = nullptr;
    wxButton *correction_ = nullptr, *not_accepted_ = nullptr, *delivery_ = nullptr, *deliver_ = nullptr;
    wxButton* bring_ = nullptr;
    std::optional<core::Case> selected_;
    std::vector<app::Upload> brought_;  // for the selected case, not stored until all are in
    PaperCapture capture_{this, ws_,
                          {[this](const app::Upload& paper) { paper_brought(paper); },
                           [this](const wxString& problem) { say(problem, false); },
                           [this](const wxString& scanning) {
                               if (!scanning.empty()) say(scanning, true);
                           }}};
};

}  // namespace gongji::ui
