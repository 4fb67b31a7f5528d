#include "core/roster.h"

#include <algorithm>

#include "core/csv.h"
#include "core/money.h"
#include "core/region_table.h"
#include "core/text_limits.h"

namespace gongji::core {
namespace {

enum Column { kId, kName, kGender, kBirth, kType, kStatus, kRegion, kBalance };

bool all_digits(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}

}  // namespace

std::optional<RosterColumns> RosterColumns::from_header(const std::vector<std::string>& header,
                                                        std::string& missing) {
    auto index = find_columns(header, {kNames.begin(), kNames.end()}, missing);
    if (!index) return std::nullopt;
    RosterColumns c;
    c.header_size_ = header.size();
    std::copy(index->begin(), index->end(), c.index_.begin());
    return c;
}

std::optional<Issue> parse_roster_row(const RosterColumns& columns,
                                      const std::vector<std::string>& fields,
                                      const CivilDate& today, Person& p) {
    if (fields.size() != columns.header_size())
        return Issue{"columns",
                     "列数为" + std::to_string(fields.size()) + "，表头为" + std::to_string(columns.header_size()) + "列",
                     {{"found", std::to_string(fields.size())}, {"expected", std::to_string(columns.header_size())}}};
    // Views into `fields`: a million-line file should not copy every value twice.
    auto field = [&](Column c) { return trim_blanks(fields[columns.index(c)]); };
    auto text = [&](Column c) { return std::string(field(c)); };

    auto id_text = field(kId);
    if (!normalize_id_number(id_text, today, p.id_number)) {
        auto check = check_id_number(id_text, today);
        std::string why = check.errors.empty() ? "" : "：" + check.errors.front().message;
        return Issue{"id_invalid", "身份证号码“" + std::string(id_text) + "”无效" + why,
                     {{"value", std::string(id_text)}, {"error", check.errors.empty() ? "" : check.errors.front().code}}};
    }
    p.name = field(kName);
    if (p.name.empty()) return Issue{"name_missing", "姓名为空"};
    // A control character (a NUL, a tab, a line break) is no part of a name: it would cut or
    // split the name on every paper printed from it; a bidirectional control would print it as
    // something else.
    auto problem = text_problem(p.name, kPersonNameLimit);
    if (problem == "too_long")
        return Issue{"name_too_long", "姓名超过" + std::to_string(kPersonNameLimit.max_chars) + "个字符",
                     {{"max", std::to_string(kPersonNameLimit.max_chars)}}};
    if (problem == "bidi_control") return Issue{"name_invalid", "姓名中含有双向控制字符"};
    if (problem == "invisible_character") return Issue{"name_invalid", "姓名中含有不可见字符（如零宽空格）"};
    if (!problem.empty()) return Issue{"name_invalid", "姓名中含有控制字符"};

    auto gender = field(kGender);
    if (gender != "1" && gender != "2")
        return Issue{"gender_invalid", "性别应为1（男）或2（女），实际为“" + std::string(gender) + "”",
                     {{"value", std::string(gender)}}};
    p.gender = gender == "1" ? Gender::male : Gender::female;
    auto id_gender = ((p.id_number[16] - '0') % 2 == 1) ? Gender::male : Gender::female;
    if (p.gender != id_gender) return Issue{"gender_mismatch", "性别与身份证号码不符"};

    auto birth = CivilDate::parse(field(kBirth));
    if (!birth)
        return Issue{"birth_date_invalid", "出生日期“" + text(kBirth) + "”不是 YYYY-MM-DD 格式的有效日期",
                     {{"value", text(kBirth)}}};
    if (*birth != *CivilDate::parse_compact(std::string_view(p.id_number).substr(6, 8)))
        return Issue{"birth_date_mismatch", "出生日期与身份证号码不符"};
    p.birth_date = *birth;

    p.insurance_type = field(kType);
    if (p.insurance_type.size() != 3 || !all_digits(p.insurance_type))
        return Issue{"insurance_type_invalid", "险种类型应为三位数字代码，实际为“" + p.insurance_type + "”",
                     {{"value", p.insurance_type}}};

    auto status = field(kStatus);
    if (status.size() != 1 || !all_digits(status) || !is_valid_status(status[0] - '0'))
        return Issue{"status_invalid", "参保状态应为0、1、2或4，实际为“" + std::string(status) + "”",
                     {{"value", std::string(status)}}};
    p.status = status[0] - '0';

    p.pooling_region = field(kRegion);
    if (!RegionTable::is_region_code(p.pooling_region))
        return Issue{"region_invalid", "医保区划应为六位代码，实际为“" + p.pooling_region + "”",
                     {{"value", p.pooling_region}}};

    auto balance = parse_yuan(field(kBalance));
    if (!balance)
        return Issue{"balance_invalid", "账户余额应为不小于0、至多两位小数的金额（元），实际为“" + text(kBalance) + "”",
                     {{"value", text(kBalance)}}};
    p.balance_fen = *balance;
    return std::nullopt;
}

}  // namespace gongji::core
