#pragma once
// Settlements, the ledger, order history and quotas.
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/ledger.h"
#include "storage/database.h"

namespace gongji::storage {

using core::SettlementRecord;
using LedgerRecord = core::LedgerEntry;

class LedgerRepository {
public:
    explicit LedgerRepository(Database& db);
    ~LedgerRepository();

    // PostgreSQL: money moves in one transaction at a time — settlement imports, quota transfers
    // and returns, roster balances (an advisory lock held to the end of the transaction); SQLite's
    // immediate transactions already run one at a time.
    void lock_for_settlement();
    // Money moving between two people whose rows the transaction locks next (a quota granted or
    // returned): many such at once, none while a settlement import or roster import runs.
    void lock_for_pair_move();

    // Records a settlement unless its setl_id is already there; false for a duplicate.
    bool insert_new(const SettlementRecord& s);
    void insert(const LedgerRecord& e);
    void set_balance(const std::string& id_number, long long balance_fen);
    // The balance under a row lock (PostgreSQL) for a transfer.
    long long balance_for_update(const std::string& id_number);

    // The last number given to a settlement applied, and the next import's last one.
    long long last_applied_seq();
    void set_last_applied_seq(long long seq);

    std::map<long long, long long> quotas();  // binding → balance
    long long quota_for_update(long long binding_id);  // 0 when none yet
    void set_quota(long long binding_id, long long balance_fen);
    int transfers_on(long long binding_id, const std::string& china_day);
    void record_transfer(long long binding_id, long long amount_fen, const std::string& at,
                         const std::string& china_day, const std::string& by);

    // Settlements of a user, or drawn on an authorizer's account, between two UTC instants
    // (inclusive from, exclusive to), oldest first, with their ledger entries.
    std::vector<SettlementRecord> settlements_of_user(const std::string& user_id, const std::string& from,
                                                      const std::string& to);
    std::vector<SettlementRecord> settlements_drawn_on(const std::string& authorizer_id, const std::string& from,
                                                       const std::string& to);
    std::vector<LedgerRecord> entries_of(const std::string& setl_id);

private:
    struct Statements;
    Database& db_;
    std::unique_ptr<Statements> st_;
};

}  // namespace gongji::storage
