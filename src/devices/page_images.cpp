#include "devices/page_images.h"

#include <cairo-pdf.h>
#include <cairo.h>

#include <cstring>

#include "devices/document_file.h"
#include "devices/png_surface.h"

namespace gongji::devices {

namespace {

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

struct Reading {
    const std::string* bytes;
    std::size_t at = 0;
};

cairo_status_t take(void* closure, unsigned char* data, unsigned int length) {
    auto* r = static_cast<Reading*>(closure);
    if (r->at + length > r->bytes->size()) return CAIRO_STATUS_READ_ERROR;
    std::memcpy(data, r->bytes->data() + r->at, length);
    r->at += length;
    return CAIRO_STATUS_SUCCESS;
}

}  // namespace

cairo_surface_t* png_surface(const std::string& png) {
    Reading reading{&png};
    return cairo_image_surface_create_from_png_stream(take, &reading);
}

std::string png_of_xrgb(const std::uint8_t* pixels, int width, int height, int stride) {
    cairo_surface_t* s = cairo_image_surface_create_for_data(const_cast<unsigned char*>(pixels), CAIRO_FORMAT_RGB24, width,
                                                             height, stride);
    std::string png;
    cairo_status_t status = cairo_surface_write_to_png_stream(s, append, &png);
    cairo_surface_destroy(s);
    if (status != CAIRO_STATUS_SUCCESS) throw CaptureError(std::string("cannot encode the page: ") + cairo_status_to_string(status));
    return png;
}

std::string pdf_of_pages(const std::vector<std::string>& pngs, int dpi) {
    std::string pdf;
    cairo_surface_t* document = cairo_pdf_surface_create_for_stream(append, &pdf, 595, 842);
    for (std::size_t i = 0; i < pngs.size(); ++i) {
        cairo_surface_t* page = png_surface(pngs[i]);
        if (cairo_surface_status(page) != CAIRO_STATUS_SUCCESS) {
            cairo_surface_destroy(page);
            cairo_surface_destroy(document);
            throw CaptureError("page " + std::to_string(i + 1) + " is not a PNG");
        }
        double scale = 72.0 / dpi;  // points per pixel
        int width = cairo_image_surface_get_width(page), height = cairo_image_surface_get_height(page);
        cairo_pdf_surface_set_size(document, width * scale, height * scale);
        cairo_t* cr = cairo_create(document);
        cairo_scale(cr, scale, scale);
        cairo_set_source_surface(cr, page, 0, 0);
        cairo_paint(cr);
        cairo_show_page(cr);
        cairo_destroy(cr);
        cairo_surface_destroy(page);
    }
    cairo_surface_finish(document);
    cairo_status_t status = cairo_surface_status(document);
    cairo_surface_destroy(document);
    if (status != CAIRO_STATUS_SUCCESS) throw CaptureError(std::string("cannot write the pages: ") + cairo_status_to_string(status));
    return pdf;
}

}  // namespace gongji::devices
