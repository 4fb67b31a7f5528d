#include "ui/main_frame.h"
#include "ui/customer_display.h"
#include "ui/machine_settings_dialog.h"

#include <wx/config.h>
#include <wx/intl.h>
#include <wx/textdlg.h>
#include <wx/time.h>

#include <cstdlib>
#include <functional>

#include "app/platform/errors.h"
#include "app/setup/machine_settings.h"
#include <wx/menu.h>
#include <wx/notebook.h>
#include <wx/sizer.h>

#include "ui/case_search_panel.h"
#include "ui/clerk_panel.h"
#include "ui/access_log_panel.h"
#include "ui/statistics_panel.h"
#include "ui/supervision_panel.h"
#include "ui/policy_panel.h"
#include "ui/users_panel.h"
#include "ui/labels.h"
#include "ui/printing.h"
#include "ui/resources.h"
#include "ui/review_panel.h"
#include "ui/admin_panel.h"
#include "ui/session.h"

#include <wx/button.h>
#include <wx/stattext.h>

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


}  // namespace

MainFrame::MainFrame(app::Workspace& ws, const app::Actor& actor)
    : wxFrame(nullptr, wxID_ANY, _("Gongji Desk"), wxDefaultPosition, wxSize(1280, 720)), ws_(ws), actor_(actor),
      timer_(this) {
    if (auto minutes = app::lock_minutes()) lock_after_ms_ = *minutes * 60LL * 1000;
    last_activity_ms_ = wxGetLocalTimeMillis().GetValue();
    activity_ = std::make_unique<ActivityFilter>(this);
    Bind(wxEVT_TIMER, &MainFrame::on_timer, this);
    timer_.Start(5000);

    auto* pages = pages_ = new wxNotebook(this, wxID_ANY);
    if (actor.role != core::Role::admin) {
        clerk_ = new ClerkPanel(pages, ws, actor);
        pages->AddPage(clerk_, _("Window"));
        // The screen turned to the citizen, where this machine has one: the window's name until
        // a citizen is served.
        open_customer_display(this, app::idle_view(ws, actor));
    }
    if (actor.role == core::Role::supervisor) {
        review_ = new ReviewPanel(pages, ws, actor);
        pages->AddPage(review_, _("Review"));
        // A supervisor's day is the queue: it is the first thing shown, with how many wait.
        review_->on_queue_changed([this](size_t waiting) { show_queue_count(waiting); });
        pages->SetSelection(static_cast<size_t>(pages->FindPage(review_)));
    }
    if (actor.role != core::Role::admin) {
        cases_ = new CaseSearchPanel(pages, ws, actor);
        pages->AddPage(cases_, _("Cases"));
    }
    // An administrator's pages follow the duty where the agency separates them (app/trust/duties.h).
    const bool system_duty = actor.duty == core::Duty::all || actor.duty == core::Duty::system;
    if (actor.role == core::Role::admin && system_duty) {
        admin_ = new AdminPanel(pages, ws, actor);
        pages->AddPage(admin_, _("Administration"));
    }
    if (actor.role == core::Role::admin && actor.duty != core::Duty::audit) {
        users_ = new UsersPanel(pages, ws, actor);
        pages->AddPage(users_, _("Users"));
    }
    if (actor.role == core::Role::admin && system_duty) {
        policies_ = new PolicyPanel(pages, ws, actor);
        pages->AddPage(policies_, _("Policy profiles"));
    }
    // Fund supervision (the recorded settlements against the rules) and the monthly figures, for
    // supervisors and the administrators who run the imports.
    if (actor.role == core::Role::supervisor || (actor.role == core::Role::admin && system_duty)) {
        supervision_ = new SupervisionPanel(pages, ws, actor);
        pages->AddPage(supervision_, _("Fund supervision"));
        statistics_ = new StatisticsPanel(pages, ws, actor);
        pages->AddPage(statistics_, _("Statistics"));
    }
    if (actor.role == core::Role::admin && (actor.duty == core::Duty::all || actor.duty == core::Duty::audit)) {
        access_log_ = new AccessLogPanel(pages, ws, actor);
        pages->AddPage(access_log_, _("Access log"));
    }
    // A page shown again shows what changed meanwhile (a case decided on the Review page, or by
    // another program): the window's list of today's cases is read again.
    pages->Bind(wxEVT_NOTEBOOK_PAGE_CHANGED, [this](wxBookCtrlEvent& e) {
        e.Skip();
        if (clerk_ && pages_->GetPage(static_cast<size_t>(e.GetSelection())) == clerk_) clerk_->show_today();
    });
    build_menu();
    // The clerk starts typing an ID number as soon as the window is there; the supervisor
    // starts in the queue.
    CallAfter([this] {
        if (review_) review_->focus_queue();
        else if (clerk_) clerk_->focus_id_entry();
    });
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(pages, 1, wxEXPAND);
    build_lock_panel();
    sizer->Add(lock_panel_, 1, wxEXPAND);
    SetSizer(sizer);
    if (review_) show_queue_count(review_->waiting());

    CreateStatusBar(3);
    SetStatusText(wxString::Format(_("User: %s"), wxString::FromUTF8(actor.username.c_str())), 0);
    SetStatusText(wxString::Format(_("Role: %s"), role_text(actor.role, actor.duty)), 1);
    SetStatusText(wxString::Format(_("Workstation: %s"), wxString::FromUTF8(actor.workstation.c_str())), 2);
}

