#include "devices/document_file.h"

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-page.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <memory>

#include "devices/image_decode.h"

namespace gongji::devices {
namespace {

using Bytes = std::string;

std::uint32_t be32(const Bytes& b, size_t at) {
    return (std::uint32_t(std::uint8_t(b[at])) << 24) | (std::uint32_t(std::uint8_t(b[at + 1])) << 16) |
           (std::uint32_t(std::uint8_t(b[at + 2])) << 8) | std::uint32_t(std::uint8_t(b[at + 3]));
}

std::uint32_t crc32(const char* data, size_t n) {
    static const auto table = [] {
        std::array<std::uint32_t, 256> t{};
        for (std::uint32_t i = 0; i < 256; ++i) {
            std::uint32_t c = i;
            for (int k = 0; k < 8; ++k) c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[i] = c;
        }
        return t;
    }();
    std::uint32_t c = 0xFFFFFFFFu;
    for (size_t i = 0; i < n; ++i) c = table[(c ^ std::uint8_t(data[i])) & 0xFF] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

// Every chunk within the file with a correct CRC, IHDR first, IEND last.
DocumentFile png(const Bytes& b) {
    DocumentFile f{"image/png", 1, 0, 0};
    size_t at = 8;
    bool ended = false;
    while (at + 12 <= b.size()) {
        std::uint32_t length = be32(b, at);
        if (at + 12 + length > b.size()) throw CaptureError("truncated PNG: a chunk runs past the end of the file", "truncated", {{"format", "PNG"}});
        std::string type = b.substr(at + 4, 4);
        if (crc32(b.data() + at + 4, length + 4) != be32(b, at + 8 + length))
            throw CaptureError("damaged PNG: chunk " + type + " fails its checksum", "damaged", {{"format", "PNG"}});
        if (type == "IHDR" && length >= 8) {
            f.width = static_cast<int>(be32(b, at + 8));
            f.height = static_cast<int>(be32(b, at + 12));
        }
        at += 12 + length;
        if (type == "IEND") {
            ended = true;
            break;
        }
    }
    if (!ended) throw CaptureError("truncated PNG: no IEND chunk", "truncated", {{"format", "PNG"}});
    if (at != b.size())  // another file behind the image (a PDF appended) would be kept unseen
        throw CaptureError("the PNG carries " + std::to_string(b.size() - at) + " bytes after its end: another file appended",
                           "trailing_content", {{"format", "PNG"}});
    if (f.width <= 0 || f.height <= 0) throw CaptureError("damaged PNG: no image header", "damaged", {{"format", "PNG"}});
    return f;
}

// Markers from SOI to the start of the scan, a frame header with the size, EOI at the end.
DocumentFile jpeg(const Bytes& b) {
    DocumentFile f{"image/jpeg", 1, 0, 0};
    size_t at = 2;
    while (at + 4 <= b.size()) {
        if (std::uint8_t(b[at]) != 0xFF) throw CaptureError("damaged JPEG: a marker was expected", "damaged", {{"format", "JPEG"}});
        std::uint8_t marker = std::uint8_t(b[at + 1]);
        if (marker == 0xFF) {
            ++at;
            continue;
        }
        size_t length = (size_t(std::uint8_t(b[at + 2])) << 8) | std::uint8_t(b[at + 3]);
        if (at + 2 + length > b.size()) throw CaptureError("truncated JPEG: a segment runs past the end of the file", "truncated", {{"format", "JPEG"}});
        if ((marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) && length >= 7) {
            f.height = (int(std::uint8_t(b[at + 5])) << 8) | std::uint8_t(b[at + 6]);
            f.width = (int(std::uint8_t(b[at + 7])) << 8) | std::uint8_t(b[at + 8]);
        }
        if (marker == 0xDA) break;  // start of scan: entropy-coded data follows
        at += 2 + length;
    }
    if (f.width <= 0 || f.height <= 0) throw CaptureError("damaged JPEG: no frame header", "damaged", {{"format", "JPEG"}});
    size_t end = b.size();
    while (end > 2 && (b[end - 1] == '\0' || b[end - 1] == '\n' || b[end - 1] == '\r')) --end;  // padding
    // In the scan data a 0xFF byte is always followed by 0x00, a restart marker or the next
    // scan's tables: the first FF D9 after the scan began is the image's end, and anything after
    // it another file (whatever the file's last bytes say).
    const auto eoi = b.find("\xFF\xD9", at);
    if (eoi == std::string::npos)
        throw CaptureError("truncated JPEG: no end-of-image marker", "truncated", {{"format", "JPEG"}});
    if (eoi + 2 < end)
        throw CaptureError("the JPEG carries " + std::to_string(end - eoi - 2) + " bytes after its end: another file appended",
                           "trailing_content", {{"format", "JPEG"}});
    return f;
}

// The directory chain and every strip or tile lie within the file.
DocumentFile tiff(const Bytes& b) {
    bool little = b[0] == 'I';
    auto u16 = [&](size_t at) -> std::uint32_t {
        if (at + 2 > b.size()) throw CaptureError("truncated TIFF: a directory runs past the end of the file", "truncated", {{"format", "TIFF"}});
        return little ? std::uint8_t(b[at]) | (std::uint8_t(b[at + 1]) << 8) : (std::uint8_t(b[at]) << 8) | std::uint8_t(b[at + 1]);
    };
    auto u32 = [&](size_t at) -> std::uint32_t {
        if (at + 4 > b.size()) throw CaptureError("truncated TIFF: a directory runs past the end of the file", "truncated", {{"format", "TIFF"}});
        return little ? u16(at) | (u16(at + 2) << 16) : (u16(at) << 16) | u16(at + 2);
    };
    DocumentFile f{"image/tiff", 0, 0, 0};
    std::uint32_t ifd = u32(4);
    while (ifd != 0) {
        if (++f.pages > 10000) throw CaptureError("damaged TIFF: its directories loop", "damaged", {{"format", "TIFF"}});
        std::uint32_t entries = u16(ifd);
        std::vector<std::uint32_t> offsets, counts;
        std::uint64_t page_width = 0, page_height = 0;
        for (std::uint32_t e = 0; e < entries; ++e) {
            size_t at = ifd + 2 + e * 12;
            std::uint32_t tag = u16(at), type = u16(at + 2), count = u32(at + 4);
            auto value = [&](std::uint32_t i) -> std::uint32_t {
                size_t size = type == 3 ? 2 : 4;
                size_t where = count * size <= 4 ? at + 8 : u32(at + 8);
                return type == 3 ? u16(where + i * 2) : u32(where + i * 4);
            };
            if (tag == 256) page_width = value(0);
            if (tag == 257) page_height = value(0);
            if (f.pages == 1 && tag == 256) f.width = static_cast<int>(value(0));
            if (f.pages == 1 && tag == 257) f.height = static_cast<int>(value(0));
            if (tag == 273 || tag == 324)
                for (std::uint32_t i = 0; i < count; ++i) offsets.push_back(value(i));
            if (tag == 279 || tag == 325)
                for (std::uint32_t i = 0; i < count; ++i) counts.push_back(value(i));
        }
        if (offsets.size() != counts.size() || offsets.empty()) throw CaptureError("damaged TIFF: no image data", "damaged", {{"format", "TIFF"}});
        for (size_t i = 0; i < offsets.size(); ++i)
            if (size_t(offsets[i]) + counts[i] > b.size()) throw CaptureError("truncated TIFF: image data runs past the end", "truncated", {{"format", "TIFF"}});
        f.largest_page_pixels = std::max<long long>(f.largest_page_pixels, static_cast<long long>(page_width * page_height));
        ifd = u32(ifd + 2 + entries * 12);
    }
    if (f.width <= 0 || f.height <= 0) throw CaptureError("damaged TIFF: no image size", "damaged", {{"format", "TIFF"}});
    return f;
}

constexpr double kViewDpi = 150;  // the viewer's and the OCR's rendering
constexpr int kMaxPagesMeasured = 1000;

// What a PDF may make a reader do beyond showing pages: run script, start a program. Names in
// the file's own dictionaries; what hides inside a compressed object stream is not seen here,
// and the program never runs either (poppler renders, and executes nothing).
void refuse_active_content(const Bytes& b) {
    for (const char* name : {"/JavaScript", "/JS ", "/JS(", "/JS<", "/Launch"})
        if (b.find(name) != std::string::npos)
            throw CaptureError(std::string("the PDF carries ") + (std::string(name).rfind("/J", 0) == 0 ? "JavaScript" : "a launch action") +
                                   ": a paper for a case never does",
                               "active_content", {{"format", "PDF"}});
}

DocumentFile pdf(const Bytes& b) {
    refuse_active_content(b);
    auto tail = b.substr(b.size() > 1024 ? b.size() - 1024 : 0);
    if (tail.find("%%EOF") == std::string::npos) throw CaptureError("truncated PDF: no end-of-file marker", "truncated", {{"format", "PDF"}});
    std::unique_ptr<poppler::document> doc(poppler::document::load_from_raw_data(b.data(), static_cast<int>(b.size())));
    if (!doc) throw CaptureError("damaged PDF: it cannot be read", "damaged", {{"format", "PDF"}});
    if (doc->is_locked()) throw CaptureError("the PDF is password-protected", "locked", {{"format", "PDF"}});
    DocumentFile f{"application/pdf", doc->pages(), 0, 0};
    if (f.pages < 1) throw CaptureError("the PDF has no pages", "no_pages", {{"format", "PDF"}});
    for (int i = 0; i < f.pages && i < kMaxPagesMeasured; ++i) {
        std::unique_ptr<poppler::page> page(doc->create_page(i));
        if (!page)  // a page tree that loops or points nowhere
            throw CaptureError("damaged PDF: page " + std::to_string(i + 1) + " cannot be read", "damaged", {{"format", "PDF"}});
        auto box = page->page_rect();  // points
        auto pixels = static_cast<long long>(box.width() / 72.0 * kViewDpi) * static_cast<long long>(box.height() / 72.0 * kViewDpi);
        f.largest_page_pixels = std::max(f.largest_page_pixels, pixels);
    }
    return f;
}

}  // namespace

namespace {

DocumentFile parse(const std::string& b) {
    if (b.size() >= 8 && b.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0) return png(b);
    if (b.size() >= 3 && std::uint8_t(b[0]) == 0xFF && std::uint8_t(b[1]) == 0xD8 && std::uint8_t(b[2]) == 0xFF) return jpeg(b);
    if (b.size() >= 8 && (b.compare(0, 4, "II*\0", 4) == 0 || b.compare(0, 4, "MM\0*", 4) == 0)) return tiff(b);
    if (b.size() >= 5 && b.compare(0, 5, "%PDF-") == 0) return pdf(b);
    throw CaptureError("not a PNG, JPEG, TIFF or PDF file", "not_a_paper");
}

std::string megabytes(std::size_t bytes) { return std::to_string((bytes + (1u << 19)) >> 20) + " MB"; }

}  // namespace

DocumentFile inspect_document_file(const std::string& b, const DocumentLimits& limits) {
    if (b.empty()) throw CaptureError("the file is empty", "empty");
    if (b.size() > limits.max_bytes)
        throw CaptureError("the file is " + megabytes(b.size()) + ", more than the " + megabytes(limits.max_bytes) + " a paper may be",
                           "too_large", {{"size", megabytes(b.size())}, {"limit", megabytes(limits.max_bytes)}});
    auto f = parse(b);
    if (f.mime != "application/pdf")
        f.largest_page_pixels = std::max(f.largest_page_pixels, static_cast<long long>(f.width) * f.height);
    if (f.largest_page_pixels > limits.max_page_pixels)
        throw CaptureError("a page is " + std::to_string(f.largest_page_pixels / 1'000'000) + " million pixels, more than the " +
                               std::to_string(limits.max_page_pixels / 1'000'000) + " million a paper may be (refused before decoding)",
                           "too_many_pixels",
                           {{"size", std::to_string(f.largest_page_pixels / 1'000'000)},
                            {"limit", std::to_string(limits.max_page_pixels / 1'000'000)}});
    if (f.pages > limits.max_pages)
        throw CaptureError("the file has " + std::to_string(f.pages) + " pages, more than the " + std::to_string(limits.max_pages) +
                               " a paper may have",
                           "too_many_pages", {{"size", std::to_string(f.pages)}, {"limit", std::to_string(limits.max_pages)}});
    // Within the limits: decoded to the last row, a row at a time.
    if (f.mime == "image/png") decode_png_rows(b);
    if (f.mime == "image/jpeg") decode_jpeg_rows(b);
    return f;
}

}  // namespace gongji::devices
