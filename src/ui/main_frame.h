#pragma once
// The main window: who is working (user, role, workstation) and the workspaces their role uses.
#include <wx/eventfilter.h>
#include <wx/frame.h>
#include <wx/notebook.h>
#include <wx/panel.h>
#include <wx/timer.h>

#include <memory>

#include "app/trust/auth.h"
#include "app/platform/workspace.h"

namespace gongji::ui {

class ClerkPanel;
class ReviewPanel;
class AdminPanel;
class CaseSearchPanel;
class UsersPanel;
class PolicyPanel;
class AccessLogPanel;
class SupervisionPanel;
class StatisticsPanel;

class MainFrame : public wxFrame {
public:
    MainFrame(app::Workspace& ws, const app::Actor& actor);
    ClerkPanel* clerk_panel() const { return clerk_; }
    ReviewPanel* review_panel() const { return review_; }  // supervisors only
    AdminPanel* admin_panel() const { return admin_; }     // administrators only
    CaseSearchPanel* case_search() const { return cases_; }
    UsersPanel* users_panel() const { return users_; }        // administrators only
    PolicyPanel* policy_panel() const { return policies_; }   // administrators only
    AccessLogPanel* access_log_panel() const { return access_log_; }  // the audit duty's
    SupervisionPanel* supervision_panel() const { return supervision_; }  // supervisors, administrators
    StatisticsPanel* statistics_panel() const { return statistics_; }     // supervisors, administrators

    // The screen locks after GONGJI_LOCK_MINUTES (default 5) without keyboard or mouse input;
    // only the same user's password opens it again.
    bool should_lock(long long now_ms) const { return !locked_ && now_ms - last_activity_ms_ >= lock_after_ms_; }
    void touch(long long now_ms) { last_activity_ms_ = now_ms; }
    void lock();
    bool unlock(const std::string& password);  // false (and still locked) for a wrong one
    bool locked() const { return locked_; }
    // Ends this user's session and asks who works next (Ctrl+Shift+L); the app ends when nobody
    // logs in. Returns the next user's window (nullptr then).
    MainFrame* log_out();
    // Rebuilds the window in "zh_CN" or "en" and remembers the choice; returns the new window.
    MainFrame* switch_language(const std::string& language);
    // Today's report of the cases this user took in (窗口日报), in the print preview.
    wxFrame* preview_daily_report();
    // The machine's devices dialog (File menu), the card reader paused meanwhile.
    void choose_devices();
    ~MainFrame() override;

private:
    void on_timer(wxTimerEvent&);
    void ask_to_unlock();
    void build_menu();
    void show_page(wxWindow* page);
    void build_lock_panel();
    void show_queue_count(size_t waiting);

    app::Workspace& ws_;
    app::Actor actor_;
    wxNotebook* pages_ = nullptr;
    wxPanel* lock_panel_ = nullptr;  // in place of the pages while the screen is locked
    wxWindow* unlock_button_ = nullptr;
    wxTimer timer_;
    long long last_activity_ms_ = 0;
    long long lock_after_ms_ = 5 * 60 * 1000;
    bool locked_ = false;
    std::unique_ptr<wxEventFilter> activity_;
    ClerkPanel* clerk_ = nullptr;
    ReviewPanel* review_ = nullptr;
    AdminPanel* admin_ = nullptr;
    CaseSearchPanel* cases_ = nullptr;
    UsersPanel* users_ = nullptr;
    PolicyPanel* policies_ = nullptr;
    AccessLogPanel* access_log_ = nullptr;
    SupervisionPanel* supervision_ = nullptr;
    StatisticsPanel* statistics_ = nullptr;
};

}  // namespace gongji::ui
