#pragma once
// Files added to a case: PNG, JPEG, TIFF images and PDF documents, checked whole before they
// are stored — a truncated download or a renamed file is refused with the reason.
#include <stdexcept>
#include <string>

namespace gongji::devices {

class CaptureError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct DocumentFile {
    std::string mime;  // image/png, image/jpeg, image/tiff, application/pdf
    int pages = 1;
    int width = 0, height = 0;  // pixels, for images (the first page of a TIFF)
};

// Throws CaptureError naming what is wrong ("truncated JPEG: no end-of-image marker", …).
DocumentFile inspect_document_file(const std::string& bytes);

}  // namespace gongji::devices
