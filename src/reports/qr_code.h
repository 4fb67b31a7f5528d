#pragma once
// A QR code's modules, by libqrencode (error correction M): what the printed papers draw with
// cairo and the citizen's display paints on screen.
#include <string>
#include <vector>

namespace gongji::reports {

struct QrModules {
    int width = 0;           // modules a side, without the quiet zone
    std::vector<bool> dark;  // row by row
    bool at(int row, int col) const { return dark[static_cast<std::size_t>(row * width + col)]; }
};

// RenderError when the text cannot be encoded (too long for any QR version).
QrModules encode_qr(const std::string& text);

}  // namespace gongji::reports
