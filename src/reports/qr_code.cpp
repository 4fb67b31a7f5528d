#include "reports/qr_code.h"

#include <qrencode.h>

#include "reports/renderer.h"

namespace gongji::reports {

QrModules encode_qr(const std::string& text) {
    QRcode* code = QRcode_encodeString(text.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1);
    if (!code) throw RenderError("cannot encode a QR code for “" + text + "”");
    QrModules m;
    m.width = code->width;
    m.dark.resize(static_cast<std::size_t>(code->width * code->width));
    for (std::size_t i = 0; i < m.dark.size(); ++i) m.dark[i] = code->data[i] & 1;
    QRcode_free(code);
    return m;
}

}  // namespace gongji::reports
