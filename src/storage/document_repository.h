#pragma once
// Scans and files attached to cases.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/stored_document.h"
#include "storage/database.h"

namespace gongji::storage {

using DocumentRecord = core::StoredDocument;

class DocumentRepository {
public:
    explicit DocumentRepository(Database& db) : db_(db) {}
    long long insert(const DocumentRecord& d);
    std::vector<DocumentRecord> list(long long case_id);  // without content, removed ones included
    std::optional<DocumentRecord> find(long long id);     // with content
    void mark_removed(long long id, const std::string& by, core::Instant at);
    // Every paper without its content, with its case's number and the length of its stored
    // content (base64), in no order.
    void for_each(const std::function<void(const std::string& case_number, const DocumentRecord&, long long stored)>& each);

private:
    Database& db_;
};

}  // namespace gongji::storage
