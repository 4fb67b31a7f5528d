#include "storage/roster_writer.h"

#include <soci/soci.h>

#include "storage/sqlite_native.h"

namespace gongji::storage {


constexpr const char* kInsertSql =
    "INSERT INTO persons (id_number, name, gender, birth_date, insurance_type, status, pooling_region, "
    "balance_fen, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

struct RosterWriter::Statements {
    std::string id, name, birth, type, region, updated_at;
    int gender = 1, status = 1;
    long long balance = 0;
    soci::statement insert, update;
    std::unique_ptr<SqliteNative> native_insert;  // SQLite only: the hot INSERT without SOCI

    explicit Statements(soci::session& sql) : insert(sql), update(sql) {
        using soci::use;
        insert = (sql.prepare << "INSERT INTO persons (id_number, name, gender, birth_date, insurance_type, "
                                 "status, pooling_region, balance_fen, updated_at) "
                                 "VALUES (:id, :name, :gender, :birth, :type, :status, :region, :balance, :at)",
                  use(id), use(name), use(gender), use(birth), use(type), use(status), use(region),
                  use(balance), use(updated_at));
        update = (sql.prepare << "UPDATE persons SET name = :name, gender = :gender, birth_date = :birth, "
                                 "insurance_type = :type, status = :status, pooling_region = :region, "
                                 "balance_fen = :balance, updated_at = :at WHERE id_number = :id",
                  use(name), use(gender), use(birth), use(type), use(status), use(region), use(balance),
                  use(updated_at), use(id));
    }
};

RosterWriter::RosterWriter(Database& db, std::string updated_at, std::size_t expected_rows)
    : st_(std::make_unique<Statements>(db.sql())) {
    st_->updated_at = std::move(updated_at);
    if (db.backend() == Backend::sqlite) st_->native_insert = std::make_unique<SqliteNative>(db, kInsertSql);
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
    if (is_new && s.native_insert) {
        auto birth = p.birth_date.to_string();
        s.native_insert->text(1, p.id_number).text(2, p.name).integer(3, static_cast<int>(p.gender)).text(4, birth)
            .text(5, p.insurance_type).integer(6, p.status).text(7, p.pooling_region).integer(8, p.balance_fen)
            .text(9, s.updated_at).run();
        ++inserted_;
        return;
    }
    s.id = p.id_number;
    s.name = p.name;
    s.gender = static_cast<int>(p.gender);
    s.birth = p.birth_date.to_string();
    s.type = p.insurance_type;
    s.status = p.status;
    s.region = p.pooling_region;
    s.balance = p.balance_fen;
    if (is_new) {
        s.insert.execute(true);
        ++inserted_;
    } else {
        s.update.execute(true);
        ++updated_;
    }
}

}  // namespace gongji::storage
