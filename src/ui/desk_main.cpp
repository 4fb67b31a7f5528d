// gongji-desk: the desktop application for the window.
#include <wx/app.h>
#include <wx/cmdline.h>
#include <wx/display.h>
#include <wx/msgdlg.h>

#include <algorithm>
#include <memory>

#include "app/paths.h"
#include "app/workspace.h"
#include "ui/login_dialog.h"
#include "ui/main_frame.h"
#include "ui/resources.h"

namespace {

class DeskApp : public wxApp {
public:
    bool OnInit() override {
        SetAppName("gongji-desk");  // the language chosen from the menu is kept in ~/.gongji-desk
        gongji::ui::set_language();
        if (!gongji::ui::load_forms()) return false;
        std::string url = gongji::app::default_database_url();
        for (int i = 1; i + 1 < argc; ++i)
            if (argv[i] == "--db") url = argv[i + 1].ToStdString(wxConvUTF8);
        try {
            workspace_ = std::make_unique<gongji::app::Workspace>(url);
            workspace_->require_current_schema();
        } catch (const std::exception& e) {
            wxMessageBox(wxString::FromUTF8(e.what()), _("Gongji Desk"), wxICON_ERROR);
            return false;
        }
        gongji::ui::LoginDialog login(nullptr, *workspace_);
        if (login.ShowModal() != wxID_OK) return false;
        auto* frame = new gongji::ui::MainFrame(*workspace_, login.actor());
        frame->SetSize(wxDisplay(static_cast<unsigned>(std::max(0, wxDisplay::GetFromWindow(&login)))).GetClientArea());
        frame->Maximize();  // the window is the clerk's whole working day
        frame->Show();
        return true;
    }

    // Whatever an action could not finish (a database that went away mid-session) is said, and
    // the window stays: every change is one transaction, so nothing was half done.
    bool OnExceptionInMainLoop() override {
        wxString what = _("unknown error");
        try {
            throw;
        } catch (const std::exception& e) {
            what = wxString::FromUTF8(e.what());
        } catch (...) {
        }
        wxMessageBox(wxString::Format(_("The last action did not complete: %s"), what), _("Gongji Desk"), wxOK | wxICON_ERROR);
        return true;
    }

private:
    std::unique_ptr<gongji::app::Workspace> workspace_;
};

}  // namespace

wxIMPLEMENT_APP(DeskApp);
