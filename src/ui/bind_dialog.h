#pragma once
// A new binding at the window: both people, the relation from GB/T 4761 grouped by category,
// the eligibility result live with every reason in Chinese, the checklist of documents still
// needed, files attached, and submission.
#include <wx/choice.h>
#include <wx/dialog.h>
#include <wx/frame.h>
#include <wx/listbox.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <optional>
#include <thread>
#include <vector>

#include "app/auth.h"
#include "app/document_service.h"
#include "app/workspace.h"

namespace gongji::ui {

class BindDialog : public wxDialog {
public:
    BindDialog(wxWindow* parent, app::Workspace& ws, const app::Actor& actor, const std::string& authorizer = "");

    // What the controls do; public for tests (a file dialog cannot be driven headless).
    void attach_file(core::DocumentType type, const std::string& path);
    // Scans a page of the chosen type on a worker thread; the result is attached when it comes.
    void scan();
    bool scanning() const { return scanning_; }
    ~BindDialog() override;
    void evaluate();
    bool submit();
    const std::string& case_number() const { return case_number_; }
    // Opens the print preview of the submitted case's commitment letter or receipt.
    wxFrame* preview(const std::string& kind);

private:
    std::string relation_code() const;

    app::Workspace& ws_;
    app::Actor actor_;
    core::DocumentType chosen_type() const;
    void scanned(std::optional<app::Upload> upload, const std::string& problem);
    void add_upload(const app::Upload& upload);
    void show_name(wxStaticText* label, const std::string& id_text);

    std::vector<app::Upload> uploads_;
    std::thread scanner_;
    bool scanning_ = false;
    std::vector<std::string> relation_codes_, policy_names_;
    std::string case_number_;
    wxTextCtrl *authorizer_ = nullptr, *user_ = nullptr;
    wxChoice *relation_ = nullptr, *policy_ = nullptr, *document_type_ = nullptr;
    wxListBox *reasons_ = nullptr, *checklist_ = nullptr, *attached_ = nullptr;
    wxStaticText* outcome_ = nullptr;
};

}  // namespace gongji::ui
