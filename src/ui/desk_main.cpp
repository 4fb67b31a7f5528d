// gongji-desk: the desktop application for the window.
#include <wx/app.h>
#include <wx/cmdline.h>
#include <wx/msgdlg.h>
#include <wx/generic/msgdlgg.h>  // after msgdlg.h, which declares its base

#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "app/trust/kept_anchors.h"
#include "app/platform/paths.h"
#include "app/setup/schema_upgrade.h"
#include "app/trust/state_check.h"
#include "app/platform/workspace.h"
#include "ui/problem_text.h"
#include "ui/session.h"
#include "ui/start_up.h"

namespace {

class DeskApp : public wxApp {
public:
    bool OnInit() override {
        SetAppName("gongji-desk");  // the language chosen from the menu is kept in ~/.gongji-desk
        if (!gongji::ui::start_up()) return false;
        std::string url = gongji::app::default_database_url();
        for (int i = 1; i + 1 < argc; ++i)
            if (argv[i] == "--db") url = argv[i + 1].ToStdString(wxConvUTF8);
        if (auto warning = gongji::app::password_in_url_warning(url); !warning.empty())
            std::cerr << "gongji-desk: " << warning << "\n";
        if (auto warning = gongji::app::unverified_server_warning(url); !warning.empty())
            std::cerr << "gongji-desk: " << warning << "\n";
        try {
            workspace_ = std::make_unique<gongji::app::Workspace>(url);
            if (auto upgrade = gongji::app::upgrade_on_start(*workspace_))
                wxMessageBox(wxString::Format(_("This version of Gongji Desk upgraded the database (schema %d to %d). "
                                                "The database as it was is kept in %s."),
                                              upgrade->from_version, upgrade->to_version,
                                              wxString::FromUTF8(upgrade->copy)),
                             _("Database upgraded"), wxOK | wxICON_INFORMATION);
            warn_of_lost_work(*workspace_);
            warn_of_changes_behind_the_log(*workspace_);
        } catch (const std::exception& e) {
            wxMessageBox(gongji::ui::problem_text(e), _("Gongji Desk"), wxICON_ERROR);
            return false;
        }
        return gongji::ui::open_session(*workspace_) != nullptr;
    }

    int OnExit() override {
        gongji::ui::shut_down();
        return wxApp::OnExit();
    }

    // Whatever an action could not finish (a database that went away mid-session) is said, and
    // the window stays: every change is one transaction, so nothing was half done.
    bool OnExceptionInMainLoop() override {
        wxString what = _("unknown error");
        try {
            throw;
        } catch (const std::exception& e) {
            what = gongji::ui::problem_text(e, *workspace_);
        } catch (...) {
        }
        wxMessageBox(wxString::Format(_("The last action did not complete: %s"), what), _("Gongji Desk"), wxOK | wxICON_ERROR);
        return true;
    }

private:
    // Work this machine saw saved and the database no longer has (a copy put back, a lost
    // write-ahead log): said before anyone works on, and every time until the administrator
    // has dealt with it (a restore starts the kept heads afresh).
    static void warn_of_lost_work(gongji::app::Workspace& ws) {
        std::vector<gongji::app::LostTail> lost;
        try {
            lost = gongji::app::lost_tails(ws);
        } catch (const std::exception&) {  // the check cannot be made now: the work itself will say why
        }
        if (lost.empty()) return;
        wxString chains;
        for (const auto& t : lost)
            chains += t.rewritten ? wxString::Format(_("\nWorkstation %s: entries up to %lld saved here were lost and written over"),
                                                     wxString::FromUTF8(t.chain.c_str()), t.seen)
                                  : wxString::Format(_("\nWorkstation %s: saved here up to entry %lld, the database has only up to %lld"),
                                                     wxString::FromUTF8(t.chain.c_str()), t.seen, t.now);
        // wx's own dialog, in the middle of the screen: before any window of the program is there,
        // the keyboard goes where the pointer is when no window manager hands it over.
        wxGenericMessageDialog warning(nullptr,
                                       _("This database has lost work that this machine saw saved. Stop work at this "
                                         "window and call the administrator (gongji audit verify names what is missing).") +
                                           chains,
                                       _("Work lost from the database"), wxOK | wxICON_WARNING | wxCENTRE);
        warning.ShowModal();
    }