MainFrame::~MainFrame() { timer_.Stop(); }

// Every action has a menu entry and the menu shows its shortcut; the entries a role has no use
// for are not there.
void MainFrame::build_menu() {
    enum { kLock = wxID_HIGHEST + 1, kLogOut, kDevices, kChinese, kEnglish, kFindPerson, kFindCase, kRefresh, kDaily, kFirstTab };
    // While the screen is locked no shortcut reaches the work behind it: only Quit, Lock and
    // Log out answer.
    auto unless_locked = [this](std::function<void()> action) {
        return [this, action](wxCommandEvent&) {
            if (!locked_) action();
        };
    };
    auto* bar = new wxMenuBar;
    auto* file = new wxMenu;
    auto* language = new wxMenu;
    language->AppendRadioItem(kChinese, wxString::FromUTF8("中文（简体）"));
    language->AppendRadioItem(kEnglish, "English");
    language->Check(current_language() == "en" ? kEnglish : kChinese, true);
    file->AppendSubMenu(language, _("Lan&guage"));  // L is the lock's
    file->Append(kLock, _("&Lock the screen\tCtrl+L"));
    file->Append(kLogOut, _("Log &out / change user\tCtrl+Shift+L"));
    file->AppendSeparator();
    file->Append(kDevices, _("This machine's &devices..."));
    file->AppendSeparator();
    file->Append(wxID_EXIT, _("&Quit\tCtrl+Q"));
    bar->Append(file, _("&File"));
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { Close(); }, wxID_EXIT);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { lock(); ask_to_unlock(); }, kLock);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { log_out(); }, kLogOut);
    Bind(wxEVT_MENU, unless_locked([this] { choose_devices(); }), kDevices);
    Bind(wxEVT_MENU, unless_locked([this] { switch_language("zh_CN"); }), kChinese);
    Bind(wxEVT_MENU, unless_locked([this] { switch_language("en"); }), kEnglish);

    if (clerk_ || cases_) {
        auto* work = new wxMenu;
        if (clerk_) {
            work->Append(kFindPerson, _("Find a &person\tCtrl+I"));
            work->Append(wxID_NEW, _("&New binding\tCtrl+N"));
            Bind(wxEVT_MENU, unless_locked([this] { show_page(clerk_); clerk_->focus_id_entry(); }), kFindPerson);
            Bind(wxEVT_MENU, unless_locked([this] { show_page(clerk_); clerk_->new_binding(); }), wxID_NEW);
        }
        if (cases_) {
            work->Append(kFindCase, _("Find a &case\tCtrl+F"));
            Bind(wxEVT_MENU, unless_locked([this] { show_page(cases_); cases_->focus_search(); }), kFindCase);
        }
        if (review_) {
            work->Append(kRefresh, _("&Refresh the review queue\tF5"));
            Bind(wxEVT_MENU, unless_locked([this] { show_page(review_); review_->refresh(); }), kRefresh);
        }
        work->AppendSeparator();
        work->Append(kDaily, _("My &day's report\tCtrl+D"));
        Bind(wxEVT_MENU, unless_locked([this] { preview_daily_report(); }), kDaily);
        bar->Append(work, _("&Work"));
    }
    auto* view = new wxMenu;
    for (size_t i = 0; i < pages_->GetPageCount() && i < 9; ++i) {
        int id = kFirstTab + static_cast<int>(i);
        view->Append(id, pages_->GetPageText(i) + wxString::Format("\tCtrl+%zu", i + 1));
        Bind(wxEVT_MENU, unless_locked([this, i] { pages_->SetSelection(i); }), id);
    }
    bar->Append(view, _("&View"));
    SetMenuBar(bar);
}

void MainFrame::choose_devices() {
    // The panels read the devices when they start watching: they are paused while the choice is made.
    if (clerk_) clerk_->pause_devices();
    MachineSettingsDialog(this).ShowModal();
    if (clerk_) clerk_->resume_devices();
}

