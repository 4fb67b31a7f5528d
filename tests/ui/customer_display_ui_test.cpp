// Pins the citizen's display (domain.md §9): on the monitor the machine names it follows the
// clerk's binding dialog — the people with their ID numbers masked, the relation, the papers
// captured and missing, the promises to read — and at the end shows the case number, the day the
// decision is due and the rating request as a QR code. The type is large and black on white,
// measured on a screenshot (适老化: at least 18 pt, contrast at least 4.5:1). When the service
// closes only its rating request stays up, nothing of who the citizen was; the next citizen sees
// nothing of the last one, and a locked desk shows the window alone.
#include <boost/test/unit_test.hpp>

#include <wx/display.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <cmath>
#include <fstream>

#include "app/citizen/rating_link.h"
#include "app/printing/printed_papers.h"
#include "app/setup/policy_service.h"
#include "samples.h"
#include "support/test_database.h"
#include "ui/bind_dialog.h"
#include "ui/customer_display.h"
#include "ui/main_frame.h"
#include "wx_test_support.h"

using namespace gongji;
using test::child;
using test::pump;

namespace {

struct DeskWithDisplay : test::Demo {
    test::TempDir dir;
    std::string file = dir.path() + "/devices.conf";
    app::Actor clerk{"clerk", core::Role::clerk, "窗口-03", "韦丽华"};
    const app::Actor admin{"admin", core::Role::admin, "管理-01"};
    DeskWithDisplay() {
        ::setenv("GONGJI_DEVICES_FILE", file.c_str(), 1);
        std::ofstream(file) << "customer_display = 2\n";  // the second monitor
    }
    ~DeskWithDisplay() {
        for (auto* w : wxTopLevelWindows) w->Destroy();
        pump();
        ::unsetenv("GONGJI_DEVICES_FILE");
    }
};

// WCAG's relative luminance of a pixel.
double luminance(const wxImage& image, int x, int y) {
    auto channel = [](unsigned char c) {
        const double v = c / 255.0;
        return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(image.GetRed(x, y)) + 0.7152 * channel(image.GetGreen(x, y)) + 0.0722 * channel(image.GetBlue(x, y));
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(customer_display, DeskWithDisplay)

BOOST_AUTO_TEST_CASE(the_citizens_display_follows_the_form_in_large_type_and_forgets_between_citizens) {
    BOOST_REQUIRE_MESSAGE(wxDisplay::GetCount() >= 2u, "a second monitor (tests/ui/two_monitors.sh): " << wxDisplay::GetCount());
    app::set_default_policy(ws, admin, "guangxi");
    app::set_processing_days(ws, admin, "10");
    app::set_service_setting(ws, admin, "rating_url_template", "https://hcp.example.cn/r?no={apply_no}&w={window}");
    auto* frame = new ui::MainFrame(ws, clerk);
    frame->Show();
    auto* display = ui::CustomerDisplay::current();
    BOOST_REQUIRE(display != nullptr);
    BOOST_TEST((display->GetPosition() == wxDisplay(1u).GetGeometry().GetPosition()));  // on the citizen's monitor
    BOOST_TEST(display->shown_text().ToStdString(wxConvUTF8).find("窗口-03 欢迎您") != std::string::npos);

    test::TempDir files;
    const auto card = files.write("card.png", test::sample_id_card("李秀英", "450802196708200129"));
    const auto certificate = files.write("certificate.pdf", test::sample_pdf(1));
    std::string number;
    {
        ui::BindDialog dialog(frame, ws, clerk, "450802196503120117");
        dialog.Show();
        child<wxTextCtrl>(&dialog, "user")->SetValue("450802196708200129");
        child<wxTextCtrl>(&dialog, "relation")->SetValue("12");
        auto shown = display->shown_text().ToStdString(wxConvUTF8);
        BOOST_TEST(shown.find("授权人：张伟\n450802********0117") != std::string::npos, shown);
        BOOST_TEST(shown.find("使用人：李秀英\n450802********0129") != std::string::npos, shown);
        BOOST_TEST(shown.find("450802196503120117") == std::string::npos);  // never a whole ID number
        BOOST_TEST(shown.find("使用人是授权人的妻") != std::string::npos);
        BOOST_TEST(shown.find("○") != std::string::npos);  // papers still to come
        BOOST_TEST(shown.find("本人郑重承诺") != std::string::npos);  // the letter's promises, to read
        dialog.attach_file(core::DocumentType::id_card, card);
        test::screenshot(display, "customer-display-form.png");
        // Every line on screen whole: none runs past the monitor's edge or bottom (a trial saw the
        // letter's ends cut off).
        for (auto* w : display->GetChildren().front()->GetChildren()) {
            const auto r = w->GetRect();
            BOOST_TEST(r.GetRight() < display->GetClientSize().GetWidth(), w->GetLabel().ToStdString(wxConvUTF8));
            BOOST_TEST(r.GetBottom() < display->GetClientSize().GetHeight(), w->GetLabel().ToStdString(wxConvUTF8));
            BOOST_TEST(r.GetWidth() >= w->GetBestSize().GetWidth(), w->GetLabel().ToStdString(wxConvUTF8));
        }
        dialog.attach_file(core::DocumentType::marriage_certificate, certificate);
        BOOST_TEST(display->shown_text().ToStdString(wxConvUTF8).find("○") == std::string::npos);
        BOOST_REQUIRE(dialog.submit());
        number = dialog.case_number();
        shown = display->shown_text().ToStdString(wxConvUTF8);
        BOOST_TEST(shown.find("办件编号\n" + number) != std::string::npos, shown);
        BOOST_TEST(shown.find("前办结") != std::string::npos, shown);
        BOOST_TEST(shown.find("请扫码评价") != std::string::npos, shown);

        const auto image = test::screenshot(display, "customer-display.png");
        // The first person's line: its glyphs at least 18 pt tall on screen, black on white.
        wxStaticText* line = nullptr;
        for (auto* w : display->GetChildren().front()->GetChildren())
            if (auto* t = dynamic_cast<wxStaticText*>(w); t && t->GetLabel().StartsWith(wxString::FromUTF8("授权人"))) line = t;
        BOOST_REQUIRE(line != nullptr);
        BOOST_TEST(line->GetFont().GetPointSize() >= 18);
        const auto area = line->GetRect();
        double darkest = 1, lightest = 0;
        int first_row = -1, last_row = -1;
        for (int y = area.y; y < area.GetBottom() && y < image.GetHeight(); ++y)
            for (int x = area.x; x < area.GetRight() && x < image.GetWidth(); ++x) {
                const double l = luminance(image, x, y);
                darkest = std::min(darkest, l);
                lightest = std::max(lightest, l);
                if (l < 0.2) {
                    if (first_row < 0) first_row = y;
                    last_row = y;
                }
            }
        const double contrast = (lightest + 0.05) / (darkest + 0.05);
        BOOST_TEST(contrast >= 4.5, "contrast " << contrast);
        BOOST_TEST(last_row - first_row + 1 >= 20, "glyphs " << last_row - first_row + 1 << " px tall");  // 18 pt = 24 px em
    }
    pump();
    // The service closed: its rating request stays up to be scanned (a trial saw it go with the
    // dialog), and nothing of 张伟 and 李秀英 or their case.
    auto between = display->shown_text().ToStdString(wxConvUTF8);
    BOOST_TEST(between.find("请扫码评价") != std::string::npos, between);
    for (const char* gone : {"张伟", "李秀英", "0117", "0129", "办件编号"}) BOOST_TEST(between.find(gone) == std::string::npos, gone);
    BOOST_TEST(between.find(number) == std::string::npos);
    test::screenshot(display, "customer-display-between.png");

    // The next citizen: their own names, nothing of the last.
    ui::BindDialog next(frame, ws, clerk, "450802199205060113");
    next.Show();
    auto shown = display->shown_text().ToStdString(wxConvUTF8);
    BOOST_TEST(shown.find("张磊") != std::string::npos, shown);
    for (const char* gone : {"张伟", "李秀英", "0117", "请扫码"}) BOOST_TEST(shown.find(gone) == std::string::npos, gone);
    // The clerk's screen locks (idle, or Ctrl+L): the citizen's shows the window alone (a trial
    // found the citizen's data still up behind a locked desk).
    frame->lock();
    const auto locked = display->shown_text().ToStdString(wxConvUTF8);
    BOOST_TEST(locked.find("窗口-03 欢迎您") != std::string::npos, locked);
    BOOST_TEST(locked.find("张磊") == std::string::npos, locked);
}

BOOST_AUTO_TEST_SUITE_END()
