// Pins the ID card reader at the window, with the reader simulator on a pseudo-terminal named in
// the machine's device settings: a card laid on it shows the person on the clerk's card (the read
// said, a name differing from the roster's said, an expired card said), a scanned 医保电子凭证
// token is told apart, a reader pulled out is said; in a new binding each card fills the ID field
// that waits and moves on, the user's valid read stands for the ID-card scan where the profile
// counts it, and both reads go with the case.
#include <wx/listbox.h>
#include <wx/stattext.h>
#include <wx/stopwatch.h>
#include <wx/textctrl.h>
#include <wx/uiaction.h>

#include <cstdlib>
#include <fstream>

#include "app/cases/case_service.h"
#include "app/setup/policy_service.h"
#include "card_reader_simulator.h"
#include "samples.h"
#include "ui/bind_dialog.h"
#include "ui/main_frame.h"
#include "ui/review_panel.h"
#include "wx_test_support.h"

using namespace gongji;
using test::child;
using test::pump;
using test::card_of;
using test::wait_until;

namespace {

std::string text_of(wxWindow* w) { return w->GetLabel().ToStdString(wxConvUTF8); }

// The demo database with this machine's reader set to the simulator.
struct DeskWithReader : test::Demo {
    test::TempDir dir;
    test::CardReaderSimulator reader;
    app::Actor clerk{"clerk", core::Role::clerk, "窗口-03"};
    DeskWithReader() {
        auto file = dir.path() + "/devices.conf";
        std::ofstream(file) << "card_reader = " << reader.slave_path() << "\n";
        ::setenv("GONGJI_DEVICES_FILE", file.c_str(), 1);
    }
    ~DeskWithReader() {
        for (auto* w : wxTopLevelWindows) w->Destroy();
        pump();
        ::unsetenv("GONGJI_DEVICES_FILE");
    }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(card_reader_at_the_window, DeskWithReader)

BOOST_AUTO_TEST_CASE(a_card_on_the_reader_brings_the_person_onto_the_clerks_card) {
    auto* frame = new ui::MainFrame(ws, clerk);
    frame->SetSize(1366, 768);
    frame->Show();
    pump();
    auto* name = child<wxStaticText>(frame, "card_name");
    auto* outcome = child<wxStaticText>(frame, "card_outcome");

    reader.lay(card_of("450802196503120117", "张伟"));
    long took = wait_until([&] { return text_of(name) == "张伟"; });
    BOOST_TEST(took >= 0);
    BOOST_TEST_MESSAGE("card laid → person on the clerk's card: " << took << " ms");
    BOOST_TEST(child<wxTextCtrl>(frame, "id_entry")->GetValue() == "450802196503120117");
    BOOST_TEST(text_of(outcome) == "已读取身份证：张伟");
    test::screenshot(frame, "clerk-card-read.png");

    auto other_name = card_of("450802196708200129", "李秀云", "2");
    reader.lay(other_name);
    BOOST_TEST(wait_until([&] { return text_of(outcome).find("不一致") != std::string::npos; }) >= 0, text_of(outcome));
    BOOST_TEST(text_of(outcome).find("李秀云") != std::string::npos);
    BOOST_TEST(text_of(outcome).find("李秀英") != std::string::npos);

    auto expired = card_of("450802195001010116", "黄明");
    expired.valid_to = "20200101";
    reader.lay(expired);
    BOOST_TEST(wait_until([&] { return text_of(outcome).find("过期") != std::string::npos; }) >= 0, text_of(outcome));
    BOOST_TEST(text_of(name) == "黄明");  // still looked up: the card is only refused as proof

    // A scanner reading the 医保电子凭证 QR code types its token, key by key, and Enter: the
    // token stays whole and said, selected so that the card or the number replaces it.
    auto* entry = child<wxTextCtrl>(frame, "id_entry");
    frame->Raise();
    entry->SetFocus();
    entry->SelectAll();
    BOOST_REQUIRE(wait_until([&] { return wxWindow::FindFocus() == entry; }) >= 0);
    wxUIActionSimulator scanner;
    scanner.Text("NHSA3F9A27C41E8B0D6a5f0c9e2b7d41aa");
    scanner.Char(WXK_RETURN);
    BOOST_TEST(wait_until([&] { return entry->GetValue() == "NHSA3F9A27C41E8B0D6a5f0c9e2b7d41aa"; }) >= 0,
               entry->GetValue().ToStdString());
    long from = 0, to = 0;
    wait_until([&] { entry->GetSelection(&from, &to); return to - from > 0; }, 2000);
    BOOST_TEST(text_of(child<wxStaticText>(frame, "id_status")).find("医保电子凭证") != std::string::npos);
    BOOST_TEST(to - from == static_cast<long>(entry->GetValue().size()));

    // A reader whose security module fails reads nothing: said, the card on screen unchanged.
    reader.fault(test::CardReaderSimulator::Fault::faulty_module);
    reader.lay(card_of("450802196503120117", "张伟"));
    BOOST_TEST(wait_until([&] { return text_of(outcome).find("安全模块工作异常") != std::string::npos; }) >= 0, text_of(outcome));
    BOOST_TEST(entry->GetValue() == "NHSA3F9A27C41E8B0D6a5f0c9e2b7d41aa");
    reader.fault(test::CardReaderSimulator::Fault::none);

    reader.fault(test::CardReaderSimulator::Fault::unplug_at_read);
    reader.lay(card_of("450802196503120117", "张伟"));
    BOOST_TEST(wait_until([&] { return text_of(outcome).find("没有响应") != std::string::npos; }) >= 0, text_of(outcome));
}

BOOST_AUTO_TEST_CASE(in_a_new_binding_each_card_fills_the_field_that_waits_and_goes_with_the_case) {
    auto profile = app::load_policy(ws, "guangxi");
    profile.name = "guangxi-card";
    profile.title = "广西（读卡核验身份）";
    for (auto& v : profile.versions) v.card_read_proves_identity = true;
    app::Actor admin{"admin", core::Role::admin, "管理-01"};
    app::save_policy_text(ws, admin, core::policy_profile_to_json(profile));
    app::set_default_policy(ws, admin, "guangxi-card");

    ui::BindDialog dialog(nullptr, ws, clerk);
    dialog.Show();
    pump();
    auto* authorizer = child<wxTextCtrl>(&dialog, "authorizer");
    auto* user = child<wxTextCtrl>(&dialog, "user");
    reader.lay(card_of("450802196503120117", "张伟"));
    BOOST_TEST(wait_until([&] { return authorizer->GetValue() == "450802196503120117"; }) >= 0);
    reader.lay(card_of("450802196708200129", "李秀英", "2"));
    BOOST_TEST(wait_until([&] { return user->GetValue() == "450802196708200129"; }) >= 0);
    BOOST_TEST(authorizer->GetValue() == "450802196503120117");  // the second card did not overwrite the first
    child<wxTextCtrl>(&dialog, "relation")->SetValue("12");
    pump();
    auto* checklist = child<wxListBox>(&dialog, "checklist");
    BOOST_REQUIRE(checklist->GetCount() == 2u);
    auto identity = checklist->GetString(0).ToStdString(wxConvUTF8);
    BOOST_TEST(identity.find("✔") == 0u, identity);  // the card read stands for the scan
    BOOST_TEST(identity.find("窗口读取身份证") != std::string::npos, identity);

    test::TempDir files;
    dialog.attach_file(core::DocumentType::marriage_certificate, files.write("certificate.pdf", test::sample_pdf(1)));
    BOOST_TEST(dialog.submit());
    auto c = app::find_case(ws, dialog.case_number());
    BOOST_TEST(c.has_document(core::DocumentType::id_card_read));
    auto reads = app::card_reads_of(ws, c.id);
    BOOST_REQUIRE(reads.size() == 2u);
    BOOST_TEST(reads[0].name_on_card == "张伟");
    BOOST_TEST(reads[1].name_on_card == "李秀英");
    BOOST_TEST(reads[1].device == reader.slave_path());
    BOOST_TEST(reads[1].workstation == "窗口-03");

    // The supervisor sees whose cards were read, by whom and when.
    auto* frame = new ui::MainFrame(ws, {"super", core::Role::supervisor, "审核-01"});
    frame->SetSize(1366, 768);
    frame->Show();
    auto* review = frame->review_panel();
    BOOST_REQUIRE(review != nullptr);
    review->select(0);
    pump();
    auto detail = text_of(child<wxStaticText>(frame, "detail"));
    BOOST_TEST(detail.find("窗口读取身份证：张伟（clerk 读取，") != std::string::npos, detail);
    BOOST_TEST(detail.find("李秀英（clerk 读取，") != std::string::npos, detail);
}

BOOST_AUTO_TEST_SUITE_END()
