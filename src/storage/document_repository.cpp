#include "storage/document_repository.h"

#include <soci/soci.h>

#include "storage/row_values.h"

namespace gongji::storage {
namespace {

DocumentRecord from_row(const soci::row& r, bool with_content) {
    DocumentRecord d;
    d.id = row_integer(r, 0);
    d.case_id = row_integer(r, 1);
    auto type = core::parse_document_type(r.get<std::string>(2));
    if (!type) throw soci::soci_error("documents: unknown type \"" + r.get<std::string>(2) + "\"");
    d.type = *type;
    d.file_name = r.get<std::string>(3);
    d.mime = r.get<std::string>(4);
    d.pages = static_cast<int>(row_integer(r, 5));
    d.size_bytes = row_integer(r, 6);
    d.sha256 = r.get<std::string>(7);
    d.captured_by = r.get<std::string>(8);
    d.workstation = r.get<std::string>(9);
    d.captured_at = row_instant(r, 10);
    d.removed_by = row_optional_text(r, 11);
    d.removed_at = row_optional_instant(r, 12);
    if (with_content) d.content_base64 = r.get<std::string>(13);
    return d;
}

const char* kColumns =
    "id, case_id, type, file_name, mime, pages, size_bytes, sha256, captured_by, workstation, captured_at, "
    "removed_by, removed_at";

}  // namespace

long long DocumentRepository::insert(const DocumentRecord& d) {
    long long id = 0;
    std::string type = core::document_type_name(d.type), captured_at = d.captured_at.utc();
    db_.sql() << "INSERT INTO documents (case_id, type, file_name, mime, pages, size_bytes, sha256, content, "
                 "captured_by, workstation, captured_at) VALUES (:c, :t, :f, :m, :p, :s, :h, :x, :b, :w, :a) RETURNING id",
        soci::use(d.case_id), soci::use(type), soci::use(d.file_name), soci::use(d.mime), soci::use(d.pages),
        soci::use(d.size_bytes), soci::use(d.sha256), soci::use(d.content_base64), soci::use(d.captured_by),
        soci::use(d.workstation), soci::use(captured_at), soci::into(id);
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

void DocumentRepository::for_each(const std::function<void(const std::string&, const DocumentRecord&, long long)>& each) {
    soci::rowset<soci::row> rows =
        (db_.sql().prepare << std::string("SELECT ") + kColumns +
                                  ", length(content), (SELECT number FROM cases WHERE cases.id = documents.case_id) FROM documents");
    for (const auto& r : rows) {
        const auto number = r.get_indicator(r.size() - 1) == soci::i_null ? std::string() : r.get<std::string>(r.size() - 1);
        each(number, from_row(r, false), row_integer(r, r.size() - 2));
    }
}

void DocumentRepository::mark_removed(long long id, const std::string& by, core::Instant when) {
    std::string at = when.utc();
    db_.sql() << "UPDATE documents SET removed_by = :b, removed_at = :a WHERE id = :i", soci::use(by), soci::use(at),
        soci::use(id);
}

}  // namespace gongji::storage
