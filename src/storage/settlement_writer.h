#pragma once
// A settlement import's writes: settlements and their ledger entries added as they are
// allocated (SQLite inserts each at once; PostgreSQL keeps them and sends them with COPY at each
// flush(), so the connection stays free for the look-ups allocation needs), and the accounts'
// new balances merged at the end.
#include <memory>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/ledger.h"
#include "core/recorded_settlement.h"
#include "storage/database.h"

namespace gongji::storage {

class BulkWriter;

class SettlementWriter {
public:
    // `look_ups_between`: the caller reads the database while it adds rows (people not loaded
    // beforehand). Without them, settlements stream to PostgreSQL while the rest is allocated.
    SettlementWriter(Database& db, bool look_ups_between);
    ~SettlementWriter();
    SettlementWriter(const SettlementWriter&) = delete;
    SettlementWriter& operator=(const SettlementWriter&) = delete;

    // Those of `setl_ids` already stored, of either kind, with what identifies each one's
    // payment, in a few queries of many keys each.
    std::unordered_map<std::string, core::SettlementIdentity> stored(const std::vector<std::string>& setl_ids);
    void add(const core::SettlementRecord& settlement);
    void add(const core::LedgerEntry& entry);  // of a settlement added before
    // A settlement as the platform recorded it, with its payers.
    void add(const core::RecordedSettlement& settlement, bool late, const std::string& imported_at,
             long long applied_seq);
    void flush();  // settlements first: entries refer to them

    struct Balance {
        std::string id_number;
        long long balance_fen;
        std::string settled_through;  // UTC text
        long long balance_before_fen;  // as stored before this import
    };
    // Writes the accounts' balances (only those that differ from the stored ones change).
    void set_balances(const std::vector<Balance>& balances);

private:
    Database& db_;
    std::unique_ptr<BulkWriter> settlement_rows_, ledger_rows_, recorded_rows_, payer_rows_, balance_rows_;
};

}  // namespace gongji::storage
