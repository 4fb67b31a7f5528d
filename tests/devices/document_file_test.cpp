#define BOOST_TEST_MODULE gongji_devices
#include <boost/test/unit_test.hpp>

#include <Poco/Checksum.h>

#include <fstream>
#include <iterator>

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

// Issue 31: papers whose structure holds but whose content does not were accepted. Each is
// decoded to its last row (or page) now, and refused saying so.
BOOST_AUTO_TEST_CASE(papers_whose_pixels_do_not_decode_or_that_hide_another_file_are_refused) {
    auto read = [](const std::string& name) {
        std::ifstream in(std::string(GONGJI_TEST_DATA_DIR "/malformed/") + name, std::ios::binary);
        return std::string(std::istreambuf_iterator<char>(in), {});
    };
    struct Case { const char* file; const char* code; };
    const Case cases[] = {
        {"doc-png-undecodable.png", "damaged"},        // checksums right, image data noise
        {"doc-png-data-cut-short.png", "damaged"},     // the compressed rows stop half-way
        {"doc-png-with-pdf-appended.png", "trailing_content"},
        {"doc-jpeg-with-pdf-appended.jpg", "trailing_content"},  // was said to be truncated
        {"doc-jpeg-with-pdf-and-end-marker.jpg", "trailing_content"},  // ends as a JPEG ends
        {"doc-jpeg-scan-corrupt.jpg", "damaged"},      // markers whole, the scan data noise
        {"doc-pdf-page-tree-loops.pdf", "damaged"},
    };
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.file) {
            auto bytes = read(c.file);
            BOOST_REQUIRE(!bytes.empty());
            try {
                inspect_document_file(bytes);
                BOOST_ERROR("accepted");
            } catch (const CaptureError& e) {
                BOOST_TEST(e.code() == c.code, e.what());
            }
        }
    }
    // Whole files still pass, an interlaced PNG (seven passes) too.
    BOOST_CHECK_NO_THROW(inspect_document_file(test::sample_png(640, 480)));
    BOOST_CHECK_NO_THROW(inspect_document_file(test::sample_jpeg(640, 480)));
    std::ifstream in(GONGJI_TEST_DATA_DIR "/interlaced.png", std::ios::binary);
    BOOST_CHECK_NO_THROW(inspect_document_file(std::string(std::istreambuf_iterator<char>(in), {})));
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
    // Within the limits the header is believed only as far as the rows decode: a claim of an A4
    // page at 300 dpi around a few bytes of data is refused as damaged, a real one passes.
    BOOST_CHECK_EXCEPTION(gongji::devices::inspect_document_file(png_claiming(2480, 3508)), gongji::devices::CaptureError,
                          [](const auto& e) { return e.code() == "damaged"; });
    auto a4 = test::sample_png(2480, 3508);
    BOOST_TEST(gongji::devices::inspect_document_file(a4).width == 2480);
    gongji::devices::DocumentLimits tight;
    tight.max_page_pixels = 1'000'000;
    BOOST_CHECK_THROW(gongji::devices::inspect_document_file(a4, tight), gongji::devices::CaptureError);
}
