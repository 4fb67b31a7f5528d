#pragma once
// Scans and files attached to cases.
#include <optional>
#include <string>
#include <vector>

#include "storage/database.h"

namespace gongji::storage {

struct DocumentRecord {
    long long id = 0;
    long long case_id = 0;
    std::string type, file_name, mime;
    int pages = 1;
    long long size_bytes = 0;
    std::string sha256;
    std::string content_base64;  // empty in listings
    std::string captured_by, workstation, captured_at;
    std::optional<std::string> removed_by, removed_at;
};

class DocumentRepository {
public:
    explicit DocumentRepository(Database& db) : db_(db) {}
    long long insert(const DocumentRecord& d);
    std::vector<DocumentRecord> list(long long case_id);  // without content, removed ones included
    std::optional<DocumentRecord> find(long long id);     // with content
    void mark_removed(long long id, const std::string& by, const std::string& at);

private:
    Database& db_;
};

}  // namespace gongji::storage
