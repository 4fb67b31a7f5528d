#pragma once
// Files added to a case: PNG, JPEG, TIFF images and PDF documents, checked whole before they
// are stored — a truncated download or a renamed file is refused with the reason.
#include <map>
#include <stdexcept>
#include <string>

namespace gongji::devices {

class CaptureError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
    // With what the user's language needs to say it: a code ("truncated", "damaged", "not_a_paper",
    // "active_content", "locked", "no_pages", "empty", "too_large", "too_many_pixels",
    // "too_many_pages") and its values ("format": PNG…; "size" and "limit").
    CaptureError(const std::string& message, std::string code, std::map<std::string, std::string> params = {})
        : std::runtime_error(message), code_(std::move(code)), params_(std::move(params)) {}
    const std::string& code() const { return code_; }  // empty: a device's own message
    const std::map<std::string, std::string>& params() const { return params_; }

private:
    std::string code_;
    std::map<std::string, std::string> params_;
};

struct DocumentFile {
    std::string mime;  // image/png, image/jpeg, image/tiff, application/pdf
    int pages = 1;
    int width = 0, height = 0;  // pixels, for images (the first page of a TIFF)
    long long largest_page_pixels = 0;  // a PDF's page as rendered for viewing (150 dpi)
};

// What a paper may be, so that nothing decodes a bomb: a 30000×30000 PNG is 3.6 GB of pixels
// from a few kilobytes of file. Sizes come from the headers, before anything is decoded.
struct DocumentLimits {
    std::size_t max_bytes = 20u << 20;        // 20 MB: a 30-page scan at 300 dpi is far less
    long long max_page_pixels = 40'000'000;   // a page of A3 at 600 dpi is 35 million
    int max_pages = 200;
};

// Throws CaptureError naming what is wrong ("truncated JPEG: no end-of-image marker", "the
// image is 30000 × 30000 pixels, …", "the PDF carries JavaScript", …).
DocumentFile inspect_document_file(const std::string& bytes, const DocumentLimits& limits = {});

}  // namespace gongji::devices
