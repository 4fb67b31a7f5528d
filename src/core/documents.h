#pragma once
// Documents a bind case needs (domain.md §6), decided from the relation, the user's age and
// the policy version.
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/code_table.h"
#include "core/policy.h"

namespace gongji::core {

enum class DocumentType {
    id_card, hukou, birth_certificate, marriage_certificate, commitment_letter, other,
    // The holder's own card read at the window (hardware.md §1), valid that day: a fact of the
    // case, never a file; counts for identity only where the profile version says so.
    id_card_read,
};
inline constexpr CodeTable<DocumentType, 7> kDocumentTypes{{
    {DocumentType::id_card, "id_card", "身份证"},
    {DocumentType::hukou, "hukou", "户口簿"},
    {DocumentType::birth_certificate, "birth_certificate", "出生医学证明"},
    {DocumentType::marriage_certificate, "marriage_certificate", "结婚证"},
    {DocumentType::commitment_letter, "commitment_letter", "承诺书"},
    {DocumentType::other, "other", "其他材料"},
    {DocumentType::id_card_read, "id_card_read", "窗口读取身份证"},
}};
inline const char* document_type_name(DocumentType t) { return kDocumentTypes.code(t); }
inline const char* document_type_label(DocumentType t) { return kDocumentTypes.label(t); }
inline std::optional<DocumentType> parse_document_type(std::string_view name) { return kDocumentTypes.parse(name); }

enum class DocumentPurpose { identity, relation };

// One line of the checklist: any one of `any_of` satisfies it.
struct DocumentNeed {
    DocumentPurpose purpose = DocumentPurpose::identity;
    std::vector<DocumentType> any_of;
    std::string label;  // "身份证（16岁以下可用户口簿或出生医学证明）"
    std::optional<bool> satisfied;  // by the documents attached, when they were given
};

// The checklist for a relation category and a user of `user_age` years under `version`.
std::vector<DocumentNeed> documents_needed(RelationCategory category, int user_age,
                                           const PolicyVersion& version);
bool is_satisfied(const DocumentNeed& need, const std::set<DocumentType>& attached);

}  // namespace gongji::core