    static wxString table_label(const std::string& table) {
        if (table == "cases") return _("Case");
        if (table == "bindings") return _("Binding");
        if (table == "users") return _("Staff account");
        if (table == "settings") return _("Setting");
        if (table == "policy_profiles") return _("Policy profile");
        if (table == "persons") return _("Account balances");
        if (table == "quotas") return _("Quotas");
        if (table == "ledger") return _("Account ledger");
        if (table == "settlements") return _("Settlements");
        if (table == "recorded_settlements") return _("Platform settlement records");
        if (table == "documents") return _("Papers");
        if (table == "case_events") return _("Online applications' events");
        if (table == "ratings") return _("Ratings");
        if (table == "rating_follow_ups") return _("Follow-ups of poor ratings");
        return wxString::FromUTF8(table.c_str());
    }

    // Rows changed without the audit log saying who changed them (a balance, a decision, a
    // role edited in the file): said at every start until the administrator has dealt with it.
    static void warn_of_changes_behind_the_log(gongji::app::Workspace& ws) {
        std::optional<gongji::app::StateCheck> check;
        try {
            check = gongji::app::check_state_if_cheap(ws);
        } catch (const std::exception&) {  // the check cannot be made now: the work itself will say why
        }
        if (!check || check->differences.empty()) return;
        wxString rows;
        for (std::size_t i = 0; i < check->differences.size() && i < 5; ++i) {
            const auto& d = check->differences[i];
            rows += "\n" + table_label(d.table) + " " +
                    (d.key == "*" ? _("(the table as a whole)") : wxString::FromUTF8(d.key.c_str()));
        }
        const auto count = static_cast<long long>(check->differences.size()) + check->more_differences;
        if (count > 5) rows += wxString::Format(_("\n... and %lld more"), count - 5);
        wxGenericMessageDialog warning(nullptr,
                                       _("Rows of this database were changed without the audit log saying who changed "
                                         "them. Stop work at this window and call the administrator (gongji audit verify "
                                         "names them).") +
                                           rows,
                                       _("Changed behind the audit log"), wxOK | wxICON_WARNING | wxCENTRE);
        warning.ShowModal();
    }

    std::unique_ptr<gongji::app::Workspace> workspace_;
};

// What `--help` says (and the manual page is made from): answered before any display is opened.
const char* kUsage =
    "usage: gongji-desk [--db URL]\n"
    "The desktop application for the medical-insurance service window: bind, unbind and reorder\n"
    "family mutual-aid (家庭共济) cases, review them, print the citizen's papers, check recorded\n"
    "settlements (基金监管) and see the agency's monthly figures.\n"
    "\n"
    "  --db URL     the database: sqlite:PATH (one window) or postgresql://… (an agency's windows);\n"
    "               else $GONGJI_DB, else sqlite:~/.local/share/gongji/gongji.db\n"
    "  --help       this text\n"
    "  --version    the program's version\n"
    "\n"
    "Environment: GONGJI_DB (the database), GONGJI_LOCK_MINUTES (the screen locks after that many\n"
    "minutes without input, default 5). The window's name is read from /etc/gongji/workstation;\n"
    "its card reader, camera and scanner from /etc/gongji/devices.conf. See gongji(1).\n";

}  // namespace

wxIMPLEMENT_APP_NO_MAIN(DeskApp);

int main(int argc, char** argv) {
    gongji::app::keep_new_files_private();
    for (int i = 1; i < argc; ++i) {
        if (std::string(argv[i]) == "--help") {
            std::cout << kUsage;
            return 0;
        }
        if (std::string(argv[i]) == "--version") {
            std::cout << "gongji-desk " GONGJI_VERSION "\n";
            return 0;
        }
    }
    return wxEntry(argc, argv);
}