wxFrame* MainFrame::preview_daily_report() {
    app::DocumentRequest request;
    request.kind = app::Paper::daily;
    request.clerk = actor_.username;
    request.date = app::china_today();
    return DocumentPrinter(this, ws_, actor_, request).preview();
}

void MainFrame::show_page(wxWindow* page) {
    int index = pages_->FindPage(page);
    if (index != wxNOT_FOUND) pages_->SetSelection(static_cast<size_t>(index));
}

MainFrame* MainFrame::switch_language(const std::string& language) {
    set_language(language);
    if (auto* config = wxConfigBase::Get()) {
        config->Write("language", wxString::FromUTF8(language.c_str()));
        config->Flush();
    }
    // Forms take their words when they are built: build the window again in the new language.
    auto* again = new MainFrame(ws_, actor_);
    again->SetSize(GetRect());
    again->Show();
    Destroy();
    return again;
}

void MainFrame::build_lock_panel() {
    lock_panel_ = new wxPanel(this);
    auto* column = new wxBoxSizer(wxVERTICAL);
    auto* text = new wxStaticText(lock_panel_, wxID_ANY,
                                  wxString::Format(_("The screen is locked (%s)."), u8(actor_.username)));
    text->SetFont(text->GetFont().Scaled(1.4f));
    auto* unlock_button = unlock_button_ = new wxButton(lock_panel_, wxID_ANY, _("&Unlock..."));
    auto* change = new wxButton(lock_panel_, wxID_ANY, _("Log out / &change user"));
    unlock_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { ask_to_unlock(); });
    change->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { log_out(); });
    column->AddStretchSpacer();
    column->Add(text, 0, wxALIGN_CENTER | wxALL, 12);
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    buttons->Add(unlock_button, 0, wxALL, 6);
    buttons->Add(change, 0, wxALL, 6);
    column->Add(buttons, 0, wxALIGN_CENTER);
    column->AddStretchSpacer();
    lock_panel_->SetSizer(column);
    lock_panel_->Hide();
}

void MainFrame::show_queue_count(size_t waiting) {
    int index = pages_->FindPage(review_);
    if (index == wxNOT_FOUND) return;
    pages_->SetPageText(static_cast<size_t>(index), wxString::Format(_("Review (%zu waiting)"), waiting));
}

MainFrame* MainFrame::log_out() {
    try {
        app::log_out(ws_, actor_);
    } catch (const std::exception&) {  // a database that went away: the next login says so
    }
    // Nothing of this user's work stays on screen behind the next login, on either screen.
    Hide();
    if (auto* display = CustomerDisplay::current()) {
        display->Hide();
        display->Destroy();
    }
    auto* next = open_session(ws_, IsMaximized() ? wxRect() : GetRect());
    Destroy();
    return next;
}

void MainFrame::lock() {
    locked_ = true;
    pages_->Hide();  // nothing of the last citizen's data stays on screen
    if (auto* display = CustomerDisplay::current()) display->show_idle();  // nor on the citizen's
    lock_panel_->Show();
    Layout();
    unlock_button_->SetFocus();  // Enter opens the password prompt again
    SetStatusText(_("Locked"), 0);
}

bool MainFrame::unlock(const std::string& password) {
    try {
        app::authenticate(ws_, actor_.username, password);
    } catch (const app::Refused&) {
        return false;
    }
    locked_ = false;
    lock_panel_->Hide();
    pages_->Show();
    Layout();
    // The keyboard goes back to where work goes on: the queue, or the ID number.
    if (review_ && pages_->GetCurrentPage() == review_) review_->focus_queue();
    else if (clerk_ && pages_->GetCurrentPage() == clerk_) clerk_->focus_id_entry();
    else pages_->SetFocus();
    SetStatusText(wxString::Format(_("User: %s"), wxString::FromUTF8(actor_.username.c_str())), 0);
    touch(wxGetLocalTimeMillis().GetValue());
    return true;
}

void MainFrame::on_timer(wxTimerEvent&) {
    if (!should_lock(wxGetLocalTimeMillis().GetValue())) return;
    lock();
    ask_to_unlock();
}

void MainFrame::ask_to_unlock() {
    // Only this user's password opens the screen again. Escape leaves the screen locked, with
    // Unlock and Log out on it: it never ends the app and whatever was half done.
    wxString prompt = wxString::Format(_("The screen is locked. Password for %s:"), u8(actor_.username));
    while (locked_) {
        wxPasswordEntryDialog ask(this, prompt, _("Gongji Desk"));
        if (ask.ShowModal() != wxID_OK) return;
        if (!unlock(utf8(ask.GetValue()))) prompt = wxString::Format(_("Wrong password. Password for %s:"), u8(actor_.username));
    }
}

}  // namespace gongji::ui
