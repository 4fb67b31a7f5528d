#pragma once
// PNG bytes as cairo pixels, for the devices that draw on them (OCR, bound pages); private to
// the devices layer, which alone links cairo.
#include <cairo.h>

#include <string>

namespace gongji::devices {

// The caller's to destroy; its status says when the bytes are not a PNG.
cairo_surface_t* png_surface(const std::string& png);

}  // namespace gongji::devices
