#pragma once
// Relation codes (GB/T 4761-2008): what the user is to the authorizer, and their categories.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/civil_date.h"
#include "core/code_table.h"
#include "core/id_number.h"

namespace gongji::core {

enum class RelationCategory {
    spouse, child, parent, sibling, grandparent, grandchild, parent_in_law, other
};

inline constexpr CodeTable<RelationCategory, 8> kRelationCategories{{
    {RelationCategory::spouse, "spouse", "配偶"},
    {RelationCategory::child, "child", "子女"},
    {RelationCategory::parent, "parent", "父母"},
    {RelationCategory::sibling, "sibling", "兄弟姐妹"},
    {RelationCategory::grandparent, "grandparent", "祖父母、外祖父母"},
    {RelationCategory::grandchild, "grandchild", "孙子女、外孙子女"},
    {RelationCategory::parent_in_law, "parent_in_law", "公婆、岳父母"},
    {RelationCategory::other, "other", "其他"},
}};
inline const char* category_name(RelationCategory c) { return kRelationCategories.code(c); }
inline const char* category_label(RelationCategory c) { return kRelationCategories.label(c); }
inline std::optional<RelationCategory> parse_category(std::string_view name) { return kRelationCategories.parse(name); }

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

// What is known of the two people when the clerk picks the relation (from their ID numbers).
struct RelationPeople {
    std::optional<Gender> authorizer_gender, user_gender;
    std::optional<CivilDate> authorizer_birth, user_birth;
};

// The authorizer's gender a code implies (domain.md §3): 53 公公 and 54 婆婆 are a wife's
// parents-in-law, 55 岳父 and 56 岳母 a husband's; nothing for every other code.
std::optional<Gender> implied_authorizer_gender(std::string_view code);

// Whether the relation can hold between these two people (domain.md §3 plausibility: the user's
// implied gender, who is older, spouses of the other gender, whose parents-in-law).
bool relation_fits(const Relation& r, const RelationPeople& people);
// The relations a clerk may mean by `typed` — a code ("12"), the start or part of a name ("妻"),
// or pinyin initials ("mq" for 母亲) — best match first, without those that cannot fit the two
// people or can never be eligible (category other). Everything that fits when `typed` is empty.
std::vector<Relation> suggest_relations(std::string_view typed, const RelationPeople& people = {});
// 拼音首字母 of a relation's name ("mq" for 52 母亲); empty for codes never offered.
std::string relation_initials(std::string_view code);

}  // namespace gongji::core
