#include "ui/main_frame.h"

#include <wx/intl.h>
#include <wx/menu.h>
#include <wx/notebook.h>
#include <wx/sizer.h>

#include "ui/clerk_panel.h"
#include "ui/review_panel.h"
#include "ui/admin_panel.h"

namespace gongji::ui {
namespace {

wxString role_label(const std::string& role) {
    if (role == "clerk") return _("clerk");
    if (role == "supervisor") return _("supervisor");
    return _("administrator");
}

}  // namespace

MainFrame::MainFrame(app::Workspace& ws, const app::Actor& actor)
    : wxFrame(nullptr, wxID_ANY, _("Gongji Desk"), wxDefaultPosition, wxSize(1280, 720)) {
    auto* bar = new wxMenuBar;
    auto* file = new wxMenu;
    file->Append(wxID_EXIT, _("&Quit\tCtrl+Q"));
    bar->Append(file, _("&File"));
    auto* cases = new wxMenu;
    cases->Append(wxID_NEW, _("&New binding\tCtrl+N"));
    bar->Append(cases, _("&Case"));
    SetMenuBar(bar);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { Close(); }, wxID_EXIT);

    auto* pages = new wxNotebook(this, wxID_ANY);
    if (actor.role != "admin") {
        clerk_ = new ClerkPanel(pages, ws, actor);
        pages->AddPage(clerk_, _("Window"));
    }
    if (actor.role == "supervisor") {
        review_ = new ReviewPanel(pages, ws, actor);
        pages->AddPage(review_, _("Review"));
    }
    if (actor.role == "admin") {
        admin_ = new AdminPanel(pages, ws, actor);
        pages->AddPage(admin_, _("Administration"));
    }
    Bind(wxEVT_MENU, [this](wxCommandEvent&) {
        if (clerk_) clerk_->new_binding();
    }, wxID_NEW);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(pages, 1, wxEXPAND);
    SetSizer(sizer);

    CreateStatusBar(3);
    SetStatusText(wxString::Format(_("User: %s"), wxString::FromUTF8(actor.username.c_str())), 0);
    SetStatusText(wxString::Format(_("Role: %s"), role_label(actor.role)), 1);
    SetStatusText(wxString::Format(_("Workstation: %s"), wxString::FromUTF8(actor.workstation.c_str())), 2);
}

}  // namespace gongji::ui
