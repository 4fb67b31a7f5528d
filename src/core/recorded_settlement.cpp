#include "core/recorded_settlement.h"

#include <algorithm>
#include <stdexcept>

#include "core/csv.h"
#include "core/id_number.h"
#include "core/instant.h"
#include "core/money.h"

namespace gongji::core {
namespace {

enum Column {
    kSetl, kTime, kCertno, kName, kCode, kInstitution, kMedType, kMedfee, kPart, kAcct, kMulaid, kMulaidCertno,
    kCash, kBalc
};

}  // namespace

MedTypeTable MedTypeTable::parse(const std::string& text) {
    MedTypeTable table;
    CsvReader reader(text);
    std::vector<std::string> fields;
    while (reader.next(fields)) {
        if (fields.empty() || fields[0].empty() || fields[0][0] == '#' || fields[0] == "code") continue;
        auto use = fields.size() == 3 ? parse_use(trim_blanks(fields[2])) : std::nullopt;
        if (!use)
            throw std::invalid_argument("line " + std::to_string(reader.line()) + ": expected code,name,use with a use of domain.md §4");
        table.rows_[std::string(trim_blanks(fields[0]))] = {std::string(trim_blanks(fields[1])), *use};
    }
    return table;
}

std::optional<Use> MedTypeTable::use_of(const std::string& code) const {
    auto it = rows_.find(code);
    if (it == rows_.end()) return std::nullopt;
    return it->second.second;
}

const std::string* MedTypeTable::name_of(const std::string& code) const {
    auto it = rows_.find(code);
    return it == rows_.end() ? nullptr : &it->second.first;
}

long long RecordedSettlement::mutual_aid_fen() const {
    long long sum = 0;
    for (const auto& p : payments) sum += p.amount_fen;
    return sum;
}

bool RecordedColumns::recognises(const std::vector<std::string>& header) {
    bool time = false, mulaid = false;
    for (const auto& name : header) {
        time |= trim_blanks(name) == "setl_time";
        mulaid |= trim_blanks(name) == "acct_mulaid_pay";
    }
    return time && mulaid;
}

std::optional<RecordedColumns> RecordedColumns::from_header(const std::vector<std::string>& header,
                                                            std::string& missing) {
    auto index = find_columns(header, {kNames.begin(), kNames.end()}, missing);
    if (!index) return std::nullopt;
    RecordedColumns c;
    c.header_size_ = header.size();
    std::copy(index->begin(), index->end(), c.index_.begin());
    return c;
}

std::optional<long long> parse_platform_time(std::string_view text) {
    if (text.size() == 19 && text[10] == ' ')
        return parse_iso_instant(std::string(text.substr(0, 10)) + "T" + std::string(text.substr(11)) + "+08:00");
    return parse_iso_instant(text);
}

std::optional<Issue> parse_recorded_line(const RecordedColumns& columns, const std::vector<std::string>& fields,
                                         const MedTypeTable& med_types, const CivilDate& today,
                                         RecordedSettlement& s) {
    if (auto issue = check_column_count(fields.size(), columns.header_size())) return issue;
    auto field = [&](Column c) { return trim_blanks(fields[columns.index(c)]); };
    if (auto issue = parse_settlement_head({field(kSetl), field(kCertno), field(kTime), parse_platform_time(field(kTime)),
                                            field(kCode), field(kInstitution)},
                                           "“2026-11-22 09:30:00”（北京时间）", today, s))
        return issue;
    s.med_type = field(kMedType);
    auto use = med_types.use_of(s.med_type);
    if (!use) return Issue{"med_type_unknown", "医疗类别“" + s.med_type + "”不在医疗类别对照表中", {{"med_type", s.med_type}}};
    s.use = *use;
    struct Money {
        Column column;
        long long* into;
    };
    long long mulaid = 0;
    for (auto [column, into] : {Money{kMedfee, &s.medfee_fen}, Money{kPart, &s.amount_fen}, Money{kAcct, &s.own_fen},
                                Money{kMulaid, &mulaid}, Money{kCash, &s.cash_fen}, Money{kBalc, &s.balc_fen}}) {
        auto fen = parse_yuan(field(column));
        if (!fen)
            return Issue{"amount_invalid",
                         std::string(RecordedColumns::kNames[column]) + "“" + std::string(field(column)) +
                             "”应为不小于0、至多两位小数的元",
                         {{"column", RecordedColumns::kNames[column]}}};
        *into = *fen;
    }
    s.payments.clear();
    auto certno = field(kMulaidCertno);
    if (mulaid == 0 && certno.empty()) return std::nullopt;
    if (certno.empty()) return Issue{"mulaid_certno_missing", "有共济支付金额却没有共济账户的身份证号码（mulaid_certno）"};
    std::string authorizer;
    if (!normalize_id_number(certno, today, authorizer))
        return Issue{"mulaid_certno_invalid", "共济账户身份证号码“" + std::string(certno) + "”无效"};
    if (authorizer == s.user_id) return Issue{"mulaid_self", "共济账户与使用人是同一人"};
    s.payments.push_back({authorizer, mulaid, 0});
    return std::nullopt;
}

std::optional<Issue> merge_recorded_line(RecordedSettlement& into, const RecordedSettlement& line, size_t first_line) {
    // Every column that differs, by the platform's names.
    std::string differs;
    auto check = [&](bool same, const char* column) {
        if (!same) differs += (differs.empty() ? "" : "、") + std::string(column);
    };
    check(into.user_id == line.user_id, "certno");
    check(into.time == line.time, "setl_time");
    check(into.institution_code == line.institution_code, "fixmedins_code");
    check(into.med_type == line.med_type, "med_type");
    check(into.medfee_fen == line.medfee_fen, "medfee_sumamt");
    check(into.amount_fen == line.amount_fen, "psn_part_amt");
    check(into.own_fen == line.own_fen, "acct_pay");
    check(into.cash_fen == line.cash_fen, "psn_cash_pay");
    check(into.balc_fen == line.balc_fen, "balc");
    if (!differs.empty())
        return Issue{"recorded_line_differs",
                     "结算编号“" + line.setl_id + "”的" + differs + "与第" + std::to_string(first_line) +
                         "行不一致（同一结算的各行只有共济账户可以不同）",
                     {{"setl_id", line.setl_id}, {"line", std::to_string(first_line)}, {"column", differs}}};
    for (const auto& p : line.payments) {
        auto twice = std::find_if(into.payments.begin(), into.payments.end(),
                                  [&](const RecordedPayment& q) { return q.authorizer_id == p.authorizer_id; });
        if (twice != into.payments.end())
            return Issue{"mulaid_repeated", "同一结算中共济账户“" + p.authorizer_id + "”出现两次",
                         {{"setl_id", line.setl_id}, {"line", std::to_string(first_line)}}};
        into.payments.push_back(p);
    }
    return std::nullopt;
}

}  // namespace gongji::core
