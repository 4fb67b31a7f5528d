#pragma once
// Roster CSV (interfaces.md): the header names the columns, in any order; each line becomes a
// Person or is rejected with a code and a message.
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "core/issue.h"
#include "core/person.h"

namespace gongji::core {

class RosterColumns {
public:
    static constexpr std::array<const char*, 8> kNames = {
        "id_number", "name", "gender", "birth_date", "insurance_type", "status",
        "pooling_region", "account_balance"};

    // Maps the header; nullopt with `missing` naming the first required column not found.
    static std::optional<RosterColumns> from_header(const std::vector<std::string>& header,
                                                    std::string& missing);
    size_t header_size() const { return header_size_; }
    size_t index(size_t column) const { return index_[column]; }

private:
    std::array<size_t, 8> index_{};
    size_t header_size_ = 0;
};

// Validates one record against the columns; fills `person` or returns the reason it is refused.
// Codes: columns, id_invalid, name_missing, gender_invalid, gender_mismatch, birth_date_invalid,
// birth_date_mismatch, insurance_type_invalid, status_invalid, region_invalid, balance_invalid.
std::optional<Issue> parse_roster_row(const RosterColumns& columns,
                                      const std::vector<std::string>& fields,
                                      const CivilDate& today, Person& person);

}  // namespace gongji::core
