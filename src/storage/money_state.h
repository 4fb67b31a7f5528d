#pragma once
// The money tables' digests (core/state_digest.h): each row as its digest sees it, the part a
// transaction adds (Database::pending_digests) as it writes, and the whole tables read back.
#include <string>
#include <vector>

#include "core/ledger.h"
#include "core/state_digest.h"
#include "storage/database.h"

namespace gongji::storage {

std::string person_balance_row(const std::string& id_number, long long balance_fen);
std::string quota_row(long long binding_id, long long balance_fen);
std::string ledger_row(const core::LedgerEntry& e);
std::string settlement_row(const core::SettlementRecord& s);
struct RecordedRow {
    std::string setl_id, user_id, settled_at, payers;
    long long amount_fen, own_fen, mutual_aid_fen, cash_fen, balc_fen;
};
std::string recorded_settlement_row(const RecordedRow& r);

// The open transaction's writes, noted as they are made.
void note_row_added(Database& db, const char* table, const std::string& row);
void note_row_changed(Database& db, const char* table, const std::string& before, const std::string& after);

// Every money table's digest as it stands: one pass over each.
core::StateDigests money_state(Database& db);

// How many rows a state check reads: cases, bindings, people and ledger entries.
long long state_rows(Database& db);

// The accounts whose balance is not what their latest ledger entry left (where no roster set it
// since): which rows a differing balances digest points at, where the ledger can tell.
struct BalanceUnlikeLedger {
    std::string id_number;
    long long balance_fen = 0, ledger_balance_fen = 0;
};
std::vector<BalanceUnlikeLedger> balances_unlike_ledger(Database& db);

}  // namespace gongji::storage
