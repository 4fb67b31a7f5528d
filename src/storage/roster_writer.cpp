#include "storage/roster_writer.h"

#include <soci/soci.h>

#include "storage/bulk_writer.h"
#include "storage/money_state.h"

namespace gongji::storage {

const BulkTable kPersons{"persons",
                         {"id_number", "name", "gender", "birth_date", "insurance_type", "status", "pooling_region",
                          "balance_fen", "updated_at"},
                         {"updated_at"}};

struct RosterWriter::Statements {
    std::string updated_at;
    std::unique_ptr<BulkWriter> persons;

    Statements(Database& db, std::string at) : updated_at(std::move(at)), persons(db.dialect().bulk_writer(db, kPersons)) {}
};

RosterWriter::RosterWriter(Database& db, std::string updated_at, std::size_t expected_rows)
    : db_(db), st_(std::make_unique<Statements>(db, std::move(updated_at))) {
    long long count = 0;
    db.sql() << "SELECT count(*) FROM persons", soci::into(count);
    stored_.reserve(static_cast<std::size_t>(count) + expected_rows);
    balances_.reserve(static_cast<std::size_t>(count) + expected_rows);
    std::string id;
    long long balance = 0;
    soci::statement keys =
        (db.sql().prepare << "SELECT id_number, balance_fen FROM persons", soci::into(id), soci::into(balance));
    keys.execute();
    while (keys.fetch()) {
        stored_.insert(core::pack_id_number(id), static_cast<std::uint32_t>(balances_.size()));
        balances_.push_back(balance);
    }
}

RosterWriter::~RosterWriter() = default;

void RosterWriter::write(const core::Person& p) {
    auto& s = *st_;
    const auto key = core::pack_id_number(p.id_number);
    bool is_new = stored_.insert(key, static_cast<std::uint32_t>(balances_.size()));
    if (is_new) {
        balances_.push_back(p.balance_fen);
        note_row_added(db_, "persons", person_balance_row(p.id_number, p.balance_fen));
    } else {
        auto& stored = balances_[*stored_.find(key)];
        note_row_changed(db_, "persons", person_balance_row(p.id_number, stored), person_balance_row(p.id_number, p.balance_fen));
        stored = p.balance_fen;
    }
    const auto birth = p.birth_date.to_string();
    s.persons->text(0, p.id_number).text(1, p.name).integer(2, static_cast<int>(p.gender)).text(3, birth)
        .text(4, p.insurance_type).integer(5, p.status).text(6, p.pooling_region).integer(7, p.balance_fen)
        .text(8, s.updated_at);
    s.persons->row(is_new);
    ++(is_new ? inserted_ : known_);
}

std::size_t RosterWriter::updated() const { return static_cast<std::size_t>(st_->persons->changed()); }

void RosterWriter::finish() { st_->persons->finish(); }

}  // namespace gongji::storage
