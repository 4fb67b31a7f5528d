#include "core/case_record.h"

#include "core/json_writer.h"

namespace gongji::core {

bool Case::has_document(DocumentType t) const { return documents.count(t) > 0; }

std::string join_document_types(const std::set<DocumentType>& types) {
    std::set<std::string> names;  // by name, as the first releases wrote them
    for (auto t : types) names.insert(document_type_name(t));
    std::string out;
    for (const auto& n : names) out += (out.empty() ? "" : ",") + n;
    return out;
}

std::set<DocumentType> split_document_types(std::string_view text) {
    std::set<DocumentType> out;
    while (!text.empty()) {
        auto comma = text.find(',');
        if (auto t = parse_document_type(text.substr(0, comma))) out.insert(*t);
        if (comma == std::string_view::npos) break;
        text.remove_prefix(comma + 1);
    }
    return out;
}

void write_correction(JsonWriter& w, const std::optional<Correction>& correction) {
    if (!correction) {
        w.null();
        return;
    }
    const auto& k = *correction;
    w.begin_object().key("missing").begin_array();
    for (auto d : k.missing) w.value(document_type_name(d));
    w.end_array().key("note").value(k.note).key("due").value(k.due.to_string());
    w.key("asked_at").value(k.asked_at.utc()).key("from").value(case_status_name(k.asked_from));
    w.key("answered_at");
    if (k.answered_at) w.value(k.answered_at->utc()); else w.null();
    w.end_object();
}

}  // namespace gongji::core
