#pragma once
// Settlements as the platform recorded them, with their payers, read back for statements and
// for the fund-supervision check.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/recorded_settlement.h"
#include "storage/database.h"

namespace gongji::storage {

// A settlement's payers as the row keeps them: "ID:AMOUNT:BEFORE;…".
std::string encode_payers(const std::vector<core::RecordedPayment>& payments);
std::vector<core::RecordedPayment> decode_payers(std::string_view text);

class RecordedRepository {
public:
    explicit RecordedRepository(Database& db) : db_(db) {}

    struct Row {
        core::RecordedSettlement settlement;  // payments: each payer, and each expected one at 0
        bool late = false;
        std::string imported_at;  // UTC text
        long long applied_seq = 0;
    };
    // Between two UTC instants (inclusive from, exclusive to), oldest first.
    std::vector<Row> of_user(const std::string& user_id, const std::string& from, const std::string& to);
    std::vector<Row> drawn_on(const std::string& authorizer_id, const std::string& from, const std::string& to);
    // Every recorded settlement between two UTC instants in time order, read a page at a time so
    // that ten million of them never sit in memory at once; with what the check needs only (no
    // institution, med_type, medfee or import fields).
    void for_each(const std::string& from, const std::string& to, const std::function<void(Row&&)>& each);

private:
    Database& db_;
};

}  // namespace gongji::storage
