#include "storage/ledger_repository.h"

#include <soci/soci.h>

#include "storage/money_state.h"
#include "storage/row_values.h"
#include "storage/prepared_statement.h"

namespace gongji::storage {
namespace {

const char* kSettlementColumns =
    "s.setl_id, s.user_id, s.settled_at, s.institution_code, s.institution_name, s.use_code, s.amount_fen, "
    "s.own_fen, s.mutual_aid_fen, s.cash_fen, s.imported_at, s.late, s.applied_seq";

SettlementRecord settlement_from_row(const soci::row& r) {
    return {r.get<std::string>(0), r.get<std::string>(1), r.get<std::string>(2), r.get<std::string>(3),
            r.get<std::string>(4), r.get<std::string>(5), row_integer(r, 6), row_integer(r, 7), row_integer(r, 8),
            row_integer(r, 9), r.get<std::string>(10), row_integer(r, 11) != 0, false, row_integer(r, 12)};
}

constexpr const char* kInsertSettlement =
    "INSERT INTO settlements (setl_id, user_id, settled_at, institution_code, institution_name, use_code, amount_fen, "
    "own_fen, mutual_aid_fen, cash_fen, imported_at) VALUES (:a, :b, :c, :d, :e, :f, :g, :h, :i, :j, :k) "
    "ON CONFLICT (setl_id) DO NOTHING";
constexpr const char* kSetBalance = "UPDATE persons SET balance_fen = :b WHERE id_number = :id";
constexpr const char* kInsertEntry =
    "INSERT INTO ledger (setl_id, account, binding_id, kind, amount_fen, balance_after_fen, at) "
    "VALUES (:a, :b, :c, :d, :e, :f, :g)";

}  // namespace

// The statements an import runs for every settlement, prepared once.
struct LedgerRepository::Statements {
    std::unique_ptr<PreparedStatement> insert_settlement, insert_entry, set_balance;

