#pragma once
// A scan or file attached to a case, as kept in the document store.
#include <optional>
#include <string>

#include "core/documents.h"
#include "core/instant.h"

namespace gongji::core {

struct StoredDocument {
    long long id = 0;
    long long case_id = 0;
    DocumentType type = DocumentType::other;
    std::string file_name, mime;
    int pages = 1;
    long long size_bytes = 0;
    std::string sha256;
    std::string content_base64;  // empty in listings
    std::string captured_by, workstation;
    Instant captured_at;
    std::optional<std::string> removed_by;
    std::optional<Instant> removed_at;

    bool is_removed() const { return removed_at.has_value(); }
};

}  // namespace gongji::core
