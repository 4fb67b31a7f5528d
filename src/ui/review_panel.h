#pragma once
// The supervisor's queue: every channel's applications waiting to be accepted and the cases
// accepted, oldest first in a virtual list (usable with 100,000 of them), the case with its
// eligibility as of now. An application is accepted or not accepted (不予受理) with a coded
// reason, an accepted case approved or rejected; either may be asked once for papers. On the
// supervisor's own cases the decision is disabled and says why.
#include <wx/button.h>
#include <wx/choice.h>
#include <wx/frame.h>
#include <wx/listbox.h>
#include <wx/listctrl.h>
#include <wx/panel.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <functional>
#include <set>
#include <vector>

#include "app/trust/auth.h"
#include "app/platform/workspace.h"
#include "app/cases/case_service.h"
#include "app/printing/printed_papers.h"
#include "ui/case_queue.h"
#include "ui/work_panel.h"

namespace gongji::ui {

class ReviewPanel : public WorkPanel {
public:
    ReviewPanel(wxWindow* parent, app::Workspace& ws, const app::Actor& actor);

    // Reloads the queue, first ending the corrections past their due day; the oldest case is
    // shown when none was.
    void refresh();
    size_t waiting() const { return waiting_; }
    void on_queue_changed(std::function<void(size_t waiting)> tell) { tell_count_ = std::move(tell); }
    void focus_queue();
    // Opens the selected case's documents in the viewer (Enter on the queue, Alt+D).
    void view_documents();
    void select(long row);  // what clicking a row does; public for tests
    bool approve();  // accepts an application
    bool reject();   // does not accept an application
    // Asks for these papers with this note (what the dialog of Ask for papers gathers).
    bool ask_papers(const std::set<core::DocumentType>& missing, const std::string& note);
    // Previews the decision notice of the case decided last.
    wxFrame* preview_decision();

private:
    void end_expired_corrections();
    void follow_selection();
    void show_card_reads(const core::Case& c);
    void show(const core::Case& c);
    void ask_papers_dialog();
    // The decision buttons and reasons for an application (accept or not) or an accepted case.
    void offer_decisions(bool application);
    // Runs a step on the selected case; on success says `done` and reloads the queue. A decision
    // (`decided`) gets its notice offered.
    bool decide(const std::function<void()>& decision, const wxString& done, bool decided = true);

    app::Actor actor_;
    CaseQueue* queue_ = nullptr;
    wxStaticText* detail_ = nullptr;
    wxListBox* reasons_ = nullptr;
    wxButton *approve_ = nullptr, *reject_ = nullptr, *documents_ = nullptr, *ask_papers_ = nullptr;
    bool application_ = false;  // the selected case waits to be accepted
    wxChoice* reject_reason_ = nullptr;
    wxTextCtrl* reject_note_ = nullptr;
    std::string selected_;
    std::string decided_;  // the case decided last, for its notice
    app::Paper decided_paper_ = app::Paper::decision;  // its notice: of the decision, or of not accepting it
    wxButton* print_decision_ = nullptr;
    size_t waiting_ = 0;
    std::function<void(size_t)> tell_count_;
};

}  // namespace gongji::ui
