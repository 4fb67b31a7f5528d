#pragma once
// Settlements as the national platform recorded them (interfaces.md, second set): one line per
// settlement and paying authorizer, the split already made at the hospital or pharmacy.
#include <array>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/civil_date.h"
#include "core/issue.h"
#include "core/policy.h"
#include "core/settlement.h"

namespace gongji::core {

// The platform's 医疗类别 codes and the use (domain.md §4) each pays for: db/med_types.csv.
class MedTypeTable {
public:
    // Lines "code,name,use"; '#' comments and the header are skipped. Throws std::invalid_argument
    // naming the line of an unknown use.
    static MedTypeTable parse(const std::string& csv_text);
    std::optional<Use> use_of(const std::string& code) const;
    const std::string* name_of(const std::string& code) const;

private:
    std::map<std::string, std::pair<std::string, Use>> rows_;
};

// One authorizer's account in a recorded settlement: what the platform took from it, and what
// the register held on it before (kept by the import). Authorizers the register expected to pay
// who paid nothing are kept too, with 0, so the check can tell an order skipped.
struct RecordedPayment {
    std::string authorizer_id;
    long long amount_fen = 0;
    long long balance_before_fen = 0;
};

struct RecordedSettlement : SettlementHead {
    std::string med_type;
    Use use = Use::clinic;
    long long medfee_fen = 0;  // 医疗费总额
    long long amount_fen = 0;  // 个人负担 (psn_part_amt)
    long long own_fen = 0;     // acct_pay
    long long cash_fen = 0;    // psn_cash_pay
    long long balc_fen = 0;    // the user's own account after it
    std::vector<RecordedPayment> payments;
    long long mutual_aid_fen() const;
};

class RecordedColumns {
public:
    static constexpr std::array<const char*, 14> kNames = {
        "setl_id", "setl_time", "certno", "psn_name", "fixmedins_code", "fixmedins_name", "med_type",
        "medfee_sumamt", "psn_part_amt", "acct_pay", "acct_mulaid_pay", "mulaid_certno", "psn_cash_pay", "balc"};
    // Whether a header is the platform's (it names setl_time and acct_mulaid_pay).
    static bool recognises(const std::vector<std::string>& header);
    static std::optional<RecordedColumns> from_header(const std::vector<std::string>& header, std::string& missing);
    size_t header_size() const { return header_size_; }
    size_t index(size_t column) const { return index_[column]; }

private:
    std::array<size_t, 14> index_{};
    size_t header_size_ = 0;
};

// One line: the settlement's fields, and at most one payment (none when acct_mulaid_pay is 0).
// Codes: columns, setl_id_missing, id_invalid, time_invalid, time_future, institution_missing,
// med_type_unknown, amount_invalid, mulaid_certno_invalid, mulaid_certno_missing, mulaid_self.
std::optional<Issue> parse_recorded_line(const RecordedColumns& columns, const std::vector<std::string>& fields,
                                         const MedTypeTable& med_types, const CivilDate& today,
                                         RecordedSettlement& out);

// Adds a further line of the same setl_id to a settlement read before. Codes: recorded_line_differs
// (a field other than the payment differs from the first line's), mulaid_repeated.
std::optional<Issue> merge_recorded_line(RecordedSettlement& into, const RecordedSettlement& line,
                                         size_t first_line);

// "2026-11-22 09:30:00" in China time (the platform's), or ISO 8601 with its offset.
std::optional<long long> parse_platform_time(std::string_view text);

}  // namespace gongji::core
