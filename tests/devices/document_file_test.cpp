#define BOOST_TEST_MODULE gongji_devices
#include <boost/test/unit_test.hpp>

#include <Poco/Checksum.h>

#include "devices/document_file.h"
#include "samples.h"

// Pins which files may be added to a case: whole PNG, JPEG, TIFF and PDF files pass with their
// page counts; truncated, damaged or disguised files are refused with the reason.

using namespace gongji;
using devices::CaptureError;
using devices::inspect_document_file;

BOOST_AUTO_TEST_CASE(whole_files_pass_with_type_size_and_pages) {
    auto png = inspect_document_file(test::sample_png(40, 30));
    BOOST_TEST(png.mime == "image/png");
    BOOST_TEST(png.width == 40);
    BOOST_TEST(png.height == 30);
    auto jpeg = inspect_document_file(test::sample_jpeg(64, 48));
    BOOST_TEST(jpeg.mime == "image/jpeg");
    BOOST_TEST(jpeg.width == 64);
    BOOST_TEST(jpeg.height == 48);
    auto tiff = inspect_document_file(test::sample_tiff(32, 24));
    BOOST_TEST(tiff.mime == "image/tiff");
    BOOST_TEST(tiff.width == 32);
    auto pdf = inspect_document_file(test::sample_pdf(3));
    BOOST_TEST(pdf.mime == "application/pdf");
    BOOST_TEST(pdf.pages == 3);
}

BOOST_AUTO_TEST_CASE(truncated_damaged_and_fake_files_are_refused) {
    auto cut = [](std::string s, size_t keep) { return s.substr(0, keep); };
    auto png = test::sample_png(), jpeg = test::sample_jpeg(), tiff = test::sample_tiff(), pdf = test::sample_pdf(2);
    std::string damaged_png = png;
    damaged_png[40] = static_cast<char>(damaged_png[40] ^ 0x55);
    struct Case { const char* name; std::string bytes; const char* says; };
    const Case cases[] = {
        {"empty", "", "empty"},
        {"text renamed .jpg", "这不是图片", "not a PNG"},
        {"truncated JPEG", cut(jpeg, jpeg.size() - 40), "truncated JPEG"},
        {"JPEG without its end", cut(jpeg, jpeg.size() - 2), "truncated JPEG"},
        {"JPEG header only", cut(jpeg, 300), "truncated JPEG"},
        {"truncated PNG", cut(png, png.size() - 20), "truncated PNG"},
        {"damaged PNG", damaged_png, "damaged PNG"},
        {"truncated TIFF", cut(tiff, tiff.size() / 2), "truncated TIFF"},
        {"truncated PDF", cut(pdf, pdf.size() / 2), "PDF"},
    };
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.name) {
            try {
                inspect_document_file(c.bytes);
                BOOST_ERROR("accepted");
            } catch (const CaptureError& e) {
                BOOST_TEST(std::string(e.what()).find(c.says) != std::string::npos, e.what());
            }
        }
    }
}

namespace {

// A PNG whose header says width × height (grey, 8 bits) around one tiny IDAT: a few dozen bytes
// that a decoder would blow up to width × height bytes.
std::string png_claiming(std::uint32_t width, std::uint32_t height) {
    auto be = [](std::uint32_t v) {
        return std::string{char(v >> 24), char((v >> 16) & 0xFF), char((v >> 8) & 0xFF), char(v & 0xFF)};
    };
    auto chunk = [&](const std::string& type, const std::string& data) {
        Poco::Checksum crc(Poco::Checksum::TYPE_CRC32);
        crc.update(type + data);
        return be(static_cast<std::uint32_t>(data.size())) + type + data + be(crc.checksum());
    };
    std::string ihdr = be(width) + be(height) + std::string{8, 0, 0, 0, 0};
    return std::string("\x89PNG\r\n\x1a\n", 8) + chunk("IHDR", ihdr) + chunk("IDAT", std::string("\x78\x9c\x03\x00\x00\x00\x00\x01", 8)) +
           chunk("IEND", "");
}

}  // namespace

BOOST_AUTO_TEST_CASE(an_image_bomb_is_refused_from_its_header_before_anything_decodes) {
    auto bomb = png_claiming(30000, 30000);
    BOOST_TEST(bomb.size() < 100u);
    try {
        gongji::devices::inspect_document_file(bomb);
        BOOST_FAIL("a 900-megapixel page was taken");
    } catch (const gongji::devices::CaptureError& e) {
        BOOST_TEST(std::string(e.what()).find("900 million pixels") != std::string::npos, e.what());
    }
    BOOST_TEST(gongji::devices::inspect_document_file(png_claiming(2480, 3508)).width == 2480);  // A4 at 300 dpi
    gongji::devices::DocumentLimits tight;
    tight.max_page_pixels = 1'000'000;
    BOOST_CHECK_THROW(gongji::devices::inspect_document_file(png_claiming(2480, 3508), tight), gongji::devices::CaptureError);
}
