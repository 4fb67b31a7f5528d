#include "ui/file_dialogs.h"

#include <wx/accel.h>
#include <wx/arrstr.h>
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

// The folder a file was last chosen in, this session: the next paper is usually beside it.
wxString& last_folder() {
    static wxString folder;
    return folder;
}

wxString start_in(const wxString& folder) {
    if (!folder.empty()) return folder;
    return !last_folder().empty() && wxDirExists(last_folder()) ? last_folder() : wxGetHomeDir();
}

// "Scans (*.png;*.pdf)|*.png;*.pdf" as the tree filters it: the tree matches case by case, and a
// phone or a Windows scanner names its files IMG_0001.JPG. All files last, for anything else.
wxString every_case(const wxString& wildcard) {
    if (wildcard.empty()) return wildcard;
    wxString out;
    auto parts = wxSplit(wildcard, '|');
    for (size_t i = 0; i + 1 < parts.size(); i += 2) {
        wxString patterns;
        for (const auto& pattern : wxSplit(parts[i + 1], ';')) {
            patterns += (patterns.empty() ? "" : ";") + pattern;
            if (pattern.Upper() != pattern) patterns += ";" + pattern.Upper();
        }
        out += (out.empty() ? "" : "|") + parts[i] + "|" + patterns;
    }
    return wildcard.EndsWith("|*") ? out : out + "|" + _("All files (*)") + "|*";
}

// ".pdf" from "PDF files (*.pdf)|*.pdf": what a name typed without one is saved with.
wxString first_extension(const wxString& wildcard) {
    auto parts = wxSplit(wildcard, '|');
    if (parts.size() < 2) return "";
    auto pattern = wxSplit(parts[1], ';').front();
    return pattern.StartsWith("*.") ? pattern.Mid(1) : wxString();
}

enum class Choose { file_to_open, file_to_save, folder };

// wx's generic folder tree (names and sizes, from the directory listing alone) over a field that
// takes a typed name or path (Ctrl+L goes to it, as in GTK's chooser). Enter, OK or a double click
// on a file takes it.
class Chooser : public wxDialog {
public:
    Chooser(wxWindow* parent, const wxString& title, Choose what, const wxString& folder, const wxString& wildcard,
            const wxString& name)
        : wxDialog(parent, wxID_ANY, title, wxDefaultPosition, wxDefaultSize, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
          what_(what) {
        long style = wxDIRCTRL_3D_INTERNAL | (what == Choose::folder ? wxDIRCTRL_DIR_ONLY : 0) |
                     (wildcard.empty() ? 0 : wxDIRCTRL_SHOW_FILTERS);
        tree_ = new wxGenericDirCtrl(this, wxID_ANY, start_in(folder), wxDefaultPosition, wxDefaultSize, style,
                                     every_case(wildcard));
        extension_ = first_extension(wildcard);
        path_ = new wxTextCtrl(this, wxID_ANY, name, wxDefaultPosition, wxDefaultSize, wxTE_PROCESS_ENTER);
        auto* sizer = new wxBoxSizer(wxVERTICAL);
        sizer->Add(tree_, 1, wxEXPAND | wxALL, FromDIP(8));
        sizer->Add(new wxStaticText(this, wxID_ANY, what == Choose::file_to_save ? _("File name:") : _("Or type a path:")), 0,
                   wxLEFT | wxRIGHT, FromDIP(8));
        sizer->Add(path_, 0, wxEXPAND | wxALL, FromDIP(8));
        problem_ = new wxStaticText(this, wxID_ANY, "");
        problem_->SetForegroundColour(wxColour(0xB0, 0x00, 0x20));
        sizer->Add(problem_, 0, wxLEFT | wxRIGHT, FromDIP(8));
        // Labels of our own: GTK's stock ones stay English where its translations are missing.
        auto* buttons = new wxStdDialogButtonSizer;
        buttons->AddButton(new wxButton(this, wxID_OK, what == Choose::file_to_save ? _("&Save") : _("C&hoose")));
        buttons->AddButton(new wxButton(this, wxID_CANCEL, _("Cancel")));
        buttons->Realize();
        sizer->Add(buttons, 0, wxEXPAND | wxALL, FromDIP(8));
        SetSizer(sizer);
        SetSize(FromDIP(wxSize(640, 520)));  // within a 1366 × 768 screen, buttons in view
        CentreOnScreen();
        if (auto at = tree_->GetTreeCtrl()->GetSelection(); at.IsOk()) tree_->GetTreeCtrl()->EnsureVisible(at);
        tree_->Bind(wxEVT_DIRCTRL_FILEACTIVATED, [this](wxTreeEvent&) { take(tree_->GetFilePath()); });
        tree_->Bind(wxEVT_DIRCTRL_SELECTIONCHANGED, [this](wxTreeEvent&) {
            if (what_ == Choose::file_to_open && !tree_->GetFilePath().empty()) path_->ChangeValue(tree_->GetFilePath());
        });
        path_->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { take(path_->GetValue()); });
        Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { take(path_->GetValue()); }, wxID_OK);
        enum { kTypePath = wxID_HIGHEST + 300 };
        wxAcceleratorEntry keys[] = {{wxACCEL_CTRL, 'L', kTypePath}};
        SetAcceleratorTable(wxAcceleratorTable(1, keys));
        Bind(wxEVT_MENU, [this](wxCommandEvent&) { path_->SetFocus(); }, kTypePath);
        (what == Choose::file_to_save ? static_cast<wxWindow*>(path_) : tree_)->SetFocus();
    }
    const wxString& chosen() const { return chosen_; }

private:
    // The folder chosen in the tree (a file's own folder when a file is chosen).
    wxString folder() const {
        auto at = tree_->GetPath();
        return wxDirExists(at) ? at : wxFileName(at).GetPath();
    }

    void take(const wxString& typed) {
        wxFileName path(typed.empty() && what_ != Choose::file_to_save ? tree_->GetPath() : typed);
        if (!path.IsAbsolute()) path.MakeAbsolute(folder());
        if (what_ == Choose::file_to_save && path.GetExt().empty() && !extension_.empty() && !wxDirExists(path.GetFullPath()))
            path.SetExt(extension_.Mid(1));
        const auto full = path.GetFullPath();
        if (typed.empty() && what_ == Choose::file_to_save) return say(_("Type the file's name"));
        if (wxDirExists(full) && what_ != Choose::folder) {  // a folder typed: shown, not taken
            tree_->ExpandPath(full);
            return say("");
        }
        if (what_ == Choose::file_to_open && !wxFileExists(full))
            return say(wxString::Format(_("There is no file %s"), full));
        if (what_ == Choose::folder && !wxDirExists(full)) return say(wxString::Format(_("There is no folder %s"), full));
        if (what_ == Choose::file_to_save && wxFileExists(full)) {
            wxMessageDialog ask(this, wxString::Format(_("%s exists already. Replace it?"), full), GetTitle(),
                                wxYES_NO | wxNO_DEFAULT | wxICON_QUESTION);
            ask.SetYesNoLabels(_("&Replace"), _("&Keep the file"));
            if (ask.ShowModal() != wxID_YES) return;
        }
        chosen_ = full;
        last_folder() = what_ == Choose::folder ? full : path.GetPath();
        EndModal(wxID_OK);
    }

    void say(const wxString& problem) {
        problem_->SetLabel(problem);
        Layout();
    }

    Choose what_;
    wxGenericDirCtrl* tree_ = nullptr;
    wxTextCtrl* path_ = nullptr;
    wxStaticText* problem_ = nullptr;  // why what was typed was not taken
    wxString extension_;               // a saved file's, when its name is typed without one
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
