#pragma once
// Settlement files (interfaces.md) and the cross-province quota rules (domain.md §8).
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/issue.h"
#include "core/policy.h"

namespace gongji::core {

// What a line of either kind of settlement file starts with (interfaces.md).
struct SettlementHead {
    std::string setl_id;
    std::string user_id;  // normalized
    long long time = 0;   // seconds since the epoch
    std::string institution_code;
    std::string institution_name;
};

// A settlement to split here.
struct Settlement : SettlementHead {
    Use use = Use::clinic;
    long long amount_fen = 0;
};

// The head's fields as a line gives them; `time` as the file's kind reads its time text.
struct SettlementHeadText {
    std::string_view setl_id, user_id, time_text;
    std::optional<long long> time;
    std::string_view institution_code, institution_name;
};
// Codes: columns (a line whose field count is not the header's).
std::optional<Issue> check_column_count(size_t fields, size_t header_size);
// Codes: setl_id_missing, id_invalid, time_invalid (saying the file's `time_form`), time_future,
// institution_missing.
std::optional<Issue> parse_settlement_head(const SettlementHeadText& text, const std::string& time_form,
                                           const CivilDate& today, SettlementHead& out);

class SettlementColumns {
public:
    static constexpr std::array<const char*, 7> kNames = {
        "setl_id", "user_id_number", "time", "institution_code", "institution_name", "use", "amount"};
    static std::optional<SettlementColumns> from_header(const std::vector<std::string>& header, std::string& missing);
    size_t header_size() const { return header_size_; }
    size_t index(size_t column) const { return index_[column]; }

private:
    std::array<size_t, 7> index_{};
    size_t header_size_ = 0;
};

// Codes: columns, setl_id_missing, id_invalid, time_invalid, time_future, institution_missing,
// use_invalid, amount_invalid.
std::optional<Issue> parse_settlement_row(const SettlementColumns& columns, const std::vector<std::string>& fields,
                                          const CivilDate& today, Settlement& out);

// Quota transfers: at most 3 a day per binding, each at most 2000 元, none 22:00–06:00 (China).
constexpr long long kMaxQuotaTransferFen = 200000;
constexpr int kMaxQuotaTransfersPerDay = 3;
std::optional<Issue> check_quota_transfer(long long amount_fen, int transfers_that_day, long long at_seconds);

// Whether a binding of this version between these pooling regions draws on a quota.
bool uses_quota(const PolicyVersion& version, const std::string& authorizer_region, const std::string& user_region);

}  // namespace gongji::core
