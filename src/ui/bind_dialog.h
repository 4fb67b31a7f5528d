#pragma once
// A new binding at the window, shown from app::BindForm: both people, the relation found by code,
// name or pinyin initials among those that fit the two people, the eligibility result live
// (papers still missing said apart from a refusal), the checklist of papers (Enter on a missing
// one captures it), the commitment letter printed before or after submission, and submission.
#include <wx/choice.h>
#include <wx/dialog.h>
#include <wx/frame.h>
#include <wx/listbox.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <memory>
#include <vector>

#include "app/trust/auth.h"
#include "app/cases/bind_form.h"
#include "app/cases/case_service.h"
#include "app/setup/device_settings.h"
#include "app/cases/captured_papers.h"
#include "app/printing/printed_papers.h"
#include "app/platform/workspace.h"
#include "ui/card_reader_watch.h"
#include "ui/paper_capture.h"
#include "ui/relation_picker.h"

namespace gongji::ui {

class BindDialog : public wxDialog {
public:
    // `reads`: the cards already read at the window for this application (the authorizer's, on
    // the clerk's card), kept with the case like those read in the dialog.
    BindDialog(wxWindow* parent, app::Workspace& ws, const app::Actor& actor, const std::string& authorizer = "",
               std::vector<app::CardRead> reads = {});
    ~BindDialog() override;  // the citizen's display forgets them

    // What the controls do; public for tests (a file dialog cannot be driven headless).
    void attach_file(core::DocumentType type, const std::string& path) { capture_.attach_file(type, path); }
    // Scans a page of the chosen type on a worker thread; the result is attached when it comes.
    void scan() { capture_.scan_or_pick(chosen_type()); }
    // Captures a paper of this type: with the document camera where the machine has one, else
    // scanned when a scanner is there, else picked from a file.
    void capture(core::DocumentType type) { capture_.capture(type); }
    // What Delete on the list of papers does: the paper chosen there taken back, before submission.
    void remove_chosen_paper();
    // A half-filled application is not thrown away without asking.
    bool half_filled() const { return form_.half_filled(); }
    bool scanning() const { return capture_.scanning(); }
    bool submit();
    const std::string& case_number() const { return form_.case_number(); }
    // Opens the print preview of the commitment letter (before submission too: without a case
    // number) or the submitted case's receipt.
    wxFrame* preview(app::Paper kind);
    // The citizen's papers as they stand, printed in one job (Ctrl+P) or previewed (Ctrl+Shift+P).
    bool print_papers();
    wxFrame* preview_papers();
    // The application the dialog shows: the citizen's display follows the same.
    const app::BindForm& form() const { return form_; }

private:
    void bind_people_and_profile();
    void bind_papers_and_buttons();
    void on_close_request(wxCommandEvent& event);
    core::DocumentType chosen_type() const;
    void add_upload(const app::Upload& upload);
    // The paper type offered for the next file: the first the checklist still misses.
    void choose_next_missing_type();
    void show_scanning(const wxString& scanning);
    // A card on the reader fills the ID field that has focus (else the first empty one) and moves on.
    void card_read(const app::CardRead& read);
    // The form as it stands: the names, the relations offered, the profile, the reasons and the
    // checklist (the first paper missing chosen, so that Enter captures it).
    void show();
    void show_reasons();
    void show_to_citizen();  // on the citizen's display, where the window has one
    void show_checklist();
    void show_paper_count();  // in the title: seen from across the desk, and while scanning
    // The outcome line, wrapped to the dialog's width: a long message never runs under the buttons.
    void say(const wxString& text, bool good);

    app::Workspace& ws_;
    app::Actor actor_;
    app::BindForm form_;
    wxString title_;  // the dialog's own; scanning and the papers captured are added to it
    wxTextCtrl *authorizer_ = nullptr, *user_ = nullptr;
    std::unique_ptr<RelationPicker> relation_;
    wxChoice *policy_ = nullptr, *document_type_ = nullptr;
    wxListBox *reasons_ = nullptr, *checklist_ = nullptr, *attached_ = nullptr;
    wxStaticText* outcome_ = nullptr;
    PaperCapture capture_{this, ws_,
                          {[this](const app::Upload& upload) { add_upload(upload); },
                           [this](const wxString& problem) { say(problem, false); },
                           [this](const wxString& scanning) { show_scanning(scanning); }}};
    CardReaderWatch reader_{this, [this](const app::CardRead& read) { card_read(read); },
                            [this](const wxString& problem) { say(problem, false); }};
};

}  // namespace gongji::ui
