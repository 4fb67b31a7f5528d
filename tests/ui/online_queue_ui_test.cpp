// Pins the supervisor's queue for every channel (domain.md §9): an application made online waits
// beside the window's accepted cases, marked 网上; selected, its decision is to accept it (受理)
// or not (不予受理) with the not-accepted reasons; accepted, it waits to be approved like any
// other; the queue narrows to one channel or to the cases at or past their time limit; asking
// for papers takes a case out of the queue until they come, and the papers brought to the
// window (scanned on SANE's test scanner) put it back.
#include <boost/test/unit_test.hpp>

#include <soci/soci.h>
#include <wx/button.h>
#include <wx/choice.h>
#include <wx/listctrl.h>
#include <wx/notebook.h>
#include <wx/stattext.h>
#include <wx/stopwatch.h>
#include <wx/textctrl.h>
#include <wx/xrc/xmlres.h>

#include "app/cases/case_service.h"
#include "app/cases/online_applications.h"
#include "app/cases/service_states.h"
#include "app/platform/clock.h"
#include "app/platform/stores.h"
#include "app/printing/printed_papers.h"
#include "ui/case_search_panel.h"
#include "samples.h"
#include "ui/main_frame.h"
#include "ui/review_panel.h"
#include "wx_test_support.h"

using namespace gongji;

namespace {

app::OnlineApplication spouse(const std::string& apply_no) {
    app::OnlineApplication a;
    a.apply_no = apply_no;
    a.via = core::Via::alipay;
    a.submitted_at = app::now();
    a.authorizer = {"450802196503120117", "张伟", ""};
    a.user = {"450802196708200129", "李秀英", ""};
    a.relation = "12";
    a.materials = {{core::DocumentType::id_card, "sfz.png", test::sample_png()},
                   {core::DocumentType::marriage_certificate, "jhz.png", test::sample_png()}};
    return a;
}

}  // namespace

