#include <boost/test/unit_test.hpp>

#include "devices/document_file.h"
#include "devices/pdf_page.h"
#include "samples.h"

// Pins how a captured PDF is shown: each page drawn at the asked resolution, its ink where the
// page has it, and a clear error for a page that is not there or a PDF that cannot be read.

using namespace gongji;

namespace {
// The sample's page i is a black rectangle at (50,50) points, 100+10i wide and 100 high.
bool dark_at(const devices::RgbImage& image, int x, int y) {
    const auto* p = image.rgb.data() + (static_cast<size_t>(y) * image.width + x) * 3;
    return p[0] < 60 && p[1] < 60 && p[2] < 60;
}
}  // namespace

BOOST_AUTO_TEST_CASE(each_pdf_page_is_drawn_at_the_asked_resolution) {
    auto pdf = test::sample_pdf(2);
    auto page = devices::render_pdf_page(pdf, 1, 72);  // one pixel per point
    BOOST_TEST(page.width == 595);
    BOOST_TEST(page.height == 842);
    BOOST_TEST(page.rgb.size() == size_t(595) * 842 * 3);
    BOOST_TEST(dark_at(page, 100, 100));
    BOOST_TEST(dark_at(page, 155, 100));   // page 2's rectangle is 110 wide
    BOOST_TEST(!dark_at(page, 165, 100));
    BOOST_TEST(!dark_at(page, 20, 20));
    auto sharper = devices::render_pdf_page(pdf, 0, 144);
    BOOST_TEST(sharper.width == 1190);
}

BOOST_AUTO_TEST_CASE(a_missing_page_or_an_unreadable_pdf_is_refused) {
    auto pdf = test::sample_pdf(1);
    BOOST_CHECK_THROW(devices::render_pdf_page(pdf, 1, 72), devices::CaptureError);
    BOOST_CHECK_THROW(devices::render_pdf_page("%PDF-1.4 nonsense", 0, 72), devices::CaptureError);
}
