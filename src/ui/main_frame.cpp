#include "ui/main_frame.h"

#include <wx/intl.h>
#include <wx/textdlg.h>
#include <wx/time.h>

#include <cstdlib>

#include "app/errors.h"
#include <wx/menu.h>
#include <wx/notebook.h>
#include <wx/sizer.h>

#include "ui/clerk_panel.h"
#include "ui/review_panel.h"
#include "ui/admin_panel.h"

namespace gongji::ui {
namespace {

// Any key or mouse input counts as activity for the lock.
class ActivityFilter : public wxEventFilter {
public:
    explicit ActivityFilter(MainFrame* frame) : frame_(frame) { wxEvtHandler::AddFilter(this); }
    ~ActivityFilter() override { wxEvtHandler::RemoveFilter(this); }
    int FilterEvent(wxEvent& event) override {
        auto type = event.GetEventType();
        if (type == wxEVT_KEY_DOWN || type == wxEVT_LEFT_DOWN || type == wxEVT_RIGHT_DOWN || type == wxEVT_MOTION ||
            type == wxEVT_MOUSEWHEEL)
            frame_->touch(wxGetLocalTimeMillis().GetValue());
        return Event_Skip;
    }

private:
    MainFrame* frame_;
};

wxString role_label(const std::string& role) {
    if (role == "clerk") return _("clerk");
    if (role == "supervisor") return _("supervisor");
    return _("administrator");
}

}  // namespace

MainFrame::MainFrame(app::Workspace& ws, const app::Actor& actor)
    : wxFrame(nullptr, wxID_ANY, _("Gongji Desk"), wxDefaultPosition, wxSize(1280, 720)), ws_(ws), actor_(actor),
      timer_(this) {
    if (const char* minutes = std::getenv("GONGJI_LOCK_MINUTES"); minutes && std::atoi(minutes) > 0)
        lock_after_ms_ = std::atoll(minutes) * 60 * 1000;
    last_activity_ms_ = wxGetLocalTimeMillis().GetValue();
    activity_ = std::make_unique<ActivityFilter>(this);
    Bind(wxEVT_TIMER, &MainFrame::on_timer, this);
    timer_.Start(5000);
    auto* bar = new wxMenuBar;
    auto* file = new wxMenu;
    file->Append(wxID_EXIT, _("&Quit\tCtrl+Q"));
    bar->Append(file, _("&File"));
    auto* cases = new wxMenu;
    cases->Append(wxID_NEW, _("&New binding\tCtrl+N"));
    bar->Append(cases, _("&Case"));
    SetMenuBar(bar);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { Close(); }, wxID_EXIT);

    auto* pages = pages_ = new wxNotebook(this, wxID_ANY);
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

MainFrame::~MainFrame() { timer_.Stop(); }

void MainFrame::lock() {
    locked_ = true;
    pages_->Hide();  // nothing of the last citizen's data stays on screen
    SetStatusText(_("Locked"), 0);
}

bool MainFrame::unlock(const std::string& password) {
    try {
        app::authenticate(ws_, actor_.username, password);
    } catch (const app::Refused&) {
        return false;
    }
    locked_ = false;
    pages_->Show();
    Layout();
    SetStatusText(wxString::Format(_("User: %s"), wxString::FromUTF8(actor_.username.c_str())), 0);
    touch(wxGetLocalTimeMillis().GetValue());
    return true;
}

void MainFrame::on_timer(wxTimerEvent&) {
    if (!should_lock(wxGetLocalTimeMillis().GetValue())) return;
    lock();
    // Only this user's password opens the screen again; the dialog says why not.
    while (locked_) {
        wxPasswordEntryDialog ask(this, wxString::Format(_("The screen is locked. Password for %s:"),
                                                         wxString::FromUTF8(actor_.username.c_str())),
                                  _("Gongji Desk"));
        if (ask.ShowModal() != wxID_OK) {
            Close();
            return;
        }
        unlock(ask.GetValue().ToStdString(wxConvUTF8));
    }
}

}  // namespace gongji::ui
