#define BOOST_TEST_MODULE gongji_ui
#include <boost/test/unit_test.hpp>

// Pins the desktop app's first screens in a real window under Xvfb: logging in (and being told
// why not), the clerk's workspace checking an ID number as it is typed and showing the person's
// card in Chinese; saves screenshots of each screen in docs/screenshots/.

#include <wx/app.h>
#include <wx/config.h>
#include <wx/fileconf.h>

#include <unistd.h>

#include <filesystem>
#include <wx/dcclient.h>
#include <wx/dcmemory.h>
#include <wx/image.h>
#include <wx/listctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/xrc/xmlres.h>

#include "app/platform/stores.h"
#include "app/setup/init_service.h"
#include "app/platform/workspace.h"
#include "support/printing.h"
#include "support/test_database.h"
#include "app/cases/case_service.h"
#include "app/cases/captured_papers.h"
#include "ui/access_log_panel.h"
#include "ui/admin_panel.h"
#include "ui/bind_dialog.h"
#include "ui/review_panel.h"
#include "ui/case_search_panel.h"
#include "ui/clerk_panel.h"
#include "ui/document_viewer.h"

#include <soci/soci.h>

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/listbox.h>
#include <wx/notebook.h>
#include <wx/stopwatch.h>
#include <wx/uiaction.h>
#include <wx/menu.h>

#include <functional>

#include "samples.h"
#include "ui/login_dialog.h"
#include "ui/main_frame.h"
#include "ui/period_dialog.h"
#include "ui/policy_panel.h"
#include "ui/statistics_panel.h"
#include "ui/supervision_panel.h"
#include "ui/users_panel.h"
#include "app/setup/policy_service.h"
#include "app/printing/printed_papers.h"
#include "app/setup/settings.h"
#include "app/money/settlement_service.h"
#include "app/platform/errors.h"
#include "ui/printing.h"
#include "storage/settings_repository.h"
#include "ui/resources.h"
#include "ui/start_up.h"
#include "wx_test_support.h"

using namespace gongji;
using test::child;
using test::dark_pixels;
using test::Demo;
using test::pump;
using test::screenshot;

namespace {

class TestApp : public wxApp {
public:
    bool OnInit() override { return true; }
};

struct WxSession {
    WxSession() {
        wxApp::SetInstance(new TestApp);
        static int argc = 1;
        static char name[] = "ui_tests";
        static char* argv[] = {name, nullptr};
        BOOST_REQUIRE(wxEntryStart(argc, argv));
        wxTheApp->CallOnInit();
        wxLog::SetActiveTarget(new wxLogStderr);
        // A failed wx assertion is a test failure, never a modal dialog that hangs the run.
        wxSetAssertHandler([](const wxString& file, int line, const wxString& func, const wxString& cond,
                              const wxString& msg) {
            BOOST_ERROR("wx assertion " << cond.ToStdString(wxConvUTF8) << " (" << msg.ToStdString(wxConvUTF8) << ") in "
                                        << func.ToStdString(wxConvUTF8) << " at " << file.ToStdString(wxConvUTF8) << ":" << line);
        });
        // The language chosen from the menu is remembered here, not in the tester's home.
        config_path = std::filesystem::temp_directory_path() / ("gongji-ui-test-" + std::to_string(::getpid()) + ".ini");
        wxConfigBase::Set(new wxFileConfig("gongji-desk", "", wxString::FromUTF8(config_path.string().c_str()), "",
                                           wxCONFIG_USE_LOCAL_FILE));
        BOOST_REQUIRE(ui::start_up("zh_CN"));  // the program's own start-up, nothing more
    }
    ~WxSession() {
        for (auto* w : wxTopLevelWindows) w->Destroy();
        wxTheApp->ProcessPendingEvents();
        ui::shut_down();
        wxTheApp->OnExit();
        wxEntryCleanup();
        std::filesystem::remove(config_path);
    }
    std::filesystem::path config_path;
};
BOOST_TEST_GLOBAL_FIXTURE(WxSession);

}  // namespace

BOOST_AUTO_TEST_CASE(a_statement_period_that_ends_before_it_starts_is_refused) {
    ui::PeriodDialog period(nullptr, {2026, 1, 1}, {2026, 11, 22});
    period.Show();
    BOOST_TEST(period.TransferDataFromWindow());
    BOOST_TEST(period.to().to_string() == "2026-11-22");
    period.set_period({2026, 11, 22}, {2026, 11, 1});
    BOOST_TEST(!period.TransferDataFromWindow());
    BOOST_TEST(child<wxStaticText>(&period, "period_error")->GetLabel().ToStdString(wxConvUTF8) == "结束日期早于开始日期");
    period.Hide();
}

BOOST_FIXTURE_TEST_CASE(logging_in_says_why_not_then_lets_the_clerk_in, Demo) {
    // A machine not named yet: the name is asked at the first login and kept.
    test::TempDir etc;
    auto name_file = etc.path() + "/workstation";
    setenv("GONGJI_WORKSTATION_FILE", name_file.c_str(), 1);
    unsetenv("GONGJI_WORKSTATION");
    ui::LoginDialog dialog(nullptr, ws);
    auto* workstation = child<wxTextCtrl>(&dialog, "workstation");
    BOOST_TEST(workstation->IsEditable());
    workstation->SetValue(wxString::FromUTF8("窗口-03"));
    dialog.Show();
    child<wxTextCtrl>(&dialog, "user")->SetValue("clerk");
    child<wxTextCtrl>(&dialog, "password")->SetValue("wrong");
    BOOST_TEST(!dialog.TransferDataFromWindow());
    auto error = child<wxStaticText>(&dialog, "error")->GetLabel().ToStdString(wxConvUTF8);
    BOOST_TEST(error == "用户名或密码错误");
    screenshot(&dialog, "login.png");
    child<wxTextCtrl>(&dialog, "password")->SetValue("demo");
    // The demo's password is for one login: the clerk chooses her own, under the agency's rules.
    BOOST_TEST(!dialog.TransferDataFromWindow());
    BOOST_TEST(child<wxWindow>(&dialog, "change_panel")->IsShown());
    BOOST_TEST(dialog.FindFocus() == child<wxTextCtrl>(&dialog, "new_password"));
    auto choose = [&](const char* first, const char* again) {
        child<wxTextCtrl>(&dialog, "new_password")->SetValue(first);
        child<wxTextCtrl>(&dialog, "repeat_password")->SetValue(again);
        bool done = dialog.TransferDataFromWindow();
        return done ? std::string("done") : child<wxStaticText>(&dialog, "error")->GetLabel().ToStdString(wxConvUTF8);
    };
    BOOST_TEST(choose("Window-2026a", "Window-2026b") == "两次输入的新密码不一致，请重新输入");
    BOOST_TEST(choose("window", "window") == "新密码至少需要 8 个字符");
    BOOST_TEST(choose("Window-2026a", "Window-2026a") == "done");
    BOOST_TEST(app::authenticate(ws, "clerk", "Window-2026a").password_change == app::PasswordChange::none);
    BOOST_TEST(dialog.actor().role == core::Role::clerk);
    BOOST_TEST(dialog.actor().workstation == "窗口-03");
    BOOST_TEST(!workstation->IsEditable());
    dialog.Hide();
    ui::LoginDialog next(nullptr, ws);  // the next login shows it, fixed
    BOOST_TEST(!child<wxTextCtrl>(&next, "workstation")->IsEditable());
    BOOST_TEST(child<wxTextCtrl>(&next, "workstation")->GetValue().ToStdString(wxConvUTF8) == "窗口-03");
    unsetenv("GONGJI_WORKSTATION_FILE");
}

