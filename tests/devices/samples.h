#pragma once
// Real files made for the tests: a PNG and a multi-page PDF with cairo, a JPEG with libjpeg, a
// TIFF with libtiff.
#include <string>
#include <vector>

namespace gongji::test {

struct Rgb {
    unsigned char r, g, b;
};

std::string sample_png(int width = 40, int height = 30, Rgb colour = {230, 230, 255});
std::string sample_pdf(int pages);
std::string sample_jpeg(int width = 64, int height = 48, Rgb colour = {180, 180, 180});
std::string sample_tiff(int width = 32, int height = 24);
// A colour TIFF with one page of each colour (as a document feeder scans a booklet).
std::string sample_tiff_pages(int width, int height, const std::vector<Rgb>& pages);
// A one-page PDF filled with one colour.
std::string sample_pdf_filled(Rgb colour);
// A synthetic second-generation ID card (front with the number), as a scan cropped to the card.
std::string sample_id_card(const std::string& name, const std::string& number, int width = 856);

}  // namespace gongji::test
