// Pins the supervisor's queue for every channel (domain.md §9): an application made online waits
// beside the window's accepted cases, marked 网上; selected, its decision is to accept it (受理)
// or not (不予受理) with the not-accepted reasons; accepted, it waits to be approved like any
// other; asking for papers takes a case out of the queue until they come.
#include <boost/test/unit_test.hpp>

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/listctrl.h>
#include <wx/notebook.h>
#include <wx/stattext.h>
#include <wx/xrc/xmlres.h>

#include "app/cases/case_service.h"
#include "app/cases/online_applications.h"
#include "app/platform/clock.h"
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
    // One notice for every paper missing: the case leaves the queue until they come.
    BOOST_TEST(review->ask_papers({core::DocumentType::hukou}, "户口簿首页缺失"));
    BOOST_TEST(queue->GetItemCount() == 0);
    auto waiting = app::find_case(ws, online);
    // Said with the day the papers are due (a trial saw the day cut off a one-line message).
    BOOST_TEST(test::child<wxStaticText>(frame, "review_outcome")->GetLabel().ToStdString(wxConvUTF8).find(
                   "补正期限至 " + waiting.correction->due.to_string()) != std::string::npos);
    BOOST_TEST((waiting.status == core::CaseStatus::correction));
    BOOST_TEST(waiting.correction->note == "户口簿首页缺失");
    frame->Destroy();
}
