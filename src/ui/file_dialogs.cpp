#include "ui/file_dialogs.h"

#include <wx/button.h>
#include <wx/dialog.h>
#include <wx/filename.h>
#include <wx/generic/dirctrlg.h>
#include <wx/intl.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/treectrl.h>

namespace gongji::ui {
namespace {

enum class Choose { file_to_open, file_to_save, folder };

// wx's generic folder tree (names and sizes, from the directory listing alone) with, to save, a
// file name under it. Enter or a double click on a file takes it.
class Chooser : public wxDialog {
public:
    Chooser(wxWindow* parent, const wxString& title, Choose what, const wxString& folder, const wxString& wildcard,
            const wxString& name)
        : wxDialog(parent, wxID_ANY, title, wxDefaultPosition, wxDefaultSize, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
          what_(what) {
        long style = wxDIRCTRL_3D_INTERNAL | (what == Choose::folder ? wxDIRCTRL_DIR_ONLY : 0) |
                     (wildcard.empty() ? 0 : wxDIRCTRL_SHOW_FILTERS);
        tree_ = new wxGenericDirCtrl(this, wxID_ANY, folder.empty() ? wxGetHomeDir() : folder, wxDefaultPosition,
                                     wxDefaultSize, style, wildcard);
        auto* sizer = new wxBoxSizer(wxVERTICAL);
        sizer->Add(tree_, 1, wxEXPAND | wxALL, FromDIP(8));
        if (what == Choose::file_to_save) {
            sizer->Add(new wxStaticText(this, wxID_ANY, _("File name:")), 0, wxLEFT | wxRIGHT, FromDIP(8));
            name_ = new wxTextCtrl(this, wxID_ANY, name);
            sizer->Add(name_, 0, wxEXPAND | wxALL, FromDIP(8));
        }
        sizer->Add(CreateStdDialogButtonSizer(wxOK | wxCANCEL), 0, wxEXPAND | wxALL, FromDIP(8));
        SetSizer(sizer);
        SetSize(FromDIP(wxSize(640, 480)));  // within a 1366 × 768 screen, buttons in view
        CentreOnScreen();
        if (auto at = tree_->GetTreeCtrl()->GetSelection(); at.IsOk()) tree_->GetTreeCtrl()->EnsureVisible(at);
        tree_->Bind(wxEVT_DIRCTRL_FILEACTIVATED, [this](wxTreeEvent&) { take(); });
        Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { take(); }, wxID_OK);
        tree_->SetFocus();
    }
    const wxString& chosen() const { return chosen_; }

private:
    void take() {
        if (what_ == Choose::file_to_open) chosen_ = tree_->GetFilePath();  // "" on a folder
        if (what_ == Choose::folder) chosen_ = tree_->GetPath();
        if (what_ == Choose::file_to_save && !name_->GetValue().empty()) {
            wxFileName at(tree_->GetPath(), "");
            if (!wxDirExists(tree_->GetPath())) at = wxFileName(wxFileName(tree_->GetPath()).GetPath(), "");
            chosen_ = wxFileName(at.GetPath(), name_->GetValue()).GetFullPath();
            if (wxFileExists(chosen_) &&
                wxMessageBox(wxString::Format(_("%s exists already. Replace it?"), chosen_), GetTitle(),
                             wxYES_NO | wxNO_DEFAULT | wxICON_QUESTION, this) != wxYES)
                chosen_.clear();
        }
        if (!chosen_.empty()) EndModal(wxID_OK);
    }

    Choose what_;
    wxGenericDirCtrl* tree_ = nullptr;
    wxTextCtrl* name_ = nullptr;
    wxString chosen_;
};

wxString run(Chooser& chooser) { return chooser.ShowModal() == wxID_OK ? chooser.chosen() : wxString(); }

}  // namespace

wxString choose_file_to_open(wxWindow* parent, const wxString& title, const wxString& wildcard, const wxString& folder) {
    Chooser chooser(parent, title, Choose::file_to_open, folder, wildcard, "");
    return run(chooser);
}

wxString choose_file_to_save(wxWindow* parent, const wxString& title, const wxString& name, const wxString& wildcard) {
    Chooser chooser(parent, title, Choose::file_to_save, "", wildcard, name);
    return run(chooser);
}

wxString choose_folder(wxWindow* parent, const wxString& title) {
    Chooser chooser(parent, title, Choose::folder, "", "", "");
    return run(chooser);
}

}  // namespace gongji::ui