    explicit Statements(Database& db)
        : insert_settlement(db.dialect().prepare(db, kInsertSettlement)),
          insert_entry(db.dialect().prepare(db, kInsertEntry)),
          set_balance(db.dialect().prepare(db, kSetBalance)) {}
};

LedgerRepository::LedgerRepository(Database& db) : db_(db) {}
LedgerRepository::~LedgerRepository() = default;

void LedgerRepository::lock_for_settlement() { db_.dialect().serialize(db_.sql(), kMoneyMoves); }
void LedgerRepository::lock_for_pair_move() { db_.dialect().serialize(db_.sql(), kMoneyMoves, true); }

bool LedgerRepository::insert_new(const SettlementRecord& r) {
    if (!st_) st_ = std::make_unique<Statements>(db_);
    bool added = st_->insert_settlement->text(1, r.setl_id).text(2, r.user_id).text(3, r.settled_at)
               .text(4, r.institution_code).text(5, r.institution_name).text(6, r.use).integer(7, r.amount_fen)
               .integer(8, r.own_fen).integer(9, r.mutual_aid_fen).integer(10, r.cash_fen).text(11, r.imported_at)
               .run() > 0;
    if (added) note_row_added(db_, "settlements", settlement_row(r));
    return added;
}

void LedgerRepository::insert(const LedgerRecord& e) {
    if (!st_) st_ = std::make_unique<Statements>(db_);
    auto& n = *st_->insert_entry;
    const std::string kind = core::ledger_kind_name(e.kind);
    e.setl_id ? n.text(1, *e.setl_id) : n.null(1);
    n.text(2, e.account);
    e.binding_id ? n.integer(3, *e.binding_id) : n.null(3);
    n.text(4, kind).integer(5, e.amount_fen).integer(6, e.balance_after_fen).text(7, e.at).run();
    note_row_added(db_, "ledger", ledger_row(e));
}

void LedgerRepository::set_balance(const std::string& id_number, long long balance_fen) {
    if (!st_) st_ = std::make_unique<Statements>(db_);
    long long before = 0;
    db_.sql() << "SELECT balance_fen FROM persons WHERE id_number = :id", soci::use(id_number), soci::into(before);
    if (!db_.sql().got_data()) return;
    st_->set_balance->integer(1, balance_fen).text(2, id_number).run();
    note_row_changed(db_, "persons", person_balance_row(id_number, before), person_balance_row(id_number, balance_fen));
}

long long LedgerRepository::balance_for_update(const std::string& id_number) {
    long long balance = 0;
    std::string sql = "SELECT balance_fen FROM persons WHERE id_number = :id";
    sql += db_.dialect().lock_rows();
    db_.sql() << sql, soci::use(id_number), soci::into(balance);
    return balance;
}

std::map<long long, long long> LedgerRepository::quotas() {
    std::map<long long, long long> out;
    soci::rowset<soci::row> rows = (db_.sql().prepare << "SELECT binding_id, balance_fen FROM quotas");
    for (const auto& r : rows) out[row_integer(r, 0)] = row_integer(r, 1);
    return out;
}

long long LedgerRepository::quota_for_update(long long binding_id) {
    long long balance = 0;
    soci::indicator ind = soci::i_ok;
    std::string sql = "SELECT balance_fen FROM quotas WHERE binding_id = :b";
    sql += db_.dialect().lock_rows();
    db_.sql() << sql, soci::use(binding_id), soci::into(balance, ind);
    return db_.sql().got_data() ? balance : 0;
}

long long LedgerRepository::last_applied_seq() {
    long long seq = 0;
    db_.sql() << "SELECT last_applied FROM settlement_counter WHERE id = 1", soci::into(seq);
    return seq;
}

void LedgerRepository::set_last_applied_seq(long long seq) {
    db_.sql() << "UPDATE settlement_counter SET last_applied = :s WHERE id = 1", soci::use(seq);
}

void LedgerRepository::set_quota(long long binding_id, long long balance_fen) {
    long long before = 0;
    db_.sql() << "SELECT balance_fen FROM quotas WHERE binding_id = :b", soci::use(binding_id), soci::into(before);
    if (db_.sql().got_data()) note_row_changed(db_, "quotas", quota_row(binding_id, before), quota_row(binding_id, balance_fen));
    else note_row_added(db_, "quotas", quota_row(binding_id, balance_fen));
    db_.sql() << "INSERT INTO quotas (binding_id, balance_fen) VALUES (:b, :f) "
                 "ON CONFLICT (binding_id) DO UPDATE SET balance_fen = excluded.balance_fen",
        soci::use(binding_id), soci::use(balance_fen);
}

int LedgerRepository::transfers_on(long long binding_id, const std::string& china_day) {
    int n = 0;
    db_.sql() << "SELECT count(*) FROM quota_transfers WHERE binding_id = :b AND china_day = :d", soci::use(binding_id),
        soci::use(china_day), soci::into(n);
    return n;
}

void LedgerRepository::record_transfer(long long binding_id, long long amount_fen, const std::string& at,
                                       const std::string& china_day, const std::string& by) {
    db_.sql() << "INSERT INTO quota_transfers (binding_id, amount_fen, at, china_day, by_user) "
                 "VALUES (:b, :a, :t, :d, :u)",
        soci::use(binding_id), soci::use(amount_fen), soci::use(at), soci::use(china_day), soci::use(by);
}

std::vector<SettlementRecord> LedgerRepository::settlements_of_user(const std::string& user_id,
                                                                    const std::string& from, const std::string& to) {
    std::vector<SettlementRecord> out;
    soci::rowset<soci::row> rows =
        (db_.sql().prepare << std::string("SELECT ") + kSettlementColumns +
                                  " FROM settlements s WHERE s.user_id = :u AND s.settled_at >= :f AND s.settled_at < :t "
                                  "ORDER BY s.settled_at, s.setl_id",
         soci::use(user_id), soci::use(from), soci::use(to));
    for (const auto& r : rows) out.push_back(settlement_from_row(r));
    return out;
}

std::vector<SettlementRecord> LedgerRepository::settlements_drawn_on(const std::string& authorizer_id,
                                                                     const std::string& from, const std::string& to) {
    std::vector<SettlementRecord> out;
    soci::rowset<soci::row> rows =
        (db_.sql().prepare << std::string("SELECT ") + kSettlementColumns +
                                  " FROM settlements s WHERE s.setl_id IN (SELECT l.setl_id FROM ledger l "
                                  "WHERE l.account = :a AND (l.kind = 'mutual_aid' OR l.kind = 'quota_draw') "
                                  "AND l.at >= :f AND l.at < :t) ORDER BY s.settled_at, s.setl_id",
         soci::use(authorizer_id), soci::use(from), soci::use(to));
    for (const auto& r : rows) out.push_back(settlement_from_row(r));
    return out;
}

std::vector<LedgerRecord> LedgerRepository::entries_of(const std::string& setl_id) {
    std::vector<LedgerRecord> out;
    soci::rowset<soci::row> rows =
        (db_.sql().prepare << "SELECT setl_id, account, binding_id, kind, amount_fen, balance_after_fen, at "
                              "FROM ledger WHERE setl_id = :s ORDER BY id",
         soci::use(setl_id));
    for (const auto& r : rows) {
        LedgerRecord e;
        e.setl_id = row_optional_text(r, 0);
        e.account = r.get<std::string>(1);
        if (r.get_indicator(2) != soci::i_null) e.binding_id = row_integer(r, 2);
        auto kind = core::parse_ledger_kind(r.get<std::string>(3));
        if (!kind) throw soci::soci_error("ledger: unknown kind \"" + r.get<std::string>(3) + "\"");
        e.kind = *kind;
        e.amount_fen = row_integer(r, 4);
        e.balance_after_fen = row_integer(r, 5);
        e.at = r.get<std::string>(6);
        out.push_back(e);
    }
    return out;
}

}  // namespace gongji::storage
