#include "core/relation.h"

#include <algorithm>

namespace gongji::core {
namespace {

using C = RelationCategory;
constexpr auto M = Gender::male;
constexpr auto F = Gender::female;

struct Row {
    const char* code;
    const char* name;
    C category;
    std::optional<Gender> gender;
};

// GB/T 4761-2008 家庭关系代码.
const Row kRows[] = {
    {"01", "本人", C::other, {}},          {"02", "户主", C::other, {}},
    {"10", "配偶", C::spouse, {}},         {"11", "夫", C::spouse, M},
    {"12", "妻", C::spouse, F},            {"20", "子", C::child, M},
    {"21", "独生子", C::child, M},         {"22", "长子", C::child, M},
    {"23", "次子", C::child, M},           {"24", "三子", C::child, M},
    {"25", "四子", C::child, M},           {"26", "五子", C::child, M},
    {"27", "养子或继子", C::child, M},     {"28", "女婿", C::other, {}},
    {"29", "其他儿子", C::child, M},       {"30", "女", C::child, F},
    {"31", "独生女", C::child, F},         {"32", "长女", C::child, F},
    {"33", "次女", C::child, F},           {"34", "三女", C::child, F},
    {"35", "四女", C::child, F},           {"36", "五女", C::child, F},
    {"37", "养女或继女", C::child, F},     {"38", "儿媳", C::other, {}},
    {"39", "其他女儿", C::child, F},       {"40", "孙子、孙女或外孙子、外孙女", C::grandchild, {}},
    {"41", "孙子", C::grandchild, M},      {"42", "孙女", C::grandchild, F},
    {"43", "外孙子", C::grandchild, M},    {"44", "外孙女", C::grandchild, F},
    {"45", "孙媳妇或外孙媳妇", C::other, {}}, {"46", "孙女婿或外孙女婿", C::other, {}},
    {"47", "曾孙子或外曾孙子", C::other, {}}, {"48", "曾孙女或外曾孙女", C::other, {}},
    {"49", "其他孙子、孙女或外孙子、外孙女", C::other, {}},
    {"50", "父母", C::parent, {}},         {"51", "父亲", C::parent, M},
    {"52", "母亲", C::parent, F},          {"53", "公公", C::parent_in_law, M},
    {"54", "婆婆", C::parent_in_law, F},   {"55", "岳父", C::parent_in_law, M},
    {"56", "岳母", C::parent_in_law, F},   {"57", "继父或养父", C::parent, M},
    {"58", "继母或养母", C::parent, F},    {"59", "其他父母关系", C::other, {}},
    {"60", "祖父母或外祖父母", C::grandparent, {}}, {"61", "祖父", C::grandparent, M},
    {"62", "祖母", C::grandparent, F},     {"63", "外祖父", C::grandparent, M},
    {"64", "外祖母", C::grandparent, F},   {"65", "曾祖父", C::other, {}},
    {"66", "曾祖母", C::other, {}},        {"67", "外曾祖父", C::other, {}},
    {"68", "外曾祖母", C::other, {}},      {"69", "其他祖父母或外祖父母关系", C::other, {}},
    {"70", "兄弟姐妹", C::sibling, {}},    {"71", "兄", C::sibling, M},
    {"72", "嫂", C::other, {}},            {"73", "弟", C::sibling, M},
    {"74", "弟媳", C::other, {}},          {"75", "姐姐", C::sibling, F},
    {"76", "姐夫", C::other, {}},          {"77", "妹妹", C::sibling, F},
    {"78", "妹夫", C::other, {}},          {"79", "其他兄弟姐妹", C::sibling, {}},
    {"80", "其他", C::other, {}},          {"81", "伯父", C::other, {}},
    {"82", "伯母", C::other, {}},          {"83", "叔父", C::other, {}},
    {"84", "婶母", C::other, {}},          {"85", "舅父", C::other, {}},
    {"86", "舅母", C::other, {}},          {"87", "姨父", C::other, {}},
    {"88", "姨母", C::other, {}},          {"89", "姑父", C::other, {}},
    {"90", "姑母", C::other, {}},          {"91", "堂兄弟、堂姐妹", C::other, {}},
    {"92", "表兄弟、表姐妹", C::other, {}}, {"93", "侄子", C::other, {}},
    {"94", "侄女", C::other, {}},          {"95", "外甥", C::other, {}},
    {"96", "外甥女", C::other, {}},        {"97", "其他亲属", C::other, {}},
    {"98", "其他", C::other, {}},          {"99", "非亲属", C::other, {}},
};

// 拼音首字母 of each name a clerk may choose (never "other": no proof makes it eligible), so that
// "q" finds 妻 and "mq" 母亲 on a keyboard without an input method.
const std::pair<const char*, const char*> kInitials[] = {
    {"10", "po"},     {"11", "f"},       {"12", "q"},         {"20", "z"},        {"21", "dsz"},
    {"22", "zz"},     {"23", "cz"},      {"24", "sz"},        {"25", "sz"},       {"26", "wz"},
    {"27", "yzhjz"},  {"29", "qter"},    {"30", "n"},         {"31", "dsn"},      {"32", "zn"},
    {"33", "cn"},     {"34", "sn"},      {"35", "sn"},        {"36", "wn"},       {"37", "ynhjn"},
    {"39", "qtne"},   {"40", "szsnhwsz"}, {"41", "sz"},       {"42", "sn"},       {"43", "wsz"},
    {"44", "wsn"},    {"50", "fm"},      {"51", "fq"},        {"52", "mq"},       {"53", "gg"},
    {"54", "pp"},     {"55", "yf"},      {"56", "ym"},        {"57", "jfhyf"},    {"58", "jmhym"},
    {"60", "zfmhwzfm"}, {"61", "zf"},    {"62", "zm"},        {"63", "wzf"},      {"64", "wzm"},
    {"70", "xdjm"},   {"71", "x"},       {"73", "d"},         {"75", "jj"},       {"77", "mm"},
    {"79", "qtxdjm"},
};

}  // namespace

const std::vector<Relation>& all_relations() {
    static const std::vector<Relation> relations = [] {
        std::vector<Relation> out;
        for (const auto& r : kRows) out.push_back({r.code, r.name, r.category, r.gender});
        return out;
    }();
    return relations;
}

std::optional<Relation> find_relation(std::string_view code) {
    const auto& all = all_relations();
    auto it = std::find_if(all.begin(), all.end(), [&](const Relation& r) { return r.code == code; });
    if (it == all.end()) return std::nullopt;
    return *it;
}

std::string relation_initials(std::string_view code) {
    for (const auto& [c, initials] : kInitials)
        if (code == c) return initials;
    return "";
}

std::optional<Gender> implied_authorizer_gender(std::string_view code) {
    if (code == "53" || code == "54") return Gender::female;
    if (code == "55" || code == "56") return Gender::male;
    return std::nullopt;
}

bool relation_fits(const Relation& r, const RelationPeople& people) {
    if (r.implied_gender && people.user_gender && *r.implied_gender != *people.user_gender) return false;
    auto authorizer = implied_authorizer_gender(r.code);
    if (authorizer && people.authorizer_gender && *authorizer != *people.authorizer_gender) return false;
    if (r.category == RelationCategory::spouse && people.user_gender && people.authorizer_gender &&
        *people.user_gender == *people.authorizer_gender)
        return false;
    if (people.user_birth && people.authorizer_birth) {
        bool older = *people.user_birth < *people.authorizer_birth, younger = *people.authorizer_birth < *people.user_birth;
        switch (r.category) {
            case RelationCategory::parent:
            case RelationCategory::parent_in_law:
            case RelationCategory::grandparent:
                return older;
            case RelationCategory::child:
            case RelationCategory::grandchild:
                return younger;
            default:
                break;
        }
    }
    return true;
}

std::vector<Relation> suggest_relations(std::string_view typed, const RelationPeople& people) {
    std::string t;
    for (char c : typed)
        if (c != ' ') t += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    // Best first: the code itself, then a name that starts with what was typed, then initials,
    // then a name that contains it; ties in the order of the standard.
    std::vector<std::pair<int, Relation>> ranked;
    for (const auto& r : all_relations()) {
        if (r.category == RelationCategory::other || !relation_fits(r, people)) continue;
        int rank = 0;
        auto initials = relation_initials(r.code);
        if (t.empty()) rank = 4;
        else if (r.code == t) rank = 1;
        else if (r.code.rfind(t, 0) == 0) rank = 2;
        else if (r.name.rfind(t, 0) == 0) rank = 2;
        else if (!initials.empty() && initials.rfind(t, 0) == 0) rank = initials == t ? 2 : 3;
        else if (r.name.find(t) != std::string::npos) rank = 4;
        if (rank) ranked.push_back({rank, r});
    }
    std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<Relation> out;
    for (auto& [rank, r] : ranked) out.push_back(std::move(r));
    return out;
}

}  // namespace gongji::core
