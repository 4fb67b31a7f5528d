#include "core/documents.h"

namespace gongji::core {
namespace {

constexpr int kAgeWithoutIdCard = 16;

std::string join_labels(const std::vector<DocumentType>& types) {
    std::string out;
    for (size_t i = 0; i < types.size(); ++i) {
        if (i) out += i + 1 == types.size() ? "或" : "、";
        out += document_type_label(types[i]);
    }
    return out;
}

}  // namespace

std::vector<DocumentNeed> documents_needed(RelationCategory category, int user_age,
                                           const PolicyVersion& version) {
    std::vector<DocumentNeed> needs;

    DocumentNeed identity{DocumentPurpose::identity, {DocumentType::id_card}, "", std::nullopt};
    if (user_age < kAgeWithoutIdCard) {
        identity.any_of.push_back(DocumentType::hukou);
        identity.any_of.push_back(DocumentType::birth_certificate);
    }
    if (version.card_read_proves_identity) identity.any_of.push_back(DocumentType::id_card_read);
    identity.label = "身份证明：" + join_labels(identity.any_of);
    needs.push_back(identity);

    DocumentNeed relation{DocumentPurpose::relation, {}, "", std::nullopt};
    switch (category) {
        case RelationCategory::spouse:
            relation.any_of = {DocumentType::marriage_certificate};
            break;
        case RelationCategory::child:
        case RelationCategory::parent:
            relation.any_of = {DocumentType::hukou, DocumentType::birth_certificate};
            break;
        case RelationCategory::sibling:
        case RelationCategory::grandparent:
        case RelationCategory::grandchild:
        case RelationCategory::parent_in_law:
            relation.any_of = {DocumentType::hukou};
            break;
        case RelationCategory::other:
            return needs;  // never eligible: no proof can make it so
    }
    // 承诺制: a signed commitment letter stands in for missing proof of relation, never identity.
    if (version.commitment_replaces_proof) relation.any_of.push_back(DocumentType::commitment_letter);
    relation.label = "关系证明：" + join_labels(relation.any_of);
    needs.push_back(relation);
    return needs;
}

bool is_satisfied(const DocumentNeed& need, const std::set<DocumentType>& attached) {
    for (auto t : need.any_of)
        if (attached.count(t)) return true;
    return false;
}

}  // namespace gongji::core
