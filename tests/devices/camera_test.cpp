// Pins the document camera's pipeline with GStreamer's test source in place of v4l2src (the one
// difference): a preview scaled for the screen while stills come at full resolution as PNG,
// several stills bound into one PDF the document store takes, and a camera that is missing or
// not a camera refused with the reason.
#include <boost/test/unit_test.hpp>

#include <thread>

#include "devices/camera.h"
#include "devices/document_file.h"
#include "devices/page_images.h"

using namespace gongji::devices;

namespace {

const std::string kTestCamera = "gst:videotestsrc pattern=smpte is-live=true ! video/x-raw,width=1600,height=1200,framerate=15/1";

std::optional<VideoFrame> first_preview(Camera& camera) {
    for (int i = 0; i < 300; ++i) {
        if (auto frame = camera.preview()) return frame;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return std::nullopt;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(document_camera)

BOOST_AUTO_TEST_CASE(the_preview_is_small_and_the_still_full_size) {
    Camera camera(kTestCamera, 640);
    auto frame = first_preview(camera);
    BOOST_REQUIRE(frame.has_value());
    BOOST_TEST(frame->width == 640);
    BOOST_TEST(frame->height == 480);
    auto png = camera.capture_png();
    auto file = inspect_document_file(png);
    BOOST_TEST(file.mime == "image/png");
    BOOST_TEST(file.width == 1600);
    BOOST_TEST(file.height == 1200);
}

BOOST_AUTO_TEST_CASE(pages_in_a_row_become_one_pdf) {
    Camera camera(kTestCamera);
    std::vector<std::string> pages;
    for (int i = 0; i < 3; ++i) pages.push_back(camera.capture_png());
    auto pdf = pdf_of_pages(pages, 200);
    auto file = inspect_document_file(pdf);
    BOOST_TEST(file.mime == "application/pdf");
    BOOST_TEST(file.pages == 3);
    BOOST_CHECK_THROW(pdf_of_pages({"not a png"}, 200), CaptureError);
}

BOOST_AUTO_TEST_CASE(a_missing_camera_or_a_wrong_setting_is_refused_with_the_reason) {
    try {
        Camera camera("/dev/video-gongji-none");
        BOOST_FAIL("a missing camera started");
    } catch (const CaptureError& e) {
        BOOST_TEST_MESSAGE(e.what());
        BOOST_TEST(std::string(e.what()).find("/dev/video-gongji-none") != std::string::npos);
    }
    BOOST_CHECK_THROW(Camera("usb camera"), CaptureError);
    BOOST_CHECK_THROW(Camera("gst:no-such-element"), CaptureError);
}

BOOST_AUTO_TEST_SUITE_END()
