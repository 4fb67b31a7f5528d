#include "storage/settlement_writer.h"

#include <soci/soci.h>

#include <algorithm>

#include "core/instant.h"
#include "core/json_writer.h"
#include "storage/bulk_writer.h"
#include "storage/money_state.h"
#include "storage/recorded_repository.h"
#include "storage/row_values.h"

namespace gongji::storage {
namespace {

BulkTable settlements_table(bool statements_between_rows) {
    return {"settlements",
            {"setl_id", "user_id", "settled_at", "institution_code", "institution_name", "use_code", "amount_fen",
             "own_fen", "mutual_aid_fen", "cash_fen", "imported_at", "late", "applied_seq"},
            {},
            false,
            statements_between_rows};
}
BulkTable recorded_table(bool statements_between_rows) {
    return {"recorded_settlements",
            {"setl_id", "user_id", "settled_at", "institution_code", "institution_name", "med_type", "use_code",
             "medfee_fen", "amount_fen", "own_fen", "mutual_aid_fen", "cash_fen", "balc_fen", "late", "imported_at",
             "applied_seq", "payers"},
            {},
            false,
            statements_between_rows};
}
// Kept until flush(), like the ledger: their settlements go in first.
const BulkTable kPayers{"recorded_payers",
                        {"authorizer_id", "setl_id"},
                        {},
                        false,
                        /*statements_between_rows=*/true};
// Never keyed: every entry is new (the first column is only the writer's notion of a key). Kept
// until flush(): its settlements must be in first, and only one COPY runs at a time.
const BulkTable kLedger{"ledger",
                        {"setl_id", "account", "binding_id", "kind", "amount_fen", "balance_after_fen", "at"},
                        {},
                        false,
                        /*statements_between_rows=*/true};
const BulkTable kBalances{"persons", {"id_number", "balance_fen", "settled_through"}, {}, /*update_only=*/true};

constexpr std::size_t kKeysPerQuery = 20000;

}  // namespace

SettlementWriter::SettlementWriter(Database& db, bool look_ups_between)
    : db_(db),
      settlement_rows_(db.dialect().bulk_writer(db, settlements_table(look_ups_between))),
      ledger_rows_(db.dialect().bulk_writer(db, kLedger)),
      recorded_rows_(db.dialect().bulk_writer(db, recorded_table(look_ups_between))),
      payer_rows_(db.dialect().bulk_writer(db, kPayers)),
      balance_rows_(db.dialect().bulk_writer(db, kBalances)) {}

SettlementWriter::~SettlementWriter() = default;

std::unordered_map<std::string, core::SettlementIdentity> SettlementWriter::stored(const std::vector<std::string>& ids) {
    std::unordered_map<std::string, core::SettlementIdentity> found;
    for (std::size_t from = 0; from < ids.size(); from += kKeysPerQuery) {
        const auto to = std::min(ids.size(), from + kKeysPerQuery);
        core::JsonWriter keys;
        keys.begin_array();
        for (auto i = from; i < to; ++i) keys.value(ids[i]);
        keys.end_array();
        for (const char* table : {"settlements", "recorded_settlements"}) {
            const bool recorded = table == std::string("recorded_settlements");
            for_each_row(db_.sql(),
                         std::string("SELECT setl_id, user_id, settled_at, amount_fen FROM ") + table + " WHERE " +
                             db_.dialect().keys_in("setl_id", ":keys"),
                         [&](const soci::row& r) {
                             found.emplace(r.get<std::string>(0),
                                           core::SettlementIdentity{r.get<std::string>(1), r.get<std::string>(2),
                                                                    row_integer(r, 3), recorded});
                         },
                         keys.str());
        }
    }
    return found;
}

void SettlementWriter::add(const core::SettlementRecord& r) {
    auto& s = *settlement_rows_;
    s.text(0, r.setl_id).text(1, r.user_id).text(2, r.settled_at).text(3, r.institution_code);
    s.text(4, r.institution_name).text(5, r.use).integer(6, r.amount_fen).integer(7, r.own_fen);
    s.integer(8, r.mutual_aid_fen).integer(9, r.cash_fen).text(10, r.imported_at).integer(11, r.late ? 1 : 0);
    s.integer(12, r.applied_seq).row(/*is_new=*/true);
    note_row_added(db_, "settlements", settlement_row(r));
}

void SettlementWriter::add(const core::RecordedSettlement& r, bool late, const std::string& imported_at,
                           long long applied_seq) {
    const auto at = core::format_utc(r.time);
    const std::string use = core::use_name(r.use);
    auto& s = *recorded_rows_;
    s.text(0, r.setl_id).text(1, r.user_id).text(2, at).text(3, r.institution_code).text(4, r.institution_name);
    s.text(5, r.med_type).text(6, use).integer(7, r.medfee_fen).integer(8, r.amount_fen).integer(9, r.own_fen);
    s.integer(10, r.mutual_aid_fen()).integer(11, r.cash_fen).integer(12, r.balc_fen).integer(13, late ? 1 : 0);
    const auto payers = encode_payers(r.payments);
    s.text(14, imported_at).integer(15, applied_seq).text(16, payers).row(/*is_new=*/true);
    note_row_added(db_, "recorded_settlements",
                   recorded_settlement_row({r.setl_id, r.user_id, at, payers, r.amount_fen, r.own_fen, r.mutual_aid_fen(),
                                            r.cash_fen, r.balc_fen}));
    for (const auto& p : r.payments)
        if (p.amount_fen > 0) payer_rows_->text(0, p.authorizer_id).text(1, r.setl_id).row(/*is_new=*/true);
}

void SettlementWriter::add(const core::LedgerEntry& e) {
    auto& l = *ledger_rows_;
    const std::string kind = core::ledger_kind_name(e.kind);
    e.setl_id ? l.text(0, *e.setl_id) : l.null(0);
    l.text(1, e.account);
    e.binding_id ? l.integer(2, *e.binding_id) : l.null(2);
    l.text(3, kind).integer(4, e.amount_fen).integer(5, e.balance_after_fen).text(6, e.at).row(/*is_new=*/true);
    note_row_added(db_, "ledger", ledger_row(e));
}

void SettlementWriter::flush() {
    settlement_rows_->finish();
    ledger_rows_->finish();
    recorded_rows_->finish();
    payer_rows_->finish();
}

void SettlementWriter::set_balances(const std::vector<Balance>& balances) {
    auto& b = *balance_rows_;
    for (const auto& a : balances) {
        b.text(0, a.id_number).integer(1, a.balance_fen).text(2, a.settled_through).row(/*is_new=*/false);
        note_row_changed(db_, "persons", person_balance_row(a.id_number, a.balance_before_fen),
                         person_balance_row(a.id_number, a.balance_fen));
    }
    b.finish();
}

}  // namespace gongji::storage
