#pragma once
// Pages captured as pixels, kept as files the document store takes: one page a PNG, several
// pages in a row one PDF (each page an image at the resolution it was captured).
#include <cstdint>
#include <string>
#include <vector>

namespace gongji::devices {

// A PNG of 32-bit pixels laid out as cairo's RGB24 (B, G, R, unused on a little-endian machine).
std::string png_of_xrgb(const std::uint8_t* pixels, int width, int height, int stride);
// One PDF with each PNG on a page of its own, sized as if printed at `dpi`. CaptureError for a
// page that is not a PNG.
std::string pdf_of_pages(const std::vector<std::string>& pngs, int dpi);

}  // namespace gongji::devices
