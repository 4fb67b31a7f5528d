#include "storage/document_repository.h"

#include <soci/soci.h>

#include "storage/row_values.h"

namespace gongji::storage {
namespace {

DocumentRecord from_row(const soci::row& r, bool with_content) {
    DocumentRecord d;
    d.id = row_integer(r, 0);
    d.case_id = row_integer(r, 1);
    d.type = r.get<std::string>(2);
    d.file_name = r.get<std::string>(3);
    d.mime = r.get<std::string>(4);
    d.pages = static_cast<int>(row_integer(r, 5));
    d.size_bytes = row_integer(r, 6);
    d.sha256 = r.get<std::string>(7);
    d.captured_by = r.get<std::string>(8);
    d.workstation = r.get<std::string>(9);
    d.captured_at = r.get<std::string>(10);
    if (r.get_indicator(11) != soci::i_null) d.removed_by = r.get<std::string>(11);
    if (r.get_indicator(12) != soci::i_null) d.removed_at = r.get<std::string>(12);
    if (with_content) d.content_base64 = r.get<std::string>(13);
    return d;
}

const char* kColumns =
    "id, case_id, type, file_name, mime, pages, size_bytes, sha256, captured_by, workstation, captured_at, "
    "removed_by, removed_at";

}  // namespace

long long DocumentRepository::insert(const DocumentRecord& d) {
    long long id = 0;
    db_.sql() << "INSERT INTO documents (case_id, type, file_name, mime, pages, size_bytes, sha256, content, "
                 "captured_by, workstation, captured_at) VALUES (:c, :t, :f, :m, :p, :s, :h, :x, :b, :w, :a) RETURNING id",
        soci::use(d.case_id), soci::use(d.type), soci::use(d.file_name), soci::use(d.mime), soci::use(d.pages),
        soci::use(d.size_bytes), soci::use(d.sha256), soci::use(d.content_base64), soci::use(d.captured_by),
        soci::use(d.workstation), soci::use(d.captured_at), soci::into(id);
    return id;
}

std::vector<DocumentRecord> DocumentRepository::list(long long case_id) {
    std::vector<DocumentRecord> out;
    soci::rowset<soci::row> rows = (db_.sql().prepare << std::string("SELECT ") + kColumns +
                                                             " FROM documents WHERE case_id = :c ORDER BY id",
                                    soci::use(case_id));
    for (const auto& r : rows) out.push_back(from_row(r, false));
    return out;
}

std::optional<DocumentRecord> DocumentRepository::find(long long id) {
    soci::rowset<soci::row> rows =
        (db_.sql().prepare << std::string("SELECT ") + kColumns + ", content FROM documents WHERE id = :i", soci::use(id));
    for (const auto& r : rows) return from_row(r, true);
    return std::nullopt;
}

void DocumentRepository::mark_removed(long long id, const std::string& by, const std::string& at) {
    db_.sql() << "UPDATE documents SET removed_by = :b, removed_at = :a WHERE id = :i", soci::use(by), soci::use(at),
        soci::use(id);
}

}  // namespace gongji::storage
