#include "samples.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>
#include <jpeglib.h>
#include <tiffio.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <functional>
#include <sstream>
#include <vector>

namespace gongji::test {
namespace {

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

}  // namespace

std::string sample_png(int width, int height, Rgb colour) {
    cairo_surface_t* s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height);
    cairo_t* cr = cairo_create(s);
    cairo_set_source_rgb(cr, colour.r / 255.0, colour.g / 255.0, colour.b / 255.0);
    cairo_paint(cr);
    cairo_destroy(cr);
    std::string out;
    cairo_surface_write_to_png_stream(s, append, &out);
    cairo_surface_destroy(s);
    return out;
}

std::string sample_pdf(int pages) {
    std::string out;
    cairo_surface_t* s = cairo_pdf_surface_create_for_stream(append, &out, 595, 842);
    cairo_t* cr = cairo_create(s);
    for (int i = 0; i < pages; ++i) {
        cairo_rectangle(cr, 50, 50, 100 + i * 10, 100);
        cairo_fill(cr);
        cairo_show_page(cr);
    }
    cairo_destroy(cr);
    cairo_surface_finish(s);
    cairo_surface_destroy(s);
    return out;
}

std::string sample_pdf_filled(Rgb colour) {
    std::string out;
    cairo_surface_t* s = cairo_pdf_surface_create_for_stream(append, &out, 595, 842);
    cairo_t* cr = cairo_create(s);
    cairo_set_source_rgb(cr, colour.r / 255.0, colour.g / 255.0, colour.b / 255.0);
    cairo_paint(cr);
    cairo_show_page(cr);
    cairo_destroy(cr);
    cairo_surface_finish(s);
    cairo_surface_destroy(s);
    return out;
}

std::string sample_jpeg(int width, int height, Rgb colour) {
    jpeg_compress_struct c{};
    jpeg_error_mgr err{};
    c.err = jpeg_std_error(&err);
    jpeg_create_compress(&c);
    unsigned char* buffer = nullptr;
    unsigned long size = 0;
    jpeg_mem_dest(&c, &buffer, &size);
    c.image_width = static_cast<JDIMENSION>(width);
    c.image_height = static_cast<JDIMENSION>(height);
    c.input_components = 3;
    c.in_color_space = JCS_RGB;
    jpeg_set_defaults(&c);
    jpeg_start_compress(&c, TRUE);
    std::vector<unsigned char> row(static_cast<size_t>(width) * 3);
    for (size_t x = 0; x < row.size(); x += 3) {
        row[x] = colour.r;
        row[x + 1] = colour.g;
        row[x + 2] = colour.b;
    }
    while (c.next_scanline < c.image_height) {
        JSAMPROW r = row.data();
        jpeg_write_scanlines(&c, &r, 1);
    }
    jpeg_finish_compress(&c);
    std::string out(reinterpret_cast<char*>(buffer), size);
    jpeg_destroy_compress(&c);
    free(buffer);
    return out;
}

namespace {

// libtiff writes to files only: the pages go to a temporary file, whose bytes are returned.
std::string tiff_bytes(const std::function<void(TIFF*)>& write) {
    char path[] = "/tmp/gongji-sample-XXXXXX";
    int fd = mkstemp(path);
    close(fd);
    TIFF* t = TIFFOpen(path, "w");
    write(t);
    TIFFClose(t);
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    std::remove(path);
    return s.str();
}

}  // namespace

std::string sample_tiff(int width, int height) {
    return tiff_bytes([&](TIFF* t) {
        TIFFSetField(t, TIFFTAG_IMAGEWIDTH, width);
        TIFFSetField(t, TIFFTAG_IMAGELENGTH, height);
        TIFFSetField(t, TIFFTAG_SAMPLESPERPIXEL, 1);
        TIFFSetField(t, TIFFTAG_BITSPERSAMPLE, 8);
        TIFFSetField(t, TIFFTAG_PHOTOMETRIC, PHOTOMETRIC_MINISBLACK);
        TIFFSetField(t, TIFFTAG_ROWSPERSTRIP, height);
        std::vector<unsigned char> row(static_cast<size_t>(width), 128);
        for (int y = 0; y < height; ++y) TIFFWriteScanline(t, row.data(), static_cast<uint32_t>(y), 0);
    });
}

