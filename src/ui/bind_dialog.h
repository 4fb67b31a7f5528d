#pragma once
// A new binding at the window: both people, the relation found by code, name or pinyin
// initials among those that fit the two people, the eligibility result live (papers still
// missing said apart from a refusal), the checklist of papers (Enter on a missing one captures
// it), the commitment letter printed before or after submission, and submission.
#include <wx/choice.h>
#include <wx/dialog.h>
#include <wx/frame.h>
#include <wx/listbox.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <optional>
#include <set>
#include <vector>

#include "app/auth.h"
#include "app/case_service.h"
#include "app/device_settings.h"
#include "app/document_service.h"
#include "app/report_service.h"
#include "app/workspace.h"
#include "ui/background_task.h"
#include "ui/card_reader_watch.h"

namespace gongji::ui {

class BindDialog : public wxDialog {
public:
    // `reads`: the cards already read at the window for this application (the authorizer's, on
    // the clerk's card), kept with the case like those read in the dialog.
    BindDialog(wxWindow* parent, app::Workspace& ws, const app::Actor& actor, const std::string& authorizer = "",
               std::vector<app::CardRead> reads = {});

    // What the controls do; public for tests (a file dialog cannot be driven headless).
    void attach_file(core::DocumentType type, const std::string& path);
    // Scans a page of the chosen type on a worker thread; the result is attached when it comes.
    void scan();
    // Captures a paper of this type: with the document camera where the machine has one, else
    // scanned when a scanner is there, else picked from a file.
    void capture(core::DocumentType type);
    // What the relation field does as the clerk types: the matches, the best one chosen.
    void type_relation(const wxString& text, const std::string& keep = "");
    // A half-filled application is not thrown away without asking.
    bool half_filled() const;
    bool scanning() const { return scan_task_.running(); }
    void evaluate();
    bool submit();
    const std::string& case_number() const { return case_number_; }
    // Opens the print preview of the commitment letter (before submission too: without a case
    // number) or the submitted case's receipt.
    wxFrame* preview(app::Paper kind);
    // The citizen's papers as they stand: the letter to sign (until a signed one is captured),
    // and the receipt once submitted. Printed in one job (Ctrl+P) or previewed (Ctrl+Shift+P).
    std::vector<app::DocumentRequest> papers() const;
    bool print_papers();
    wxFrame* preview_papers();

private:
    std::string relation_code() const;

    app::Workspace& ws_;
    app::Actor actor_;
    std::string initial_authorizer_;  // the person on the clerk's card: not something typed here
    core::DocumentType chosen_type() const;
    void pick_file(core::DocumentType type);
    void scan_or_pick(core::DocumentType type);
    void take_with_camera(core::DocumentType type);
    void show_relations();
    void show_checklist();
    void show_paper_count();  // in the title: seen from across the desk, and while scanning
    void on_close_request(wxCommandEvent& event);
    bool complete() const;  // both numbers, the relation and the profile given
    void add_upload(const app::Upload& upload);
    // The name beside a number; returns the person's pooling region (empty when not found).
    std::string show_name(wxStaticText* label, const std::string& id_text);
    void fit_policy(const std::string& authorizer_region);
    // The papers attached, and the user's own valid card read here (counted where the profile does).
    std::set<core::DocumentType> attached_types() const;
    // A card on the reader fills the ID field that has focus (else the first empty one) and moves on.
    void card_read(const app::CardRead& read);

    std::vector<app::Upload> uploads_;
    app::DeviceSettings devices_;  // this machine's, read when the dialog opens
    BackgroundTask scan_task_{this};
    bool ocr_acknowledged_ = false;  // the clerk was told the scan reads another number, and goes on
    bool card_name_acknowledged_ = false;  // … or that a card's name differs from the roster's
    // One for every attempt of this submission: pressing Submit again after a lost connection
    // finds the case the first attempt saved, if it did, instead of making a second.
    const std::string request_key_ = app::new_request_key();
    std::vector<app::CardRead> card_reads_;  // the cards read for this application, kept with the case
    wxString title_;  // the dialog's own; scanning and the papers captured are added to it
    std::vector<std::string> relation_codes_, policy_names_;  // relation_codes_: the matches shown
    std::vector<core::PolicyProfile> profiles_;
    std::optional<std::string> agency_default_;
    bool policy_by_hand_ = false;  // the clerk chose the profile: it is not changed for them
    std::string relation_;  // the code chosen
    std::vector<core::DocumentNeed> needs_;  // the checklist of the last evaluation
    std::string case_number_;
    wxTextCtrl *authorizer_ = nullptr, *user_ = nullptr;
    wxTextCtrl* relation_text_ = nullptr;
    wxChoice *policy_ = nullptr, *document_type_ = nullptr;
    wxListBox *relation_matches_ = nullptr, *reasons_ = nullptr, *checklist_ = nullptr, *attached_ = nullptr;
    wxStaticText* outcome_ = nullptr;
    // The outcome line, wrapped to the dialog's width: a long message never runs under the buttons.
    void say(const wxString& text, bool good);
    CardReaderWatch reader_{this, [this](const app::CardRead& read) { card_read(read); },
                            [this](const wxString& problem) { say(problem, false); }};
};

}  // namespace gongji::ui
