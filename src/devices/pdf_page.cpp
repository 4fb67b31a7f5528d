#include "devices/pdf_page.h"

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-image.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>

#include <memory>

#include "devices/document_file.h"

namespace gongji::devices {

RgbImage render_pdf_page(const std::string& bytes, int page, int dpi) {
    std::unique_ptr<poppler::document> doc(poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
    if (!doc || doc->is_locked()) throw CaptureError("damaged PDF: it cannot be read");
    if (page < 0 || page >= doc->pages()) throw CaptureError("the PDF has no page " + std::to_string(page + 1));
    std::unique_ptr<poppler::page> p(doc->create_page(page));
    poppler::page_renderer renderer;
    renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
    renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
    renderer.set_image_format(poppler::image::format_argb32);
    poppler::image image = p ? renderer.render_page(p.get(), dpi, dpi) : poppler::image();
    if (!image.is_valid()) throw CaptureError("the PDF page " + std::to_string(page + 1) + " cannot be drawn");
    RgbImage out;
    out.width = image.width();
    out.height = image.height();
    out.rgb.resize(static_cast<size_t>(out.width) * out.height * 3);
    for (int y = 0; y < out.height; ++y) {
        // argb32 is native-endian 32-bit pixels: bytes B, G, R, A on this (little-endian) machine.
        const auto* row = reinterpret_cast<const unsigned char*>(image.const_data()) + static_cast<size_t>(y) * image.bytes_per_row();
        auto* to = out.rgb.data() + static_cast<size_t>(y) * out.width * 3;
        for (int x = 0; x < out.width; ++x) {
            to[x * 3] = row[x * 4 + 2];
            to[x * 3 + 1] = row[x * 4 + 1];
            to[x * 3 + 2] = row[x * 4];
        }
    }
    return out;
}

}  // namespace gongji::devices
