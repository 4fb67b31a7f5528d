#pragma once
// Scanning through SANE. A scan comes back as a PNG at a resolution that keeps papers legible
// (200–300 dpi); a scanner that jams, runs out of paper or disappears gives a clear message.
#include <map>
#include <string>
#include <vector>

#include "devices/document_file.h"

namespace gongji::devices {

struct ScannerInfo {
    std::string name;  // what SANE opens: "test:0", "genesys:libusb:001:004"
    std::string vendor, model, type;
};

struct ScanRequest {
    std::string device;
    int dpi = 200;       // kept within 150–300
    bool color = false;  // ID cards in colour, paper documents in grey
    bool preview = false;  // a quick low-resolution look (75 dpi)
    std::map<std::string, std::string> backend_options;  // extra SANE options by name
};

// Lists the scanners SANE finds (SANE_CONFIG_DIR chooses the configuration).
std::vector<ScannerInfo> list_scanners();
// Scans one page; CaptureError with the reason when the scanner cannot.
std::string scan_to_png(const ScanRequest& request);

}  // namespace gongji::devices
