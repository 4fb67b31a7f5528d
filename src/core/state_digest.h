#pragma once
// A digest of a table's rows that can be kept up to date row by row: the sum of each row's
// SHA-256 taken as four 64-bit lanes, so a row added adds its hash, a row changed takes the old
// hash away and adds the new, and the order rows were written in does not matter. Each change
// that moves money records its part in the sealed audit log (storage keeps it per transaction);
// the sum of those parts must equal the digest of the table as it stands, so a balance, ledger
// entry or settlement changed behind the log is found without the log holding every row.
#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace gongji::core {

class StateDigest {
public:
    void add(std::string_view row);
    void remove(std::string_view row);
    StateDigest& operator+=(const StateDigest& other);
    bool empty() const;  // no rows, or as many removed as added
    bool operator==(const StateDigest& other) const { return lanes_ == other.lanes_; }
    bool operator!=(const StateDigest& other) const { return !(*this == other); }
    std::string hex() const;  // 64 hex digits
    static std::optional<StateDigest> parse(std::string_view hex);

private:
    std::array<std::uint64_t, 4> lanes_{};
};

// Digests by table name ("persons", "quotas", "ledger", "settlements", "recorded_settlements").
using StateDigests = std::map<std::string, StateDigest>;
void add_digests(StateDigests& into, const StateDigests& part);
// The non-empty ones as a JSON object {"table":"hex",…}; "" when all are empty.
std::string digests_json(const StateDigests& digests);

// A row's text for its digest: the fields joined by U+001F; an absent value is U+001E.
class DigestRow {
public:
    DigestRow& text(std::string_view v);
    DigestRow& integer(long long v);
    DigestRow& null();
    const std::string& str() const { return text_; }

private:
    void separate();
    std::string text_;
    bool first_ = true;
};

}  // namespace gongji::core
