#pragma once
// A PDF page as pixels, for looking at a captured document on screen.
#include <string>
#include <vector>

namespace gongji::devices {

struct RgbImage {
    int width = 0, height = 0;
    std::vector<unsigned char> rgb;  // width × height × 3, rows top to bottom
};

// Renders page `page` (0-based) at `dpi`; CaptureError when the PDF or the page cannot be read.
RgbImage render_pdf_page(const std::string& bytes, int page, int dpi);

}  // namespace gongji::devices