BOOST_FIXTURE_TEST_CASE(an_online_application_is_accepted_from_the_same_queue_and_asked_for_papers, test::Demo) {
    const app::Actor intake{"clerk", core::Role::clerk, "网上受理"};
    auto online = app::receive_application(ws, intake, spouse("ALI-0001"), "h1").application.number;
    auto* frame = new ui::MainFrame(ws, {"super", core::Role::supervisor, "审核-01"});
    frame->SetSize(1366, 768);
    frame->Show();
    auto* review = frame->review_panel();
    BOOST_REQUIRE(review != nullptr);
    dynamic_cast<wxNotebook*>(review->GetParent())->SetSelection(1);
    auto* queue = dynamic_cast<wxListCtrl*>(review->FindWindow(wxXmlResource::GetXRCID("queue")));
    BOOST_REQUIRE(queue->GetItemCount() == 1);
    BOOST_TEST(queue->GetItemText(0, 7).ToStdString(wxConvUTF8) == "网上");
    BOOST_TEST(queue->GetItemText(0, 3).ToStdString(wxConvUTF8) == "已申请");
    review->select(0);
    BOOST_TEST(test::child<wxButton>(frame, "approve")->GetLabel().ToStdString(wxConvUTF8) == "受理(&A)");
    BOOST_TEST(test::child<wxChoice>(frame, "reject_reason")->GetString(2).ToStdString(wxConvUTF8) == "重复申请");
    test::screenshot(frame, "review-online-application.png");
    BOOST_TEST(review->approve());  // 受理: it stays in the queue, now to be decided
    BOOST_REQUIRE(queue->GetItemCount() == 1);
    BOOST_TEST((app::find_case(ws, online).status == core::CaseStatus::submitted));
    review->select(0);
    BOOST_TEST(test::child<wxButton>(frame, "approve")->GetLabel().ToStdString(wxConvUTF8) == "审核通过(&A)");
    // Narrowed by channel, and to what is due today or overdue (超期预警): accepted long ago
    // against one promised working day, the case is overdue.
    auto* show = test::child<wxChoice>(frame, "queue_show");
    auto narrow = [&](int to) {
        show->SetSelection(to);
        wxCommandEvent chosen(wxEVT_CHOICE, show->GetId());
        chosen.SetInt(to);
        show->GetEventHandler()->ProcessEvent(chosen);
        return queue->GetItemCount();
    };
    BOOST_TEST(narrow(1) == 1);  // online
    BOOST_TEST(narrow(2) == 0);  // at the window
    // The case the filter hides is put away with its buttons: no decision falls on a case unseen
    // (a trial accepted an online application while the queue showed window cases only).
    BOOST_TEST(!test::child<wxButton>(frame, "approve")->IsEnabled());
    BOOST_TEST(test::child<wxStaticText>(frame, "detail")->GetLabel().empty());
    BOOST_TEST(!review->approve());
    BOOST_TEST(narrow(0) == 1);
    BOOST_TEST(test::child<wxButton>(frame, "approve")->IsEnabled());  // the one shown, shown again
    BOOST_TEST((queue->GetItemState(0, wxLIST_STATE_SELECTED) & wxLIST_STATE_SELECTED) != 0);
    test::child<wxTextCtrl>(frame, "queue_filter")->SetValue("ali-0001");  // the channel's own number
    BOOST_TEST(queue->GetItemCount() == 1);
    test::child<wxTextCtrl>(frame, "queue_filter")->SetValue("");
    BOOST_TEST(narrow(3) == 0);  // no time limit promised yet
    app::set_processing_days(ws, {"admin", core::Role::admin, "管理-01"}, "1");
    app::database(ws).sql() << "UPDATE cases SET submitted_at = '2026-01-05T02:00:00Z' WHERE number = :n", soci::use(online);
    review->refresh();
    BOOST_TEST(narrow(3) == 1);
    BOOST_TEST(queue->GetItemText(0, 6).ToStdString(wxConvUTF8).find("超期") != std::string::npos);
    test::screenshot(frame, "review-overdue.png");
    BOOST_TEST(narrow(0) == 1);
    review->select(0);
    // One notice for every paper missing: the case leaves the queue until they come.
    BOOST_TEST(review->ask_papers({core::DocumentType::hukou}, "户口簿首页缺失"));
    BOOST_TEST(queue->GetItemCount() == 0);
    auto waiting = app::find_case(ws, online);
    // Said with the day the papers are due (a trial saw the day cut off a one-line message).
    BOOST_TEST(test::child<wxStaticText>(frame, "review_outcome")->GetLabel().ToStdString(wxConvUTF8).find(
                   "补正期限至 " + waiting.correction->due.to_string()) != std::string::npos);
    BOOST_TEST((waiting.status == core::CaseStatus::correction));
    BOOST_TEST(waiting.correction->note == "户口簿首页缺失");

    // The applicant brings the 户口簿 to a window: found, scanned, and the case is back in the queue.
    auto* search = frame->case_search();
    BOOST_REQUIRE(search != nullptr);
    dynamic_cast<wxNotebook*>(search->GetParent())->SetSelection(2);
    test::child<wxTextCtrl>(frame, "search_number")->SetValue(wxString::FromUTF8(online.c_str()));
    BOOST_REQUIRE(search->search() == 1);
    auto* bring = test::child<wxButton>(frame, "bring_papers");
    BOOST_TEST(bring->IsEnabled());
    const auto papers_before = app::list_documents(ws, online).size();
    search->bring_papers();
    wxStopWatch scanning;
    while (app::find_case(ws, online).status == core::CaseStatus::correction && scanning.Time() < 60000) test::pump();
    auto answered = app::find_case(ws, online);
    BOOST_TEST((answered.status == core::CaseStatus::submitted));
    BOOST_TEST(app::list_documents(ws, online).size() == papers_before + 1);
    BOOST_TEST(test::child<wxStaticText>(frame, "search_outcome")->GetLabel().ToStdString(wxConvUTF8).find(online) !=
               std::string::npos);
    BOOST_TEST(!bring->IsEnabled());  // answered once: nothing more to bring
    test::screenshot(frame, "case-search-papers-brought.png");
    review->refresh();
    BOOST_TEST(queue->GetItemCount() == 1);
    frame->Destroy();
}

// 逾期未补正视为撤回申请: a correction left unanswered past its due day ends the case withdrawn as
// soon as a supervisor's queue is opened, and the queue says so.
BOOST_FIXTURE_TEST_CASE(a_correction_past_its_due_day_ends_the_case_when_the_queue_is_opened, test::Demo) {
    const app::Actor intake{"clerk", core::Role::clerk, "网上受理"};
    const app::Actor other{"admin", core::Role::supervisor, "审核-02"};
    auto online = app::receive_application(ws, intake, spouse("ALI-0002"), "h2").application.number;
    app::accept_case(ws, other, online);
    app::ask_correction(ws, other, online, {core::DocumentType::hukou}, "户口簿首页缺失");
    app::database(ws).sql() << "UPDATE cases SET correction_due = '2026-01-09' WHERE number = :n", soci::use(online);
    auto* frame = new ui::MainFrame(ws, {"super", core::Role::supervisor, "审核-01"});
    frame->Show();
    auto ended = app::find_case(ws, online);
    BOOST_TEST((ended.status == core::CaseStatus::withdrawn));
    BOOST_TEST(ended.reason.value_or("") == "correction_expired");
    BOOST_TEST(test::child<wxStaticText>(frame, "review_outcome")->GetLabel().ToStdString(wxConvUTF8).find("逾期未补正") !=
               std::string::npos);
    frame->Destroy();
}