std::string sample_tiff_pages(int width, int height, const std::vector<Rgb>& pages) {
    return tiff_bytes([&](TIFF* t) {
        for (size_t page = 0; page < pages.size(); ++page) {
            TIFFSetField(t, TIFFTAG_IMAGEWIDTH, width);
            TIFFSetField(t, TIFFTAG_IMAGELENGTH, height);
            TIFFSetField(t, TIFFTAG_SAMPLESPERPIXEL, 3);
            TIFFSetField(t, TIFFTAG_BITSPERSAMPLE, 8);
            TIFFSetField(t, TIFFTAG_PHOTOMETRIC, PHOTOMETRIC_RGB);
            TIFFSetField(t, TIFFTAG_PLANARCONFIG, PLANARCONFIG_CONTIG);
            TIFFSetField(t, TIFFTAG_ROWSPERSTRIP, height);
            TIFFSetField(t, TIFFTAG_SUBFILETYPE, FILETYPE_PAGE);
            TIFFSetField(t, TIFFTAG_PAGENUMBER, static_cast<uint16_t>(page), static_cast<uint16_t>(pages.size()));
            std::vector<unsigned char> row(static_cast<size_t>(width) * 3);
            for (size_t x = 0; x < row.size(); x += 3) {
                row[x] = pages[page].r;
                row[x + 1] = pages[page].g;
                row[x + 2] = pages[page].b;
            }
            for (int y = 0; y < height; ++y) TIFFWriteScanline(t, row.data(), static_cast<uint32_t>(y), 0);
            TIFFWriteDirectory(t);
        }
    });
}

std::string sample_id_card(const std::string& name, const std::string& number, int width) {
    const int height = width * 540 / 856;
    const double u = width / 856.0;
    cairo_surface_t* s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height);
    cairo_t* cr = cairo_create(s);
    cairo_pattern_t* bg = cairo_pattern_create_linear(0, 0, width, height);
    cairo_pattern_add_color_stop_rgb(bg, 0, 0.86, 0.91, 0.98);
    cairo_pattern_add_color_stop_rgb(bg, 1, 0.93, 0.95, 0.99);
    cairo_set_source(cr, bg);
    cairo_paint(cr);
    cairo_pattern_destroy(bg);
    auto text = [&](const std::string& t, double x, double y, double size, bool bold, double gray) {
        PangoLayout* layout = pango_cairo_create_layout(cr);
        PangoFontDescription* font = pango_font_description_from_string("Noto Sans CJK SC");
        pango_font_description_set_absolute_size(font, size * u * PANGO_SCALE);
        if (bold) pango_font_description_set_weight(font, PANGO_WEIGHT_BOLD);
        pango_layout_set_font_description(layout, font);
        pango_layout_set_text(layout, t.c_str(), -1);
        cairo_set_source_rgb(cr, gray * 0.3, gray * 0.45, gray);
        cairo_move_to(cr, x * u, y * u);
        pango_cairo_show_layout(cr, layout);
        pango_font_description_free(font);
        g_object_unref(layout);
    };
    text("姓名", 60, 55, 26, false, 0.6);
    text(name, 160, 48, 34, false, 0.0);
    text("性别", 60, 125, 26, false, 0.6);
    text("男", 160, 122, 30, false, 0.0);
    text("民族", 300, 125, 26, false, 0.6);
    text("汉", 400, 122, 30, false, 0.0);
    text("出生", 60, 190, 26, false, 0.6);
    text("1965 年 3 月 12 日", 160, 187, 30, false, 0.0);
    text("住址", 60, 255, 26, false, 0.6);
    text("广西壮族自治区贵港市港北区", 160, 252, 28, false, 0.0);
    text("公民身份号码", 60, 445, 26, false, 0.6);
    text(number, 245, 432, 40, false, 0.0);
    cairo_destroy(cr);
    std::string out;
    cairo_surface_write_to_png_stream(s, append, &out);
    cairo_surface_destroy(s);
    return out;
}

}  // namespace gongji::test
