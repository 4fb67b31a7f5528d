#include "storage/roster_writer.h"

#include <soci/soci.h>

#include "storage/prepared_statement.h"

namespace gongji::storage {

constexpr const char* kInsert =
    "INSERT INTO persons (id_number, name, gender, birth_date, insurance_type, status, pooling_region, "
    "balance_fen, updated_at) VALUES (:id, :name, :gender, :birth, :type, :status, :region, :balance, :at)";
constexpr const char* kUpdate =
    "UPDATE persons SET name = :name, gender = :gender, birth_date = :birth, insurance_type = :type, "
    "status = :status, pooling_region = :region, balance_fen = :balance, updated_at = :at WHERE id_number = :id";

struct RosterWriter::Statements {
    std::string updated_at;
    std::unique_ptr<PreparedStatement> insert, update;

    Statements(Database& db, std::string at)
        : updated_at(std::move(at)), insert(db.dialect().prepare(db, kInsert)), update(db.dialect().prepare(db, kUpdate)) {}
};

RosterWriter::RosterWriter(Database& db, std::string updated_at, std::size_t expected_rows)
    : st_(std::make_unique<Statements>(db, std::move(updated_at))) {
    long long count = 0;
    db.sql() << "SELECT count(*) FROM persons", soci::into(count);
    stored_.reserve(static_cast<std::size_t>(count) + expected_rows);
    std::string id;
    soci::statement keys = (db.sql().prepare << "SELECT id_number FROM persons", soci::into(id));
    keys.execute();
    while (keys.fetch()) stored_.insert(core::pack_id_number(id), 0);
}

RosterWriter::~RosterWriter() = default;

void RosterWriter::write(const core::Person& p) {
    auto& s = *st_;
    bool is_new = stored_.insert(core::pack_id_number(p.id_number), 0);
    const auto birth = p.birth_date.to_string();
    if (is_new) {
        s.insert->text(1, p.id_number).text(2, p.name).integer(3, static_cast<int>(p.gender)).text(4, birth)
            .text(5, p.insurance_type).integer(6, p.status).text(7, p.pooling_region).integer(8, p.balance_fen)
            .text(9, s.updated_at).run();
        ++inserted_;
    } else {
        s.update->text(1, p.name).integer(2, static_cast<int>(p.gender)).text(3, birth).text(4, p.insurance_type)
            .integer(5, p.status).text(6, p.pooling_region).integer(7, p.balance_fen).text(8, s.updated_at)
            .text(9, p.id_number).run();
        ++updated_;
    }
}

}  // namespace gongji::storage
