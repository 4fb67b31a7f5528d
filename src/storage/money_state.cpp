#include "storage/money_state.h"

#include <soci/soci.h>

#include "storage/row_values.h"

namespace gongji::storage {

std::string person_balance_row(const std::string& id_number, long long balance_fen) {
    return core::DigestRow().text(id_number).integer(balance_fen).str();
}

std::string quota_row(long long binding_id, long long balance_fen) {
    return core::DigestRow().integer(binding_id).integer(balance_fen).str();
}

std::string ledger_row(const core::LedgerEntry& e) {
    core::DigestRow row;
    e.setl_id ? row.text(*e.setl_id) : row.null();
    row.text(e.account);
    e.binding_id ? row.integer(*e.binding_id) : row.null();
    return row.text(core::ledger_kind_name(e.kind)).integer(e.amount_fen).integer(e.balance_after_fen).text(e.at).str();
}

std::string settlement_row(const core::SettlementRecord& s) {
    return core::DigestRow().text(s.setl_id).text(s.user_id).text(s.settled_at).integer(s.amount_fen)
        .integer(s.own_fen).integer(s.mutual_aid_fen).integer(s.cash_fen).str();
}

std::string recorded_settlement_row(const RecordedRow& r) {
    return core::DigestRow().text(r.setl_id).text(r.user_id).text(r.settled_at).integer(r.amount_fen)
        .integer(r.own_fen).integer(r.mutual_aid_fen).integer(r.cash_fen).integer(r.balc_fen).text(r.payers).str();
}

void note_row_added(Database& db, const char* table, const std::string& row) { db.pending_digests()[table].add(row); }

void note_row_changed(Database& db, const char* table, const std::string& before, const std::string& after) {
    if (before == after) return;
    auto& digest = db.pending_digests()[table];
    digest.remove(before);
    digest.add(after);
}

core::StateDigests money_state(Database& db) {
    core::StateDigests digests;
    auto scan = [&](const char* table, const std::string& query, auto&& row_of) {
        auto& digest = digests[table];
        for_each_row(db.sql(), query, [&](const soci::row& r) { digest.add(row_of(r)); });
    };
    scan("persons", "SELECT id_number, balance_fen FROM persons",
         [](const soci::row& r) { return person_balance_row(r.get<std::string>(0), row_integer(r, 1)); });
    scan("quotas", "SELECT binding_id, balance_fen FROM quotas",
         [](const soci::row& r) { return quota_row(row_integer(r, 0), row_integer(r, 1)); });
    scan("ledger", "SELECT setl_id, account, binding_id, kind, amount_fen, balance_after_fen, at FROM ledger",
         [](const soci::row& r) {
             core::DigestRow row;
             if (auto s = row_optional_text(r, 0)) row.text(*s); else row.null();
             row.text(r.get<std::string>(1));
             if (r.get_indicator(2) == soci::i_null) row.null(); else row.integer(row_integer(r, 2));
             return row.text(r.get<std::string>(3)).integer(row_integer(r, 4)).integer(row_integer(r, 5))
                 .text(r.get<std::string>(6)).str();
         });
    scan("settlements",
         "SELECT setl_id, user_id, settled_at, amount_fen, own_fen, mutual_aid_fen, cash_fen FROM settlements",
         [](const soci::row& r) {
             core::SettlementRecord s;
             s.setl_id = r.get<std::string>(0), s.user_id = r.get<std::string>(1), s.settled_at = r.get<std::string>(2);
             s.amount_fen = row_integer(r, 3), s.own_fen = row_integer(r, 4), s.mutual_aid_fen = row_integer(r, 5);
             s.cash_fen = row_integer(r, 6);
             return settlement_row(s);
         });
    scan("recorded_settlements",
         "SELECT setl_id, user_id, settled_at, amount_fen, own_fen, mutual_aid_fen, cash_fen, balc_fen, payers "
         "FROM recorded_settlements",
         [](const soci::row& r) {
             return recorded_settlement_row({r.get<std::string>(0), r.get<std::string>(1), r.get<std::string>(2),
                                             r.get<std::string>(8), row_integer(r, 3), row_integer(r, 4),
                                             row_integer(r, 5), row_integer(r, 6), row_integer(r, 7)});
         });
    return digests;
}

std::vector<BalanceUnlikeLedger> balances_unlike_ledger(Database& db) {
    std::vector<BalanceUnlikeLedger> out;
    for_each_row(db.sql(),
                 "SELECT p.id_number, p.balance_fen, l.balance_after_fen FROM persons p JOIN ledger l ON l.id = "
                 "(SELECT max(id) FROM ledger WHERE account = p.id_number) "
                 "WHERE l.balance_after_fen <> p.balance_fen AND l.at >= p.updated_at ORDER BY p.id_number",
                 [&](const soci::row& r) { out.push_back({r.get<std::string>(0), row_integer(r, 1), row_integer(r, 2)}); });
    return out;
}

}  // namespace gongji::storage
