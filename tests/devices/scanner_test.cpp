// Pins scanning through SANE's own test backend, configured in a folder the test writes
// (SANE_CONFIG_DIR), not the machine's: devices listed, a grey and a colour page scanned to a
// legible PNG, and a jam, an empty feeder or a vanished scanner reported clearly.
#include <boost/test/unit_test.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "devices/document_file.h"
#include "devices/scanner.h"

using namespace gongji::devices;

namespace {

struct SaneTestBackend {
    std::string dir = (std::filesystem::temp_directory_path() / "gongji-sane-test").string();
    SaneTestBackend() {
        std::filesystem::create_directories(dir);
        std::ofstream(dir + "/dll.conf") << "test\n";
        std::ofstream(dir + "/test.conf") << "number_of_devices 2\nmode Gray\ndepth 8\n"
                                             "test-picture \"Color pattern\"\nresolution 200\n";
        setenv("SANE_CONFIG_DIR", dir.c_str(), 1);  // before SANE starts: this test's configuration only
    }
};

}  // namespace

BOOST_TEST_GLOBAL_FIXTURE(SaneTestBackend);

BOOST_AUTO_TEST_CASE(the_test_backends_scanners_are_listed) {
    auto scanners = list_scanners();
    BOOST_REQUIRE(scanners.size() == 2u);
    BOOST_TEST(scanners[0].name == "test:0");
    BOOST_TEST(scanners[0].vendor == "Noname");
}

BOOST_AUTO_TEST_CASE(a_page_scans_to_a_legible_png) {
    ScanRequest grey;
    grey.device = "test:0";
    grey.dpi = 200;
    auto png = scan_to_png(grey);
    auto file = inspect_document_file(png);
    BOOST_TEST(file.mime == "image/png");
    // The test backend's page is 80 mm wide: about 630 pixels at 200 dpi.
    BOOST_TEST(file.width > 600);
    BOOST_TEST(file.width < 660);

    ScanRequest colour = grey;
    colour.color = true;
    colour.dpi = 600;  // clamped to 300: legible without bloating the database
    auto big = inspect_document_file(scan_to_png(colour));
    BOOST_TEST(big.width > file.width * 14 / 10);  // 300 dpi, not 600
    BOOST_TEST(big.width < file.width * 16 / 10);

    ScanRequest preview = grey;
    preview.preview = true;
    BOOST_TEST(inspect_document_file(scan_to_png(preview)).width < file.width / 2);
}

BOOST_AUTO_TEST_CASE(a_jam_an_empty_feeder_or_a_vanished_scanner_is_reported) {
    struct Case { const char* status; const char* says; };
    const Case cases[] = {
        {"SANE_STATUS_JAMMED", "jammed"},
        {"SANE_STATUS_NO_DOCS", "no paper"},
        {"SANE_STATUS_IO_ERROR", "stopped answering"},
    };
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.status) {
            ScanRequest r;
            r.device = "test:1";
            r.backend_options = {{"read-return-value", c.status}};
            try {
                scan_to_png(r);
                BOOST_ERROR("scanned");
            } catch (const CaptureError& e) {
                BOOST_TEST(std::string(e.what()).find(c.says) != std::string::npos, e.what());
            }
        }
    }
    ScanRequest gone;
    gone.device = "test:7";
    BOOST_CHECK_EXCEPTION(scan_to_png(gone), CaptureError,
                          [](const CaptureError& e) { return std::string(e.what()).find("not available") != std::string::npos; });
}
