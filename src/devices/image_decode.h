#pragma once
// A scan decoded to its last row before it is taken as a paper: a header and checksums that
// hold say nothing of the compressed pixels between them (issue 31: a PNG whose image data does
// not decode was accepted). libpng and libjpeg read a row at a time into one row's memory, after
// the pixel limits were checked on the header.
#include <string>

namespace gongji::devices {

// CaptureError("damaged") naming what does not decode. PNG: every row of every pass, the
// compressed stream whole and nothing left after it. JPEG: every scanline, with no part of the
// data found corrupt or missing (libjpeg's warnings count).
void decode_png_rows(const std::string& bytes);
void decode_jpeg_rows(const std::string& bytes);

}  // namespace gongji::devices
