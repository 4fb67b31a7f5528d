#include "core/settlement.h"

#include <algorithm>

#include "core/csv.h"
#include "core/id_number.h"
#include "core/instant.h"
#include "core/money.h"
#include "core/text_limits.h"

namespace gongji::core {
namespace {

enum Column { kSetl, kUser, kTime, kCode, kName, kUse, kAmount };

}  // namespace

std::optional<SettlementColumns> SettlementColumns::from_header(const std::vector<std::string>& header,
                                                                std::string& missing) {
    auto index = find_columns(header, {kNames.begin(), kNames.end()}, missing);
    if (!index) return std::nullopt;
    SettlementColumns c;
    c.header_size_ = header.size();
    std::copy(index->begin(), index->end(), c.index_.begin());
    return c;
}

std::optional<Issue> check_column_count(size_t fields, size_t header_size) {
    if (fields == header_size) return std::nullopt;
    return Issue{"columns", "列数为" + std::to_string(fields) + "，表头为" + std::to_string(header_size) + "列"};
}

std::optional<Issue> parse_settlement_head(const SettlementHeadText& text, const std::string& time_form,
                                           const CivilDate& today, SettlementHead& s) {
    s.setl_id = text.setl_id;
    if (s.setl_id.empty() || s.setl_id.size() > 64) return Issue{"setl_id_missing", "结算编号为空或过长"};
    if (!normalize_id_number(text.user_id, today, s.user_id))
        return Issue{"id_invalid", "身份证号码“" + std::string(text.user_id) + "”无效"};
    const std::string time(text.time_text);
    if (!text.time) return Issue{"time_invalid", "结算时间“" + time + "”应为" + time_form};
    if (china_date(*text.time) > today)  // a settlement has happened: never after today
        return Issue{"time_future", "结算时间“" + time + "”晚于今天"};
    s.time = *text.time;
    s.institution_code = text.institution_code;
    s.institution_name = text.institution_name;
    if (s.institution_code.empty() || s.institution_name.empty())
        return Issue{"institution_missing", "机构编码或名称为空"};
    if (!text_problem(s.institution_name, kInstitutionNameLimit).empty() || s.institution_code.size() > 32)
        return Issue{"institution_invalid", "机构名称超过200个字符、机构编码超过32个字符，或含有控制字符",
                     {{"max", std::to_string(kInstitutionNameLimit.max_chars)}}};
    return std::nullopt;
}

std::optional<Issue> parse_settlement_row(const SettlementColumns& columns, const std::vector<std::string>& fields,
                                          const CivilDate& today, Settlement& s) {
    if (auto issue = check_column_count(fields.size(), columns.header_size())) return issue;
    auto field = [&](Column c) { return trim_blanks(fields[columns.index(c)]); };
    if (auto issue = parse_settlement_head({field(kSetl), field(kUser), field(kTime), parse_iso_instant(field(kTime)),
                                            field(kCode), field(kName)},
                                           "带时区的 ISO 8601 时间", today, s))
        return issue;
    auto use = parse_use(field(kUse));
    if (!use) return Issue{"use_invalid", "用途“" + std::string(field(kUse)) + "”不是已知的用途代码"};
    s.use = *use;
    auto amount = parse_yuan(field(kAmount));
    if (!amount) return Issue{"amount_invalid", "金额“" + std::string(field(kAmount)) + "”应为不小于0、至多两位小数的元"};
    s.amount_fen = *amount;
    return std::nullopt;
}

std::optional<Issue> check_quota_transfer(long long amount_fen, int transfers_that_day, long long at) {
    if (amount_fen <= 0) return Issue{"amount_invalid", "划转金额须大于0"};
    if (amount_fen > kMaxQuotaTransferFen) return Issue{"quota_amount", "单笔划转不得超过2000元"};
    if (transfers_that_day >= kMaxQuotaTransfersPerDay) return Issue{"quota_daily", "每日划转不得超过3笔"};
    int hour = china_hour(at);
    if (hour >= 22 || hour < 6) return Issue{"quota_hours", "22:00至次日06:00不办理划转"};
    return std::nullopt;
}

bool uses_quota(const PolicyVersion& version, const std::string& a, const std::string& u) {
    return version.cross_province_quota && a.substr(0, 2) != u.substr(0, 2);
}

}  // namespace gongji::core
