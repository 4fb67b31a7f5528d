#include "devices/ocr.h"

#include <cairo.h>
#include <tesseract/baseapi.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <vector>

#include "core/civil_date.h"
#include "core/id_number.h"
#include "devices/document_file.h"
#include "devices/png_surface.h"

namespace gongji::devices {
namespace {

struct Gray {
    int width = 0, height = 0;
    std::vector<unsigned char> pixels;
};

// A region of the card (fractions of its size) as grey, keeping the brightest channel — that
// drops the card's bluish pattern — and scaled up so the text is large enough to read.
Gray region(cairo_surface_t* card, double x0, double y0, double x1, double y1, int target_width) {
    int w = cairo_image_surface_get_width(card), h = cairo_image_surface_get_height(card);
    int rx = static_cast<int>(x0 * w), ry = static_cast<int>(y0 * h);
    int rw = std::max(1, static_cast<int>((x1 - x0) * w)), rh = std::max(1, static_cast<int>((y1 - y0) * h));
    double scale = std::max(1.0, static_cast<double>(target_width) / rw);
    int ow = static_cast<int>(rw * scale), oh = static_cast<int>(rh * scale);
    cairo_surface_t* scaled = cairo_image_surface_create(CAIRO_FORMAT_RGB24, ow, oh);
    cairo_t* cr = cairo_create(scaled);
    cairo_scale(cr, scale, scale);
    cairo_set_source_surface(cr, card, -rx, -ry);
    cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_BILINEAR);
    cairo_paint(cr);
    cairo_destroy(cr);
    cairo_surface_flush(scaled);
    Gray g{ow, oh, std::vector<unsigned char>(static_cast<size_t>(ow) * static_cast<size_t>(oh))};
    const unsigned char* data = cairo_image_surface_get_data(scaled);
    int stride = cairo_image_surface_get_stride(scaled);
    for (int y = 0; y < oh; ++y)
        for (int x = 0; x < ow; ++x) {
            auto px = *reinterpret_cast<const std::uint32_t*>(data + y * stride + x * 4);
            unsigned r = (px >> 16) & 255, gr = (px >> 8) & 255, b = px & 255;
            g.pixels[static_cast<size_t>(y) * static_cast<size_t>(ow) + static_cast<size_t>(x)] =
                static_cast<unsigned char>(std::max({r, gr, b}));
        }
    cairo_surface_destroy(scaled);
    return g;
}

std::string recognise(const Gray& g, const std::string& models, const char* language, const char* whitelist) {
    tesseract::TessBaseAPI api;
    if (api.Init(models.c_str(), language, tesseract::OEM_LSTM_ONLY) != 0)
        throw CaptureError(std::string("Tesseract cannot load the “") + language + "” model from " + models);
    api.SetVariable("debug_file", "/dev/null");  // Tesseract's statistics are not for people
    api.SetPageSegMode(tesseract::PSM_SINGLE_LINE);
    if (whitelist) api.SetVariable("tessedit_char_whitelist", whitelist);
    api.SetImage(g.pixels.data(), g.width, g.height, 1, g.width);
    std::unique_ptr<char[]> text(api.GetUTF8Text());
    api.End();
    return text ? std::string(text.get()) : std::string();
}

// The first 18-character run whose birth date and check character are right.
std::optional<std::string> pick_id_number(const std::string& text) {
    std::string run;
    auto consider = [&]() -> std::optional<std::string> {
        for (size_t i = 0; i + 18 <= run.size(); ++i) {
            std::string id;
            if (core::normalize_id_number(run.substr(i, 18), core::CivilDate{9999, 12, 31}, id)) return id;
        }
        return std::nullopt;
    };
    for (char c : text) {
        if ((c >= '0' && c <= '9') || c == 'X' || c == 'x') {
            run += c;
        } else if (c != ' ') {
            if (auto id = consider()) return id;
            run.clear();
        }
    }
    return consider();
}

}  // namespace

std::string tessdata_dir(const std::string& chosen) {
    if (!chosen.empty()) return chosen;
    for (const char* dir : {"/usr/share/tesseract-ocr/5/tessdata", "/usr/share/tesseract-ocr/4.00/tessdata"})
        if (std::filesystem::exists(std::string(dir) + "/eng.traineddata")) return dir;
    return "/usr/share/tesseract-ocr/5/tessdata";
}

IdCardReading read_id_card(const std::string& png, const std::string& tessdata) {
    return read_id_card(png, inspect_document_file(png), tessdata);
}

IdCardReading read_id_card(const std::string& png, const DocumentFile& inspected, const std::string& tessdata) {
    const auto models = tessdata_dir(tessdata);
    if (inspected.mime != "image/png") throw CaptureError("OCR reads PNG scans");
    cairo_surface_t* card = png_surface(png);
    if (cairo_surface_status(card) != CAIRO_STATUS_SUCCESS) {
        cairo_surface_destroy(card);
        throw CaptureError("the scan cannot be decoded");
    }
    IdCardReading reading;
    // Where the number and the name stand on a second-generation ID card.
    reading.number_text = recognise(region(card, 0.26, 0.74, 0.98, 0.97, 1000), models, "eng", "0123456789X");
    reading.id_number = pick_id_number(reading.number_text);
    std::string name = recognise(region(card, 0.17, 0.07, 0.60, 0.22, 700), models, "chi_sim", nullptr);
    std::string hanzi;
    for (size_t i = 0; i < name.size();) {  // keep the Chinese characters (3-byte UTF-8)
        auto c = static_cast<unsigned char>(name[i]);
        size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        if (len == 3) hanzi += name.substr(i, 3);
        i += len;
    }
    if (!hanzi.empty()) reading.name = hanzi;
    cairo_surface_destroy(card);
    return reading;
}

}  // namespace gongji::devices
