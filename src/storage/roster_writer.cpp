#include "storage/roster_writer.h"

#include <soci/soci.h>

#include "storage/sqlite_native.h"

namespace gongji::storage {


std::uint64_t pack_id_number(const std::string& id) {
    std::uint64_t v = 0;
    for (std::size_t i = 0; i < 17 && i < id.size(); ++i) v = v * 10 + static_cast<std::uint64_t>(id[i] - '0');
    return v;
}

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
    while (keys.fetch()) stored_.insert(pack_id_number(id));
}

RosterWriter::~RosterWriter() = default;

void RosterWriter::IdSet::reserve(std::size_t n) {
    std::size_t capacity = 1024;
    while (capacity < n * 2) capacity *= 2;
    if (capacity <= slots_.size()) return;
    std::vector<std::uint64_t> old;
    old.swap(slots_);
    slots_.assign(capacity, 0);
    size_ = 0;
    for (auto key : old)
        if (key) insert(key);
}

void RosterWriter::IdSet::grow() { reserve(slots_.size()); }

bool RosterWriter::IdSet::insert(std::uint64_t key) {
    if ((size_ + 1) * 2 > slots_.size()) grow();
    // splitmix64's finalizer spreads neighbouring ID numbers over the table.
    std::uint64_t h = key;
    h = (h ^ (h >> 30)) * 0xbf58476d1ce4e5b9ULL;
    h = (h ^ (h >> 27)) * 0x94d049bb133111ebULL;
    h ^= h >> 31;
    std::size_t mask = slots_.size() - 1;
    for (std::size_t i = h & mask;; i = (i + 1) & mask) {
        if (slots_[i] == key) return false;
        if (slots_[i] == 0) {
            slots_[i] = key;
            ++size_;
            return true;
        }
    }
}

void RosterWriter::write(const core::Person& p) {
    auto& s = *st_;
    bool is_new = stored_.insert(pack_id_number(p.id_number));
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
