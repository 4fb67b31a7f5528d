#pragma once
// Relation codes (GB/T 4761-2008): what the user is to the authorizer, and their categories.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/id_number.h"

namespace gongji::core {

enum class RelationCategory {
    spouse, child, parent, sibling, grandparent, grandchild, parent_in_law, other
};

const char* category_name(RelationCategory c);  // "spouse", …
const char* category_label(RelationCategory c); // "配偶", …
std::optional<RelationCategory> parse_category(std::string_view name);

struct Relation {
    std::string code;  // two digits
    std::string name;  // 中文名称
    RelationCategory category = RelationCategory::other;
    std::optional<Gender> implied_gender;  // of the user
};

// nullopt for a code that is not in the standard.
std::optional<Relation> find_relation(std::string_view code);
// Every code of the standard, in code order (for pickers and the code table).
const std::vector<Relation>& all_relations();

}  // namespace gongji::core
