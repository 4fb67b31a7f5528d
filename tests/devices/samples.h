#pragma once
// Real files made for the tests: a PNG and a multi-page PDF with cairo, a JPEG with libjpeg, a
// TIFF with libtiff.
#include <string>

namespace gongji::test {

std::string sample_png(int width = 40, int height = 30);
std::string sample_pdf(int pages);
std::string sample_jpeg(int width = 64, int height = 48);
std::string sample_tiff(int width = 32, int height = 24);
// A synthetic second-generation ID card (front with the number), as a scan cropped to the card.
std::string sample_id_card(const std::string& name, const std::string& number, int width = 856);

}  // namespace gongji::test
