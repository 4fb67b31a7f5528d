#include "storage/money_state.h"

#include <soci/soci.h>

#include "storage/dialect.h"
#include "storage/prepared_statement.h"
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
    // Through the dialect's prepared statement: SQLite's C API reads the ten million rows of a
    // province's ledger several times faster than SOCI's rows. NULL reads as "" and 0, so the
    // nullable columns come with a flag.
    auto scan = [&](const char* table, const std::string& query, auto&& row_of) {
        auto& digest = digests[table];
        db.dialect().prepare(db, query.c_str())->query_each([&](const ResultRow& r) { digest.add(row_of(r)); });
    };
    scan("persons", "SELECT id_number, balance_fen FROM persons",
         [](const ResultRow& r) { return person_balance_row(r.column_text(0), r.column_integer(1)); });
    scan("quotas", "SELECT binding_id, balance_fen FROM quotas",
         [](const ResultRow& r) { return quota_row(r.column_integer(0), r.column_integer(1)); });
    // The ledger, the one table of tens of millions of rows, in slices by id: a PostgreSQL
    // client holds a whole result in memory (2.3 GB for ten million rows read at once).
    auto& ledger = digests["ledger"];
    auto slice = db.dialect().prepare(
        db, "SELECT id, setl_id, account, binding_id, kind, amount_fen, balance_after_fen, at, "
            "CASE WHEN setl_id IS NULL THEN 1 ELSE 0 END, CASE WHEN binding_id IS NULL THEN 1 ELSE 0 END FROM ledger "
            "WHERE id > :after ORDER BY id LIMIT 200000");
    for (long long after = 0, read = 1; read > 0;) {
        read = 0;
        slice->integer(1, after).query_each([&](const ResultRow& r) {
            ++read;
            after = r.column_integer(0);
            core::DigestRow row;
            if (r.column_integer(8)) row.null(); else row.text(r.column_text(1));
            row.text(r.column_text(2));
            if (r.column_integer(9)) row.null(); else row.integer(r.column_integer(3));
            ledger.add(row.text(r.column_text(4)).integer(r.column_integer(5)).integer(r.column_integer(6))
                           .text(r.column_text(7)).str());
        });
    }
    scan("settlements",
         "SELECT setl_id, user_id, settled_at, amount_fen, own_fen, mutual_aid_fen, cash_fen FROM settlements",
         [](const ResultRow& r) {
             core::SettlementRecord s;
             s.setl_id = r.column_text(0), s.user_id = r.column_text(1), s.settled_at = r.column_text(2);
             s.amount_fen = r.column_integer(3), s.own_fen = r.column_integer(4), s.mutual_aid_fen = r.column_integer(5);
             s.cash_fen = r.column_integer(6);
             return settlement_row(s);
         });
    scan("recorded_settlements",
         "SELECT setl_id, user_id, settled_at, amount_fen, own_fen, mutual_aid_fen, cash_fen, balc_fen, payers "
         "FROM recorded_settlements",
         [](const ResultRow& r) {
             return recorded_settlement_row({r.column_text(0), r.column_text(1), r.column_text(2), r.column_text(8),
                                             r.column_integer(3), r.column_integer(4), r.column_integer(5),
                                             r.column_integer(6), r.column_integer(7)});
         });
    return digests;
}

long long state_rows(Database& db) {
    long long rows = 0;
    db.sql() << "SELECT (SELECT count(*) FROM cases) + (SELECT count(*) FROM bindings) + (SELECT count(*) FROM persons) + "
                "(SELECT count(*) FROM ledger)",
        soci::into(rows);
    return rows;
}

std::vector<BalanceUnlikeLedger> balances_unlike_ledger(Database& db) {
    std::vector<BalanceUnlikeLedger> out;
    for_each_row(db.sql(),
                 // An entry's time is its settlement's (or transfer's); when it was written is its
                 // import's, which a roster import after it would show in updated_at.
                 "SELECT p.id_number, p.balance_fen, l.balance_after_fen FROM persons p JOIN ledger l ON l.id = "
                 "(SELECT max(id) FROM ledger WHERE account = p.id_number) LEFT JOIN settlements s ON s.setl_id = l.setl_id "
                 "WHERE l.balance_after_fen <> p.balance_fen AND COALESCE(s.imported_at, l.at) >= p.updated_at "
                 "ORDER BY p.id_number",
                 [&](const soci::row& r) { out.push_back({r.get<std::string>(0), row_integer(r, 1), row_integer(r, 2)}); });
    return out;
}

}  // namespace gongji::storage
