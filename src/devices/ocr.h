#pragma once
// Reading the ID number (and, where it can, the name) off an ID card scan with Tesseract. A
// reading is a hint for the clerk, never an answer: it fills no field and approves nothing.
#include <optional>
#include <string>

#include "devices/document_file.h"

namespace gongji::devices {

struct IdCardReading {
    std::optional<std::string> id_number;  // 18 characters whose check character is right
    std::string number_text;               // what was read in the number's place
    std::optional<std::string> name;       // Chinese characters read in the name's place
};

// `png` is a scan cropped to the card (as scanned, or a PNG file). CaptureError when the image
// cannot be read. Tesseract runs far faster with OMP_THREAD_LIMIT=1 set before the process starts.
// `tessdata` names the models' folder; empty: Debian's Tesseract's own.
IdCardReading read_id_card(const std::string& png, const std::string& tessdata = "");
// The same for a file already inspected (inspect_document_file): not checked a second time.
IdCardReading read_id_card(const std::string& png, const DocumentFile& inspected, const std::string& tessdata = "");

// `chosen` when given, else where Debian's Tesseract keeps its models.
std::string tessdata_dir(const std::string& chosen = "");

}  // namespace gongji::devices