BOOST_FIXTURE_TEST_CASE(the_clerk_looks_a_person_up_as_the_number_is_typed, Demo) {
    auto* frame = new ui::MainFrame(ws, {"clerk", core::Role::clerk, "窗口-03"});
    frame->SetSize(1366, 768);
    frame->Show();
    pump();
    BOOST_TEST(frame->GetStatusBar()->GetStatusText(1).ToStdString(wxConvUTF8) == "角色：窗口受理员");
    // A clerk has no review queue and nothing to approve with.
    BOOST_TEST(frame->review_panel() == nullptr);
    BOOST_TEST(frame->FindWindow(wxXmlResource::GetXRCID("approve")) == nullptr);
    auto* entry = child<wxTextCtrl>(frame, "id_entry");
    auto* status = child<wxStaticText>(frame, "id_status");

    entry->SetValue("450802196503120118");  // wrong check character
    pump();
    // Said with the character it should be: a clerk who does not know "校验码" still sees which.
    BOOST_TEST(status->GetLabel().ToStdString(wxConvUTF8).find("最后一位（校验码）应为 7，而不是 8") != std::string::npos,
               status->GetLabel().ToStdString(wxConvUTF8));
    BOOST_TEST(child<wxStaticText>(frame, "card_name")->GetLabel().ToStdString(wxConvUTF8) == "—");

    entry->SetValue("450802196503120117");
    pump();
    BOOST_TEST(child<wxStaticText>(frame, "card_name")->GetLabel().ToStdString(wxConvUTF8) == "张伟");
    BOOST_TEST(child<wxStaticText>(frame, "card_balance")->GetLabel().ToStdString(wxConvUTF8) == "3200.00 元");
    auto* bindings = child<wxListCtrl>(frame, "bindings");
    BOOST_REQUIRE(bindings->GetItemCount() == 1);
    BOOST_TEST(bindings->GetItemText(0, 1).ToStdString(wxConvUTF8).find("张磊") != std::string::npos);
    BOOST_TEST(bindings->GetItemText(0, 3).ToStdString(wxConvUTF8) == "生效");
    BOOST_TEST(child<wxStaticText>(frame, "card_waiting")->GetLabel().ToStdString(wxConvUTF8) == "无");
    // No profile of the agency's own yet: the limits are those of the profile for his region.
    auto his_limits = child<wxStaticText>(frame, "card_limits")->GetLabel().ToStdString(wxConvUTF8);
    BOOST_TEST(his_limits.find("作为授权人 1 / 7 人") == 0u, his_limits);
    BOOST_TEST(his_limits.find("广西壮族自治区") != std::string::npos, his_limits);

    // Pasted from a spreadsheet cell (a line end after it), or typed in full-width digits.
    entry->SetValue("450802195001010116\r\n");
    pump();
    BOOST_TEST(child<wxStaticText>(frame, "card_name")->GetLabel().ToStdString(wxConvUTF8) == "黄明");
    // 黄明 pays for seven relatives: the card says he is at the limit, with his pending case.
    app::set_default_policy(ws, {"admin", core::Role::admin, "管理-01"}, "guangxi");
    app::BindApplication a;
    a.policy = "guangxi";
    a.authorizer_id = "450803199309150128";  // 李娜 applies to pay for 黄明
    a.user_id = "450802195001010116";
    a.relation = "51";                       // her father
    a.documents = {core::DocumentType::id_card, core::DocumentType::hukou};
    auto waiting = app::submit_bind(ws, {"clerk", core::Role::clerk, "窗口-03"}, a).number;
    // The start screen: today's cases at this window, newest first.
    auto* today = child<wxListCtrl>(frame, "today");
    BOOST_TEST(today->GetItemCount() == 0);
    frame->clerk_panel()->show_today();
    BOOST_REQUIRE(today->GetItemCount() == 1);
    BOOST_TEST(today->GetItemText(0, 0).ToStdString(wxConvUTF8) == waiting);
    entry->SetValue(wxString::FromUTF8("４５０８０２１９５００１０１０１１６"));
    pump();
    BOOST_TEST(child<wxStaticText>(frame, "card_name")->GetLabel().ToStdString(wxConvUTF8) == "黄明");
    auto limits = child<wxStaticText>(frame, "card_limits")->GetLabel().ToStdString(wxConvUTF8);
    BOOST_TEST(limits.find("作为授权人 7 / 7 人（已满）") == 0u, limits);
    BOOST_TEST(limits.find("作为使用人 1 / 1 人（已满）") != std::string::npos, limits);
    auto pending = child<wxStaticText>(frame, "card_waiting")->GetLabel().ToStdString(wxConvUTF8);
    BOOST_TEST(pending.find(waiting) == 0u, pending);
    BOOST_TEST(pending.find("父亲") != std::string::npos, pending);
    BOOST_TEST(!child<wxListCtrl>(frame, "bindings")->GetItemText(0, 6).empty());  // since when
    screenshot(frame, "clerk-person-card-limits.png");
    entry->SetValue("450802196503120117");
    pump();
    screenshot(frame, "clerk-person-card.png");
    auto* statement = frame->clerk_panel()->preview_statement({2026, 1, 1}, {2026, 11, 30});  // his money's use
    BOOST_REQUIRE(statement != nullptr);
    statement->Close(true);

    // Unbinding from the card: select the row, choose the reason, end it at once.
    bindings->SetItemState(0, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
    child<wxChoice>(frame, "unbind_reason")->SetSelection(0);
    BOOST_TEST(frame->clerk_panel()->unbind_selected());
    pump();
    BOOST_TEST(child<wxListCtrl>(frame, "bindings")->GetItemText(0, 3).ToStdString(wxConvUTF8) == "已解除");
    BOOST_TEST(child<wxStaticText>(frame, "card_outcome")->GetLabel().ToStdString(wxConvUTF8).find("已解除") != std::string::npos);

    // English is chosen from the menu: the window is built again in English, and remembered.
    frame = frame->switch_language("en");
    pump();
    BOOST_TEST(frame->GetStatusBar()->GetStatusText(1).ToStdString(wxConvUTF8) == "Role: clerk");
    BOOST_TEST(child<wxButton>(frame, "unbind")->GetLabel().ToStdString(wxConvUTF8) == "&Unbind the selected binding");
    wxString saved;
    BOOST_TEST(wxConfigBase::Get()->Read("language", &saved));
    BOOST_TEST(saved == "en");
    frame = frame->switch_language("zh_CN");
    pump();
    BOOST_TEST(frame->GetStatusBar()->GetStatusText(1).ToStdString(wxConvUTF8) == "角色：窗口受理员");

    // The day's report of this clerk's cases, from the Work menu (Ctrl+D).
    auto* daily = frame->preview_daily_report();
    BOOST_REQUIRE(daily != nullptr);
    daily->Close(true);

    // Five minutes without input lock the screen; only the clerk's own password opens it.
    long long now = wxGetLocalTimeMillis().GetValue();
    frame->touch(now);
    BOOST_TEST(!frame->should_lock(now + 4 * 60 * 1000));
    BOOST_TEST(frame->should_lock(now + 5 * 60 * 1000));
    frame->lock();
    BOOST_TEST(!child<wxTextCtrl>(frame, "id_entry")->IsShownOnScreen());
    // No shortcut reaches the work behind the lock: Ctrl+D (the day's report) opens nothing.
    int daily_id = wxNOT_FOUND;
    for (size_t m = 0; m < frame->GetMenuBar()->GetMenuCount(); ++m)
        for (auto* item : frame->GetMenuBar()->GetMenu(m)->GetMenuItems())
            if (item->GetItemLabel().EndsWith("\tCtrl+D")) daily_id = item->GetId();
    BOOST_REQUIRE(daily_id != wxNOT_FOUND);
    pump();  // windows closed before are gone
    auto windows = wxTopLevelWindows.GetCount();
    wxCommandEvent daily_key(wxEVT_MENU, daily_id);
    frame->ProcessWindowEvent(daily_key);
    pump();
    BOOST_TEST(wxTopLevelWindows.GetCount() == windows);
    BOOST_TEST(!frame->unlock("wrong"));
    BOOST_TEST(frame->locked());
    BOOST_TEST(frame->unlock("demo"));
    BOOST_TEST(child<wxTextCtrl>(frame, "id_entry")->IsShownOnScreen());
    frame->Destroy();
    pump();
}

// Real key presses (XTest), not injected events: the clerk's most frequent actions need no mouse.
BOOST_FIXTURE_TEST_CASE(the_keyboard_reaches_the_clerks_frequent_actions, Demo) {
    auto* frame = new ui::MainFrame(ws, {"clerk", core::Role::clerk, "窗口-03"});
    frame->SetSize(1366, 768);
    frame->Show();
    frame->Raise();
    pump();
    auto wait_for = [](const std::function<bool()>& condition) { return test::wait_until(condition, 5000) >= 0; };
    auto* entry = child<wxTextCtrl>(frame, "id_entry");
    BOOST_REQUIRE(wait_for([&] { return wxWindow::FindFocus() == entry; }));  // focused from the start
    wxUIActionSimulator keys;
    keys.Text("450802196503120117");
    BOOST_TEST(wait_for([&] { return child<wxStaticText>(frame, "card_name")->GetLabel().ToStdString(wxConvUTF8) == "张伟"; }));
    auto* pages = dynamic_cast<wxNotebook*>(frame->clerk_panel()->GetParent());
    keys.Char('F', wxMOD_CONTROL);  // Find a case
    BOOST_TEST(wait_for([&] { return pages->GetSelection() == 1; }));
    BOOST_TEST(wait_for([&] { return wxWindow::FindFocus() == child<wxTextCtrl>(frame, "search_number"); }));
    keys.Char('I', wxMOD_CONTROL);  // Find a person: back, with the number selected to type over
    BOOST_TEST(wait_for([&] { return pages->GetSelection() == 0 && wxWindow::FindFocus() == entry; }));
    keys.Text("450802196503120117");
    BOOST_TEST(wait_for([&] { return child<wxStaticText>(frame, "card_name")->GetLabel().ToStdString(wxConvUTF8) == "张伟"; }));
    keys.Char(WXK_RETURN);  // Enter: on to the bindings, the first one chosen
    auto* bindings = child<wxListCtrl>(frame, "bindings");
    BOOST_TEST(wait_for([&] { return wxWindow::FindFocus() == bindings; }));
    BOOST_TEST(bindings->GetItemState(0, wxLIST_STATE_SELECTED) == wxLIST_STATE_SELECTED);

    // The database goes away under the window: the clerk is told, the window stays.
    app::database(ws).sql() << "ALTER TABLE persons RENAME TO persons_gone";
    entry->SetValue("450802196708200129");
    pump();
    BOOST_TEST(child<wxStaticText>(frame, "id_status")->GetLabel().ToStdString(wxConvUTF8).find("无法读取数据库") == 0u);
    BOOST_TEST(child<wxStaticText>(frame, "card_name")->GetLabel().ToStdString(wxConvUTF8) == "—");
    app::database(ws).sql() << "ALTER TABLE persons_gone RENAME TO persons";
    frame->Destroy();
    pump();
}

BOOST_FIXTURE_TEST_CASE(the_clerk_changes_the_deduction_order_and_renews_a_legacy_binding_from_the_card, Demo) {
    auto add_binding = [&](const char* authorizer, const char* user, const char* relation, int order, bool legacy) {
        storage::BindingRecord b;
        b.authorizer_id = authorizer;
        b.user_id = user;
        b.relation = relation;
        b.policy = "guangxi";
        b.status = core::BindingStatus::active;
        b.legacy = legacy;
        b.deduction_order = order;
        b.created_at = *core::Instant::parse("2019-05-01T00:00:00Z");
        b.since = b.created_at;
        app::stores(ws).bindings.insert(b);
    };
    add_binding("450803199309150128", "450802199205060113", "10", 2, false);  // 李娜 also pays for 张磊
    add_binding("450802196503120117", "450802196708200129", "12", 1, true);   // 张伟's wife, under the old rules
    auto* frame = new ui::MainFrame(ws, {"clerk", core::Role::clerk, "窗口-03"});
    frame->SetSize(1366, 768);
    frame->Show();
    pump();
    auto* clerk = frame->clerk_panel();
    auto* bindings = child<wxListCtrl>(frame, "bindings");
    auto row_of = [&](const char* name) {
        for (long row = 0; row < bindings->GetItemCount(); ++row)
            if (bindings->GetItemText(row, 1).ToStdString(wxConvUTF8).find(name) != std::string::npos) return row;
        return -1L;
    };

    child<wxTextCtrl>(frame, "id_entry")->SetValue("450802199205060113");
    pump();
    BOOST_REQUIRE(bindings->GetItemCount() == 2);
    long li_na = row_of("李娜");
    BOOST_TEST(bindings->GetItemText(li_na, 4) == "2");
    bindings->SetItemState(li_na, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
    BOOST_TEST(!clerk->move_selected(+1));  // already last: nothing changes
    BOOST_TEST(clerk->move_selected(-1));
    BOOST_TEST(bindings->GetItemText(row_of("李娜"), 4) == "1");
    BOOST_TEST(bindings->GetItemText(row_of("张伟"), 4) == "2");
    BOOST_TEST(app::stores(ws).bindings.find_open("450803199309150128", "450802199205060113")->deduction_order == 1);
    BOOST_TEST(child<wxStaticText>(frame, "card_outcome")->GetLabel().ToStdString(wxConvUTF8).find("扣款顺序") != std::string::npos);
    screenshot(frame, "clerk-deduction-order.png");

    child<wxTextCtrl>(frame, "id_entry")->SetValue("450802196503120117");
    pump();
    long wife = row_of("李秀英");
    BOOST_REQUIRE(wife >= 0);
    BOOST_TEST(bindings->GetItemText(wife, 3).ToStdString(wxConvUTF8) == "生效（旧规则）");
    bindings->SetItemState(row_of("张磊"), wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
    BOOST_TEST(!clerk->renew_selected());  // not a legacy binding
    bindings->SetItemState(wife, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
    BOOST_TEST(clerk->renew_selected());
    BOOST_TEST(child<wxStaticText>(frame, "card_outcome")->GetLabel().ToStdString(wxConvUTF8).find("续办") != std::string::npos);
    app::CaseSearch renewals;
    renewals.status = core::CaseStatus::submitted;
    BOOST_TEST(app::list_cases(ws, renewals).at(0).kind == core::CaseKind::rebind);
    frame->Destroy();
    pump();
}

BOOST_FIXTURE_TEST_CASE(a_new_binding_shows_its_reasons_live_and_is_submitted, Demo) {
    test::TempDir files;
    auto card = files.write("card.png", test::sample_id_card("李秀英", "450802196708200129"));
    auto certificate = files.write("certificate.pdf", test::sample_pdf(2));
    app::set_default_policy(ws, {"admin", core::Role::admin, "管理-01"}, "guangxi");
    ui::BindDialog dialog(nullptr, ws, {"clerk", core::Role::clerk, "窗口-03"}, "450802196503120117");
    dialog.Show();
    BOOST_TEST(child<wxChoice>(&dialog, "policy")->GetStringSelection().ToStdString(wxConvUTF8) == "广西壮族自治区（guangxi）");
    child<wxTextCtrl>(&dialog, "user")->SetValue("450802196708200129");
    BOOST_TEST(child<wxStaticText>(&dialog, "authorizer_name")->GetLabel().ToStdString(wxConvUTF8) == "张伟");
    BOOST_TEST(child<wxStaticText>(&dialog, "user_name")->GetLabel().ToStdString(wxConvUTF8) == "李秀英");
    // The relation by its pinyin initial; what cannot fit 张伟 (a man) and 李秀英 (a younger
    // woman) is not offered: no 夫, no 母亲.
    auto* relation = child<wxTextCtrl>(&dialog, "relation");
    relation->SetValue("q");
    BOOST_TEST(child<wxStaticText>(&dialog, "relation_chosen")->GetLabel().ToStdString(wxConvUTF8) == "12 妻");
    relation->SetValue(wxString::FromUTF8("母亲"));
    BOOST_TEST(child<wxListBox>(&dialog, "relation_matches")->GetCount() == 0u);
    // Said, not an empty list alone (a helper's trial typed on and wondered).
    BOOST_TEST(child<wxStaticText>(&dialog, "relation_chosen")->GetLabel().ToStdString(wxConvUTF8) ==
               "没有与“母亲”相符且适合这两人的关系");
    relation->SetValue("1");
    BOOST_TEST(child<wxListBox>(&dialog, "relation_matches")->GetCount() == 2u);  // 10 配偶, 12 妻
    relation->SetValue("12");
    auto* reasons = child<wxListBox>(&dialog, "reasons");
    BOOST_REQUIRE(reasons->GetCount() >= 2u);
    // Papers still to come are said as such, not as a refusal, with what may stand in.
    BOOST_TEST(reasons->GetString(0).ToStdString(wxConvUTF8) == "材料齐全后即符合条件");
    BOOST_TEST(reasons->GetString(1).ToStdString(wxConvUTF8).find("缺少材料") != std::string::npos);
    bool letter_offered = false;  // one missing paper a line, each with what may stand in
    for (unsigned i = 2; i < reasons->GetCount(); ++i)
        letter_offered |= reasons->GetString(i).ToStdString(wxConvUTF8).find("承诺书") != std::string::npos;
    BOOST_TEST(letter_offered);
    auto* checklist = child<wxListBox>(&dialog, "checklist");
    BOOST_REQUIRE(checklist->GetCount() == 2u);
    BOOST_TEST(checklist->GetString(0).ToStdString(wxConvUTF8).find("✘") == 0u);
    BOOST_TEST(checklist->GetSelection() == 0);  // Enter would capture the first paper missing
    // Submitting now says which papers are missing; the words go once the inputs change.
    BOOST_TEST(!dialog.submit());
    auto* outcome = child<wxStaticText>(&dialog, "outcome");
    BOOST_TEST(outcome->GetLabel().ToStdString(wxConvUTF8).find("尚缺材料") != std::string::npos, outcome->GetLabel().ToStdString(wxConvUTF8));
    BOOST_TEST(outcome->GetLabel().ToStdString(wxConvUTF8).find("不符合") == std::string::npos);
    BOOST_TEST(dialog.half_filled());  // Escape would ask before throwing this away

    // The 承诺书 prints before submission, without a case number.
    auto* letter = dialog.preview(app::Paper::commitment);
    BOOST_REQUIRE(letter != nullptr);
    letter->Close(true);
    pump();

    dialog.attach_file(core::DocumentType::id_card, card);
    BOOST_TEST(outcome->GetLabel().empty());
    BOOST_TEST(checklist->GetSelection() == 1);  // on to the next paper missing
    // The type offered for the next file moves on with it.
    BOOST_TEST(child<wxChoice>(&dialog, "document_type")->GetStringSelection().ToStdString(wxConvUTF8) == "结婚证");
    // A file added by mistake is taken back with Delete on the list, before submission.
    dialog.attach_file(core::DocumentType::hukou, certificate);
    auto* attached = child<wxListBox>(&dialog, "attached");
    BOOST_REQUIRE(attached->GetCount() == 2u);
    attached->SetSelection(1);
    dialog.remove_chosen_paper();
    BOOST_TEST(attached->GetCount() == 1u);
    BOOST_TEST(dialog.form().uploads().size() == 1u);
    dialog.attach_file(core::DocumentType::marriage_certificate, certificate);
    BOOST_TEST(reasons->GetString(0).ToStdString(wxConvUTF8) == "符合共济条件");
    BOOST_TEST(checklist->GetString(1).ToStdString(wxConvUTF8).find("✔") == 0u);
    screenshot(&dialog, "new-binding.png");
    BOOST_TEST(dialog.submit());
    BOOST_TEST(dialog.case_number().rfind("GJ", 0) == 0u);
    BOOST_TEST(child<wxStaticText>(&dialog, "outcome")->GetLabel().ToStdString(wxConvUTF8).find("已受理") != std::string::npos);
    BOOST_TEST(!child<wxButton>(&dialog, "submit")->IsEnabled());  // never submitted twice
    // The clerk cannot approve it: there is no review tab for a clerk, and the rule holds below it.
    BOOST_CHECK_THROW(app::approve_case(ws, {"clerk", core::Role::clerk, "窗口-03"}, dialog.case_number()), app::Refused);

    // The signed commitment letter is scanned (SANE's test backend) off the UI thread and goes
    // to the submitted case.
    child<wxChoice>(&dialog, "document_type")->SetStringSelection(wxString::FromUTF8("承诺书"));
    dialog.scan();
    BOOST_TEST(dialog.scanning());
    wxStopWatch scan_watch;
    while (dialog.scanning() && scan_watch.Time() < 60000) pump();
    BOOST_TEST(child<wxListBox>(&dialog, "attached")->GetCount() == 3u);
    BOOST_TEST(app::list_documents(ws, dialog.case_number()).size() == 3u);
    // Said as added to the case, not checked again against the case's own pending binding.
    BOOST_TEST(outcome->GetLabel().ToStdString(wxConvUTF8) == "承诺书已加入办件 " + dialog.case_number(),
               outcome->GetLabel().ToStdString(wxConvUTF8));
    BOOST_TEST(reasons->GetString(0).ToStdString(wxConvUTF8) == "符合共济条件");
    BOOST_TEST(!dialog.half_filled());  // submitted: closing loses nothing

    // The receipt in the print preview, drawn by the same renderer as the PDF.
    auto* preview = dialog.preview(app::Paper::receipt);
    BOOST_REQUIRE(preview != nullptr);
    preview->SetSize(1000, 740);
    screenshot(preview, "print-preview-receipt.png");
    preview->Close(true);  // as its Close button does: the other windows are enabled again
    pump();

    // The supervisor's viewer: the ID card, both pages of the certificate, the letter; zoomed,
    // turned and fitted; a document whose bytes changed says so instead of showing them.
    {
        const app::Actor supervisor{"super", core::Role::supervisor, "窗口-09"};
        ui::DocumentViewer viewer(nullptr, ws, supervisor, dialog.case_number());
        viewer.Show();
        pump();
        BOOST_REQUIRE(viewer.count() == 3u);  // the card, the certificate and the scanned letter
        BOOST_TEST(viewer.show_document(0));
        auto* canvas = viewer.canvas();
        wxSize fitted = canvas->shown_size();
        BOOST_TEST(fitted.x > 0);
        canvas->rotate();
        BOOST_TEST(canvas->quarter_turns() == 1);
        BOOST_TEST(canvas->shown_size().x < canvas->shown_size().y);  // the landscape card stands up
        double zoom = canvas->zoom();
        canvas->zoom_by(1.25);
        BOOST_TEST(canvas->zoom() == zoom * 1.25, boost::test_tools::tolerance(1e-9));
        BOOST_TEST(viewer.show_document(1));
        BOOST_TEST(viewer.turn_page(+1));
        BOOST_TEST(viewer.page() == 1);
        BOOST_TEST(!viewer.turn_page(+1));  // the certificate has two pages
        viewer.show_document(0);
        screenshot(&viewer, "document-viewer.png");
        app::database(ws).sql() << "UPDATE documents SET content = :c WHERE file_name = 'card.png'",
            soci::use(std::string("iVBORw0KGgo="));
        BOOST_TEST(!viewer.show_document(0));
        BOOST_TEST(child<wxStaticText>(&viewer, "page_info")->GetLabel().ToStdString(wxConvUTF8).find("SHA-256 不符") != std::string::npos);
        viewer.Hide();
    }

    // What a printer gets: the page drawn onto its DC, and the print recorded in the log.
    storage::SettingsRepository log(app::database(ws));
    BOOST_TEST(log.prints_of(dialog.case_number()) == 0);
    {
        app::DocumentRequest request;
        request.kind = app::Paper::commitment;
        request.case_number = dialog.case_number();
        ui::ReportPrintout printout(ws, {"clerk", core::Role::clerk, "窗口-03"}, request);
        wxBitmap page(1240, 1754);
        wxMemoryDC dc(page);
        dc.SetBackground(*wxWHITE_BRUSH);
        dc.Clear();
        printout.SetDC(&dc);
        printout.SetPageSizePixels(1240, 1754);
        printout.SetPPIPrinter(150, 150);
        printout.SetPaperRectPixels(wxRect(0, 0, 1240, 1754));
        printout.OnBeginPrinting();
        BOOST_REQUIRE(printout.OnPrintPage(1));
        printout.OnEndPrinting();
        dc.SelectObject(wxNullBitmap);
        BOOST_TEST(dark_pixels(page.ConvertToImage(), wxRect(0, 0, 1240, 300)) > 500);  // the header is on the page
        BOOST_TEST(dark_pixels(page.ConvertToImage(), wxRect(0, 877, 1240, 877)) > 0);  // scaled to the whole sheet
    }
    BOOST_TEST(log.prints_of(dialog.case_number()) == 1);
    dialog.Hide();
}

BOOST_FIXTURE_TEST_CASE(a_supervisor_rejects_one_approves_another_but_never_their_own_case, Demo) {
    auto submit = [&](const char* who, core::Role role) {
        app::BindApplication a;
        a.policy = "guangxi";
        a.authorizer_id = "450802196503120117";
        a.user_id = "450802196708200129";
        a.relation = "12";
        a.documents = {core::DocumentType::id_card, core::DocumentType::marriage_certificate};
        return app::submit_bind(ws, {who, role, "窗口-01"}, a).number;
    };
    auto unclear = submit("clerk", core::Role::clerk);
    auto* frame = new ui::MainFrame(ws, {"super", core::Role::supervisor, "审核-01"});
    frame->SetSize(1366, 768);
    frame->Show();
    auto* review = frame->review_panel();
    BOOST_REQUIRE(review != nullptr);
    dynamic_cast<wxNotebook*>(review->GetParent())->SetSelection(1);
    auto* queue = dynamic_cast<wxListCtrl*>(review->FindWindow(wxXmlResource::GetXRCID("queue")));
    BOOST_REQUIRE(queue);
    BOOST_TEST(queue->GetItemCount() == 1);

    // The first application is rejected with a reason code and a note.
    review->select(0);
    child<wxChoice>(frame, "reject_reason")->SetSelection(0);  // documents unclear
    child<wxTextCtrl>(frame, "reject_note")->SetValue(wxString::FromUTF8("结婚证复印件模糊"));
    screenshot(frame, "review-reject.png");
    BOOST_TEST(review->reject());
    BOOST_TEST(queue->GetItemCount() == 0);
    auto rejected = app::find_case(ws, unclear);
    BOOST_TEST(rejected.status == core::CaseStatus::rejected);
    BOOST_TEST(rejected.reason.value_or("") == "documents_unclear");
    BOOST_TEST(rejected.note.value_or("") == "结婚证复印件模糊");
    BOOST_TEST(child<wxStaticText>(frame, "review_outcome")->GetLabel().ToStdString(wxConvUTF8).find("驳回") != std::string::npos);
    BOOST_TEST(child<wxButton>(frame, "print_decision")->IsEnabled());  // the notice for the citizen
    auto* decision = review->preview_decision();
    BOOST_REQUIRE(decision != nullptr);
    decision->SetSize(1000, 740);
    screenshot(decision, "print-preview-decision.png");
    decision->Close(true);

    // The clerk applies again with clear papers; this one is approved.
    auto clerks = submit("clerk", core::Role::clerk);
    review->refresh();
    BOOST_REQUIRE(queue->GetItemCount() == 1);
    // Filtering as the supervisor types; a number nobody has leaves the queue empty.
    child<wxTextCtrl>(frame, "queue_filter")->SetValue("no-such-case");
    BOOST_TEST(queue->GetItemCount() == 0);
    child<wxTextCtrl>(frame, "queue_filter")->SetValue(wxString::FromUTF8("李秀"));  // by the user's name
    BOOST_TEST(queue->GetItemCount() == 1);
    BOOST_TEST(queue->GetItemText(0, 4).ToStdString(wxConvUTF8) == "李秀英 450802196708200129");
    child<wxTextCtrl>(frame, "queue_filter")->SetValue(wxString::FromUTF8(clerks.substr(0, 8).c_str()));
    BOOST_TEST(queue->GetItemCount() == 1);
    review->select(0);
    auto* approve = child<wxButton>(frame, "approve");
    BOOST_TEST(approve->IsEnabled());
    BOOST_TEST(child<wxListBox>(frame, "review_reasons")->GetString(0).ToStdString(wxConvUTF8) == "符合共济条件");
    screenshot(frame, "review-queue.png");
    BOOST_TEST(review->approve());
    BOOST_TEST(queue->GetItemCount() == 0);
    BOOST_TEST(app::find_case(ws, clerks).status == core::CaseStatus::approved);

    // The supervisor's own case: Approve is disabled and says why.
    app::unbind(ws, {"clerk", core::Role::clerk, "窗口-01"}, "450802196503120117", "450802196708200129", core::UnbindReason::request);
    auto own = submit("super", core::Role::supervisor);
    review->refresh();
    BOOST_REQUIRE(queue->GetItemCount() == 1);
    review->select(0);
    BOOST_TEST(!approve->IsEnabled());
    BOOST_TEST(approve->GetToolTipText().ToStdString(wxConvUTF8).find("其他审核员") != std::string::npos);
    screenshot(frame, "review-own-case.png");
    BOOST_TEST(app::find_case(ws, own).status == core::CaseStatus::submitted);

    // The approved case is found again by the user's ID number; its decision notice can be printed.
    auto* search = frame->case_search();
    BOOST_REQUIRE(search != nullptr);
    dynamic_cast<wxNotebook*>(search->GetParent())->SetSelection(2);
    child<wxTextCtrl>(frame, "search_person")->SetValue("450802196708200129");
    child<wxChoice>(frame, "search_status")->SetStringSelection(wxString::FromUTF8("审核通过"));
    BOOST_TEST(search->search() == 2);  // her binding and its unbinding
    child<wxTextCtrl>(frame, "search_number")->SetValue(wxString::FromUTF8(clerks.c_str()));
    BOOST_TEST(search->search() == 1);
    BOOST_TEST(child<wxStaticText>(frame, "search_detail")->GetLabel().ToStdString(wxConvUTF8).find(clerks) != std::string::npos);
    BOOST_TEST(child<wxButton>(frame, "reprint_decision")->IsEnabled());
    BOOST_TEST(!child<wxButton>(frame, "reprint_unbind")->IsEnabled());
    BOOST_TEST(child<wxButton>(frame, "reprint_delivery")->IsEnabled());   // decided: its 送达回执
    BOOST_TEST(!child<wxButton>(frame, "reprint_correction")->IsEnabled());  // never asked for papers
    BOOST_TEST(child<wxButton>(frame, "mark_delivered")->IsEnabled());
    screenshot(frame, "case-search.png");
    // The citizen signs the delivery receipt at the window: recorded once, then no longer offered.
    BOOST_TEST(search->deliver_selected());
    BOOST_TEST(app::find_case(ws, clerks).delivered_how.value_or("") == "window");
    BOOST_TEST(!child<wxButton>(frame, "mark_delivered")->IsEnabled());
    BOOST_TEST(child<wxButton>(frame, "reprint_delivery")->IsEnabled());
    auto* notice = search->reprint(app::Paper::decision);
    BOOST_REQUIRE(notice != nullptr);
    notice->Close(true);
    child<wxTextCtrl>(frame, "search_number")->SetValue("");
    child<wxTextCtrl>(frame, "search_person")->SetValue("4508021967082001");  // one digit short
    BOOST_TEST(search->search() == -1);
    // Said in the window's words, naming what was typed (no command-line flag).
    auto said = child<wxStaticText>(frame, "search_outcome")->GetLabel().ToStdString(wxConvUTF8);
    BOOST_TEST(said == "4508021967082001 不是有效的身份证号码", said);

    // The supervisor's own application, still waiting, is withdrawn at the applicant's request.
    child<wxTextCtrl>(frame, "search_person")->SetValue("");
    child<wxTextCtrl>(frame, "search_number")->SetValue(wxString::FromUTF8(own.c_str()));
    child<wxChoice>(frame, "search_status")->SetSelection(0);
    BOOST_TEST(search->search() == 1);
    BOOST_TEST(child<wxButton>(frame, "withdraw_case")->IsEnabled());
    BOOST_TEST(search->withdraw_selected());
    BOOST_TEST(app::find_case(ws, own).status == core::CaseStatus::withdrawn);
    BOOST_TEST(!child<wxButton>(frame, "withdraw_case")->IsEnabled());  // shown again, withdrawn
    frame->Destroy();
    pump();
}

// The supervisor's eligibility line is approval's verdict: a case whose marriage certificate was
// removed after it was submitted names the missing paper, and approving it is refused alike.
BOOST_FIXTURE_TEST_CASE(the_review_line_judges_a_case_as_approval_does_with_its_papers, Demo) {
    const app::Actor clerk{"clerk", core::Role::clerk, "窗口-01"};
    app::BindApplication a;
    a.policy = "guangxi";
    a.authorizer_id = "450802196503120117";
    a.user_id = "450802196708200129";
    a.relation = "12";
    a.documents = {core::DocumentType::id_card};
    a.uploads = {{core::DocumentType::marriage_certificate, "marriage.png", test::tiny_png()}};
    auto number = app::submit_bind(ws, clerk, a).number;
    app::remove_document(ws, clerk, app::list_documents(ws, number).at(0).id);

    auto* frame = new ui::MainFrame(ws, {"super", core::Role::supervisor, "审核-01"});
    frame->Show();
    auto* review = frame->review_panel();
    BOOST_REQUIRE(review != nullptr);
    review->select(0);
    auto* reasons = child<wxListBox>(frame, "review_reasons");
    BOOST_REQUIRE(reasons->GetCount() >= 1u);
    const auto line = reasons->GetString(0).ToStdString(wxConvUTF8);
    BOOST_TEST(line.find("缺少材料") != std::string::npos, line);
    BOOST_TEST(line.find("结婚证") != std::string::npos, line);
    BOOST_TEST(!review->approve());
    const auto said = child<wxStaticText>(frame, "review_outcome")->GetLabel().ToStdString(wxConvUTF8);
    BOOST_TEST(said.find("结婚证") != std::string::npos, said);  // why, not only that it is refused
    BOOST_TEST(said.find("驳回") != std::string::npos, said);    // and what can be done instead
    BOOST_TEST(app::find_case(ws, number).status == core::CaseStatus::submitted);
    frame->Destroy();
    pump();
}

BOOST_FIXTURE_TEST_CASE(a_roster_import_runs_off_the_ui_thread_and_lists_rejected_lines, Demo) {
    test::TempDir files;
    auto path = files.write("roster.csv",
                            "id_number,name,gender,birth_date,insurance_type,status,pooling_region,account_balance\n"
                            "450802196503120117,张伟,1,1965-03-12,310,1,450800,3300.00\n"
                            "450802196503120118,错号,1,1965-03-12,310,1,450800,1.00\n"
                            "450802199205060113,张磊,1,1992-05-06,390,4,450800,0\n");
    auto* frame = new ui::MainFrame(ws, {"admin", core::Role::admin, "管理-01"});
    frame->SetSize(1366, 768);
    frame->Show();
    auto* admin = frame->admin_panel();
    BOOST_REQUIRE(admin != nullptr);
    admin->import_file(path);
    // The window keeps answering while the import runs; wait for it without fixed sleeps.
    wxStopWatch watch;
    while ((admin->importing() || !child<wxButton>(frame, "import_roster")->IsEnabled()) && watch.Time() < 30000) pump();
    auto* rejected = child<wxListCtrl>(frame, "rejected");
    BOOST_REQUIRE(rejected->GetItemCount() == 1);
    BOOST_TEST(rejected->GetItemText(0, 0).ToStdString(wxConvUTF8) == "3");
    BOOST_TEST(rejected->GetItemText(0, 1).ToStdString(wxConvUTF8) == "id_invalid");
    auto summary = child<wxStaticText>(frame, "import_summary")->GetLabel().ToStdString(wxConvUTF8);
    BOOST_TEST(summary.find("拒绝 1") != std::string::npos, summary);
    BOOST_TEST(summary.find("自动解除共济关系 1") != std::string::npos, summary);
    BOOST_TEST(app::stores(ws).persons.find("450802196503120117")->balance_fen == 330000);
    screenshot(frame, "admin-roster-import.png");
    frame->Destroy();
    pump();
}

// Where duties are separate the audit administrator's window is the access log and nothing else;
// a search by ID number lists who looked at that person, and a bad number is said there.
BOOST_FIXTURE_TEST_CASE(the_audit_administrator_sees_who_looked_at_whose_card, Demo) {
    app::person_card(ws, {"clerk", core::Role::clerk, "窗口-01"}, "450802196503120117");
    app::Actor auditor{"shenji", core::Role::admin, "审计-01"};
    auditor.duty = core::Duty::audit;
    auto* frame = new ui::MainFrame(ws, auditor);
    frame->SetSize(1366, 768);
    frame->Show();
    pump();
    BOOST_TEST(frame->admin_panel() == nullptr);
    BOOST_TEST(frame->users_panel() == nullptr);
    BOOST_TEST(frame->policy_panel() == nullptr);
    BOOST_REQUIRE(frame->access_log_panel() != nullptr);
    BOOST_TEST(frame->GetStatusBar()->GetStatusText(1).ToStdString(wxConvUTF8) == "角色：审计管理员");
    auto* log = frame->access_log_panel();
    child<wxTextCtrl>(frame, "access_person")->SetValue("450802196503120117");
    BOOST_TEST(log->search());
    BOOST_TEST(log->rows() == 1);
    BOOST_TEST(child<wxStaticText>(frame, "access_outcome")->GetLabel().ToStdString(wxConvUTF8) == "1 条查看记录");
    auto* list = child<wxListCtrl>(frame, "access_list");
    BOOST_TEST(list->GetItemText(0, 4).ToStdString(wxConvUTF8) == "人员信息卡");
    screenshot(frame, "access-log.png");
    child<wxTextCtrl>(frame, "access_person")->SetValue("12345");
    BOOST_TEST(!log->search());
    BOOST_TEST(log->rows() == 0);
    frame->Destroy();
    pump();
}

// The supervisor's fund-supervision tab: the platform's records of last month checked off the UI
// thread, the one payment without a binding listed with its people and amount, its detail shown,
// and the findings exported as a workbook.
BOOST_FIXTURE_TEST_CASE(the_supervisor_checks_recorded_settlements_and_exports_the_findings, Demo) {
    const std::string son = "450802199205060113", father = "450802196503120117", lina = "450803199309150128";
    app::settle_text(ws,
                     "setl_id,setl_time,certno,psn_name,fixmedins_code,fixmedins_name,med_type,medfee_sumamt,psn_part_amt,"
                     "acct_pay,acct_mulaid_pay,mulaid_certno,psn_cash_pay,balc\n"
                     "R1,2026-11-22 09:30:00," + son + ",张磊,H1,贵港市人民医院,11,120.00,86.50,0.00,86.50," + father + ",0.00,0.00\n"
                     "R2,2026-11-23 10:00:00," + son + ",张磊,H1,贵港市人民医院,11,150.00,100.00,0.00,40.00," + lina + ",60.00,0.00\n",
                     app::Encoding::utf8, {"admin", "test"});
    auto* frame = new ui::MainFrame(ws, {"super", core::Role::supervisor, "审核-01"});
    frame->SetSize(1366, 768);
    frame->Show();
    auto* panel = frame->supervision_panel();
    BOOST_REQUIRE(panel != nullptr);
    auto* pages = dynamic_cast<wxNotebook*>(panel->GetParent());
    pages->SetSelection(static_cast<size_t>(pages->FindPage(panel)));
    panel->set_period({2026, 11, 1}, {2026, 11, 30});
    panel->check();
    BOOST_TEST(test::wait_until([&] { return !panel->checking(); }, 30000) >= 0);
    BOOST_REQUIRE(panel->rows() == 1);
    auto* list = child<wxListCtrl>(frame, "supervision_list");
    BOOST_TEST(list->GetItemText(0, 1).ToStdString(wxConvUTF8) == "R2");
    BOOST_TEST(list->GetItemText(0, 2).ToStdString(wxConvUTF8) == "无共济关系仍支付");
    BOOST_TEST(list->GetItemText(0, 4).ToStdString(wxConvUTF8).find("李娜") != std::string::npos);
    BOOST_TEST(list->GetItemText(0, 5).ToStdString(wxConvUTF8) == "40.00 元");
    auto outcome = child<wxStaticText>(frame, "supervision_outcome")->GetLabel().ToStdString(wxConvUTF8);
    BOOST_TEST(outcome == "已核查结算记录 2 笔，发现问题 1 条", outcome);
    pump();
    auto detail = child<wxStaticText>(frame, "supervision_detail")->GetLabel().ToStdString(wxConvUTF8);
    BOOST_TEST(detail.find("无共济关系仍支付：结算时二人之间没有有效的共济关系") == 0u, detail);
    screenshot(frame, "fund-supervision.png");
    test::TempDir files;
    auto xlsx = files.file("findings.xlsx");
    BOOST_TEST(panel->export_to(xlsx));
    BOOST_TEST(std::filesystem::file_size(xlsx) > 1000u);
    BOOST_TEST(!panel->export_to(files.file("no/such/folder/x.xlsx")));
    frame->Destroy();
    pump();
}

// The Statistics tab: last month's figures gathered off the UI thread and shown as the printed
// report's pages, charts included (drawn by the report renderer), then exported as a workbook.
BOOST_FIXTURE_TEST_CASE(the_administrator_sees_last_months_figures_with_their_charts, Demo) {
    const std::string son = "450802199205060113", father = "450802196503120117";
    app::settle_text(ws,
                     "setl_id,setl_time,certno,psn_name,fixmedins_code,fixmedins_name,med_type,medfee_sumamt,psn_part_amt,"
                     "acct_pay,acct_mulaid_pay,mulaid_certno,psn_cash_pay,balc\n"
                     "R1,2026-11-22 09:30:00," + son + ",张磊,H1,贵港市人民医院,11,120.00,86.50,0.00,86.50," + father + ",0.00,0.00\n"
                     "R2,2026-11-25 10:00:00," + son + ",张磊,H1,贵港市人民医院,41,50.00,40.00,0.00,40.00," + father + ",0.00,0.00\n",
                     app::Encoding::utf8, {"admin", "test"});
    auto* frame = new ui::MainFrame(ws, {"admin", core::Role::admin, "管理-01"});
    frame->SetSize(1366, 768);
    frame->Show();
    auto* panel = frame->statistics_panel();
    BOOST_REQUIRE(panel != nullptr);
    auto* pages = dynamic_cast<wxNotebook*>(panel->GetParent());
    pages->SetSelection(static_cast<size_t>(pages->FindPage(panel)));
    panel->choose_month("2026-11");
    panel->show_month();
    BOOST_TEST(test::wait_until([&] { return !panel->working(); }, 30000) >= 0);
    BOOST_TEST(panel->pages_shown() >= 1);
    auto outcome = child<wxStaticText>(frame, "stats_outcome")->GetLabel().ToStdString(wxConvUTF8);
    BOOST_TEST(outcome == "2026-11：共济支付 2 笔，126.50 元", outcome);
    pump();
    screenshot(frame, "statistics.png");
    test::TempDir files;
    BOOST_TEST(panel->export_to(files.file("figures.xlsx")));
    frame->Destroy();
    pump();
}

BOOST_FIXTURE_TEST_CASE(the_administrator_manages_users_and_edits_a_policy_profile_with_validation, Demo) {
    auto* frame = new ui::MainFrame(ws, {"admin", core::Role::admin, "管理-01"});
    frame->SetSize(1366, 768);
    frame->Show();
    auto* pages = dynamic_cast<wxNotebook*>(frame->users_panel()->GetParent());
    pages->SetSelection(1);
    pump();
    auto* users = frame->users_panel();
    auto* list = child<wxListCtrl>(frame, "users");
    long before = list->GetItemCount();
    child<wxTextCtrl>(frame, "new_username")->SetValue("wang.fang");
    child<wxChoice>(frame, "new_role")->SetSelection(0);
    child<wxTextCtrl>(frame, "new_full_name")->SetValue(wxString::FromUTF8("王芳"));
    child<wxTextCtrl>(frame, "new_password")->SetValue("first-pw");
    BOOST_TEST(users->add_user());
    BOOST_TEST(list->GetItemCount() == before + 1);
    BOOST_TEST(app::authenticate(ws, "wang.fang", "first-pw").role == core::Role::clerk);
    BOOST_TEST(app::authenticate(ws, "wang.fang", "first-pw").full_name == "王芳");  // her papers carry her name
    BOOST_TEST(list->GetItemText(list->FindItem(-1, "wang.fang"), 1).ToStdString(wxConvUTF8) == "王芳");
    child<wxTextCtrl>(frame, "new_username")->SetValue("wang.fang");  // taken: said, nothing added
    child<wxTextCtrl>(frame, "new_password")->SetValue("x");
    BOOST_TEST(!users->add_user());
    BOOST_TEST(list->GetItemCount() == before + 1);
    long row = list->FindItem(-1, "wang.fang");
    BOOST_REQUIRE(row >= 0);
    list->SetItemState(row, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
    BOOST_TEST(users->set_selected_disabled(true));
    BOOST_CHECK_THROW(app::authenticate(ws, "wang.fang", "first-pw"), app::Refused);
    list->SetItemState(list->FindItem(-1, "wang.fang"), wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
    BOOST_TEST(users->set_selected_disabled(false));
    list->SetItemState(list->FindItem(-1, "wang.fang"), wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
    BOOST_TEST(users->reset_selected_password("second-pw"));
    BOOST_TEST(app::authenticate(ws, "wang.fang", "second-pw").role == core::Role::clerk);
    screenshot(frame, "admin-users.png");

    pages->SetSelection(2);
    pump();
    auto* policies = frame->policy_panel();
    auto* text = child<wxTextCtrl>(frame, "policy_text");
    auto* save = child<wxButton>(frame, "save_policy");
    auto* list_of_profiles = child<wxListBox>(frame, "policies");
    int guangxi = -1;
    for (unsigned i = 0; i < list_of_profiles->GetCount(); ++i)
        if (list_of_profiles->GetString(i).Contains("guangxi")) guangxi = static_cast<int>(i);
    BOOST_REQUIRE(guangxi >= 0);
    list_of_profiles->SetSelection(guangxi);
    policies->show(static_cast<size_t>(guangxi));
    BOOST_TEST(!save->IsEnabled());  // nothing edited yet
    auto original = text->GetValue().ToStdString(wxConvUTF8);
    auto broken = original;
    broken.replace(broken.find("\"title\""), 7, "\"titel\"");
    text->SetValue(wxString::FromUTF8(broken.c_str()));
    pump();
    BOOST_TEST(!policies->check());
    BOOST_TEST(!save->IsEnabled());
    BOOST_TEST(child<wxStaticText>(frame, "policy_check")->GetLabel().ToStdString(wxConvUTF8).find("titel") != std::string::npos);
    screenshot(frame, "admin-policy-invalid.png");
    auto edited = original;
    auto at = edited.find("\"title\": \"") + 10;
    edited.insert(at, "本地修订·");
    text->SetValue(wxString::FromUTF8(edited.c_str()));
    pump();
    BOOST_TEST(policies->check());
    BOOST_TEST(save->IsEnabled());
    BOOST_TEST(policies->save());
    BOOST_TEST(app::load_policy(ws, "guangxi").title.rfind("本地修订·", 0) == 0u);
    BOOST_TEST(policies->make_default());
    BOOST_TEST(app::default_policy(ws).value_or("") == "guangxi");
    BOOST_TEST(list_of_profiles->GetStringSelection().ToStdString(wxConvUTF8).find("默认") != std::string::npos);

    // The agency's name for the printouts, on the first administration tab; an empty one is refused.
    pages->SetSelection(0);
    child<wxTextCtrl>(frame, "agency_name")->SetValue("");
    BOOST_TEST(!frame->admin_panel()->save_agency());
    child<wxTextCtrl>(frame, "agency_name")->SetValue(wxString::FromUTF8("贵港市医疗保障事业管理中心"));
    child<wxTextCtrl>(frame, "processing_days")->SetValue(wxString::FromUTF8("十五"));
    BOOST_TEST(!frame->admin_panel()->save_agency());  // working days are a number
    BOOST_TEST(app::agency_name(ws) != "贵港市医疗保障事业管理中心");  // and the name with them: all or nothing
    child<wxTextCtrl>(frame, "agency_phone")->SetValue("0775-4567890");
    child<wxTextCtrl>(frame, "processing_days")->SetValue("15");
    BOOST_TEST(frame->admin_panel()->save_agency());
    BOOST_TEST(app::agency_name(ws) == "贵港市医疗保障事业管理中心");
    BOOST_TEST(app::setting(ws, "agency_phone").value_or("") == "0775-4567890");
    BOOST_TEST(app::setting(ws, "processing_days").value_or("") == "15");
    frame->Destroy();
    pump();
}
