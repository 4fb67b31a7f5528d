// Pins the document camera at the window, with GStreamer's test source named in the machine's
// device settings in place of /dev/video0: the camera is offered only where the machine has
// one; its dialog shows the paper live, Space takes a page on a worker while the picture keeps
// moving, Enter keeps the pages as one paper (a PDF of them), and a camera that cannot start
// is said without closing anything.
#include <wx/button.h>
#include <wx/stattext.h>
#include <wx/uiaction.h>

#include <cstdlib>
#include <fstream>

#include "devices/document_file.h"
#include "ui/bind_dialog.h"
#include "ui/camera_dialog.h"
#include "wx_test_support.h"

using namespace gongji;
using test::child;
using test::pump;
using test::wait_until;

namespace {

const char* kTestCamera = "gst:videotestsrc pattern=smpte is-live=true ! video/x-raw,width=1600,height=1200,framerate=15/1";

struct DeskWithCamera : test::Demo {
    test::TempDir dir;
    std::string file = dir.path() + "/devices.conf";
    app::Actor clerk{"clerk", core::Role::clerk, "窗口-03"};
    DeskWithCamera() { ::setenv("GONGJI_DEVICES_FILE", file.c_str(), 1); }
    ~DeskWithCamera() {
        for (auto* w : wxTopLevelWindows) w->Destroy();
        pump();
        ::unsetenv("GONGJI_DEVICES_FILE");
    }
    void set_camera(const std::string& camera) { std::ofstream(file) << "camera = " << camera << "\n"; }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(document_camera_at_the_window, DeskWithCamera)

BOOST_AUTO_TEST_CASE(the_camera_is_offered_only_where_the_machine_has_one) {
    {
        ui::BindDialog without(nullptr, ws, clerk);
        BOOST_TEST(!child<wxButton>(&without, "camera")->IsShown());
    }
    set_camera("/dev/video-gongji-unplugged");
    {
        ui::BindDialog unplugged(nullptr, ws, clerk);
        BOOST_TEST(!child<wxButton>(&unplugged, "camera")->IsShown());
    }
    set_camera(kTestCamera);
    ui::BindDialog with(nullptr, ws, clerk);
    BOOST_TEST(child<wxButton>(&with, "camera")->IsShown());
}

BOOST_AUTO_TEST_CASE(space_takes_pages_and_enter_keeps_them_as_one_paper) {
    ui::CameraDialog camera(nullptr, kTestCamera, core::DocumentType::hukou);
    camera.Show();
    camera.Raise();
    BOOST_REQUIRE(wait_until([&] { return camera.showing(); }) >= 0);  // the paper seen live
    BOOST_TEST(!camera.finish());  // nothing taken yet: said, not closed
    wxUIActionSimulator keys;
    for (std::size_t page = 1; page <= 2; ++page) {
        keys.Char(' ');
        BOOST_TEST(wait_until([&] { return camera.pages() == page && !camera.busy(); }) >= 0);
    }
    test::screenshot(&camera, "camera-dialog.png");
    BOOST_TEST(child<wxStaticText>(&camera, "camera_pages")->GetLabel().ToStdString(wxConvUTF8) == "已拍 2 页");
    keys.Char(WXK_RETURN);  // Enter keeps them, whichever button has the focus
    BOOST_REQUIRE(wait_until([&] { return !camera.IsShown(); }) >= 0);
    const auto& paper = camera.paper();
    BOOST_REQUIRE(paper.has_value());
    BOOST_TEST((paper->type == core::DocumentType::hukou));
    BOOST_TEST(paper->file_name.find("camera-hukou-") == 0u);
    auto file = devices::inspect_document_file(paper->bytes);
    BOOST_TEST(file.mime == "application/pdf");
    BOOST_TEST(file.pages == 2);
}

BOOST_AUTO_TEST_CASE(a_camera_that_cannot_start_is_said) {
    ui::CameraDialog camera(nullptr, "/dev/video-gongji-none", core::DocumentType::hukou);
    camera.Show();
    auto* status = child<wxStaticText>(&camera, "camera_status");
    BOOST_TEST(wait_until([&] { return status->GetLabel().ToStdString(wxConvUTF8).find("高拍仪无法使用") == 0u; }) >= 0,
               status->GetLabel().ToStdString(wxConvUTF8));
    camera.capture();  // nothing to take from: nothing happens, nothing breaks
    BOOST_TEST(camera.pages() == 0u);
}

BOOST_AUTO_TEST_SUITE_END()
