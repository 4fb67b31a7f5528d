#include "devices/image_decode.h"

#include <jpeglib.h>
#include <png.h>

#include <csetjmp>
#include <cstdio>
#include <cstring>
#include <vector>

#include "devices/document_file.h"

namespace gongji::devices {
namespace {

[[noreturn]] void undecodable(const char* format, const std::string& why) {
    throw CaptureError(std::string("damaged ") + format + ": its image data does not decode (" + why + ")", "damaged",
                       {{"format", format}});
}

// What the reading needs, kept outside the function that calls setjmp: a longjmp back into it
// leaves its own locals indeterminate once changed, so it changes none but plain pointers.
struct PngInput {
    const std::string* bytes;
    std::size_t at;
    std::vector<png_byte>* row;
    char why[200];
};

void png_take(png_structp png, png_bytep out, png_size_t n) {
    auto* in = static_cast<PngInput*>(png_get_io_ptr(png));
    if (in->at + n > in->bytes->size()) png_error(png, "the data ends early");
    std::memcpy(out, in->bytes->data() + in->at, n);
    in->at += n;
}

void png_fail(png_structp png, png_const_charp message) {
    auto* in = static_cast<PngInput*>(png_get_error_ptr(png));
    std::snprintf(in->why, sizeof in->why, "%s", message);
    png_longjmp(png, 1);
}

void png_warning_ignored(png_structp, png_const_charp) {}

// True when every row decodes; `in.why` says why not otherwise.
bool read_png(PngInput& in) {
    png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &in, png_fail, png_warning_ignored);
    if (!png) return false;
    png_infop info = png_create_info_struct(png);
    if (!info || setjmp(png_jmpbuf(png))) {
        png_destroy_read_struct(&png, info ? &info : nullptr, nullptr);
        return false;
    }
    png_set_read_fn(png, &in, png_take);
    png_set_crc_action(png, PNG_CRC_ERROR_QUIT, PNG_CRC_ERROR_QUIT);
    png_read_info(png, info);
    const int passes = png_set_interlace_handling(png);
    png_read_update_info(png, info);
    in.row->resize(png_get_rowbytes(png, info));
    const auto height = png_get_image_height(png, info);
    for (int pass = 0; pass < passes; ++pass)
        for (png_uint_32 y = 0; y < height; ++y) png_read_row(png, in.row->data(), nullptr);
    png_read_end(png, nullptr);
    png_destroy_read_struct(&png, &info, nullptr);
    return true;
}

std::string png_rows(const std::string& bytes) {
    std::vector<png_byte> row;
    PngInput in{&bytes, 0, &row, {}};
    if (read_png(in)) return "";
    return in.why[0] ? in.why : "no memory";
}

struct JpegErrors {
    jpeg_error_mgr mgr;
    std::jmp_buf jump;
    int warnings = 0;
    std::vector<JSAMPLE>* row;
    char why[JMSG_LENGTH_MAX] = {};
};

void jpeg_fail(j_common_ptr cinfo) {
    auto* errors = reinterpret_cast<JpegErrors*>(cinfo->err);
    (*cinfo->err->format_message)(cinfo, errors->why);
    std::longjmp(errors->jump, 1);
}

// libjpeg says corrupt or missing data as a warning (level -1) and goes on with gray rows.
void jpeg_note(j_common_ptr cinfo, int level) {
    auto* errors = reinterpret_cast<JpegErrors*>(cinfo->err);
    if (level == -1 && errors->warnings++ == 0) (*cinfo->err->format_message)(cinfo, errors->why);
}

// True when every scanline decoded without a warning; `errors.why` says why not otherwise.
bool read_jpeg(const std::string& bytes, jpeg_decompress_struct& cinfo, JpegErrors& errors) {
    if (setjmp(errors.jump)) {
        jpeg_destroy_decompress(&cinfo);
        return false;
    }
    jpeg_create_decompress(&cinfo);
    jpeg_mem_src(&cinfo, reinterpret_cast<const unsigned char*>(bytes.data()), static_cast<unsigned long>(bytes.size()));
    jpeg_read_header(&cinfo, TRUE);
    jpeg_start_decompress(&cinfo);
    errors.row->resize(static_cast<std::size_t>(cinfo.output_width) * static_cast<std::size_t>(cinfo.output_components));
    while (cinfo.output_scanline < cinfo.output_height) {
        JSAMPROW rows[1] = {errors.row->data()};
        jpeg_read_scanlines(&cinfo, rows, 1);
    }
    jpeg_finish_decompress(&cinfo);
    jpeg_destroy_decompress(&cinfo);
    return errors.warnings == 0;
}

std::string jpeg_rows(const std::string& bytes) {
    std::vector<JSAMPLE> row;
    jpeg_decompress_struct cinfo{};
    JpegErrors errors;
    errors.row = &row;
    cinfo.err = jpeg_std_error(&errors.mgr);
    errors.mgr.error_exit = jpeg_fail;
    errors.mgr.emit_message = jpeg_note;
    return read_jpeg(bytes, cinfo, errors) ? "" : errors.why;
}

}  // namespace

void decode_png_rows(const std::string& bytes) {
    if (auto why = png_rows(bytes); !why.empty()) undecodable("PNG", why);
}

void decode_jpeg_rows(const std::string& bytes) {
    if (auto why = jpeg_rows(bytes); !why.empty()) undecodable("JPEG", why);
}

}  // namespace gongji::devices
