#include "storage/roster_writer.h"

#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

namespace gongji::storage {

using namespace sqlite_api;  // SOCI's sqlite3 backend header declares the C API in this namespace

std::uint64_t pack_id_number(const std::string& id) {
    std::uint64_t v = 0;
    for (std::size_t i = 0; i < 17 && i < id.size(); ++i) v = v * 10 + static_cast<std::uint64_t>(id[i] - '0');
    return v;
}

// SQLite's own API for the one statement run a million times: SOCI's per-row work (values
// converted to text, exchange objects) doubled the cost of an import.
class SqliteInsert {
public:
    SqliteInsert(sqlite3* db, const char* sql) : db_(db) {
        if (sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr) != SQLITE_OK) fail();
    }
    ~SqliteInsert() { sqlite3_finalize(stmt_); }
    SqliteInsert(const SqliteInsert&) = delete;
    SqliteInsert& operator=(const SqliteInsert&) = delete;

    void run(const core::Person& p, const std::string& birth, const std::string& updated_at) {
        sqlite3_bind_text(stmt_, 1, p.id_number.data(), static_cast<int>(p.id_number.size()), SQLITE_STATIC);
        sqlite3_bind_text(stmt_, 2, p.name.data(), static_cast<int>(p.name.size()), SQLITE_STATIC);
        sqlite3_bind_int(stmt_, 3, static_cast<int>(p.gender));
        sqlite3_bind_text(stmt_, 4, birth.data(), static_cast<int>(birth.size()), SQLITE_STATIC);
        sqlite3_bind_text(stmt_, 5, p.insurance_type.data(), static_cast<int>(p.insurance_type.size()), SQLITE_STATIC);
        sqlite3_bind_int(stmt_, 6, p.status);
        sqlite3_bind_text(stmt_, 7, p.pooling_region.data(), static_cast<int>(p.pooling_region.size()), SQLITE_STATIC);
        sqlite3_bind_int64(stmt_, 8, p.balance_fen);
        sqlite3_bind_text(stmt_, 9, updated_at.data(), static_cast<int>(updated_at.size()), SQLITE_STATIC);
        int rc = sqlite3_step(stmt_);
        sqlite3_reset(stmt_);
        if (rc != SQLITE_DONE) fail();
    }

private:
    [[noreturn]] void fail() { throw StorageError(std::string("roster insert failed: ") + sqlite3_errmsg(db_)); }
    sqlite3* db_;
    sqlite3_stmt* stmt_ = nullptr;
};

constexpr const char* kInsertSql =
    "INSERT INTO persons (id_number, name, gender, birth_date, insurance_type, status, pooling_region, "
    "balance_fen, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

struct RosterWriter::Statements {
    std::string id, name, birth, type, region, updated_at;
    int gender = 1, status = 1;
    long long balance = 0;
    soci::statement insert, update;
    std::unique_ptr<SqliteInsert> native_insert;  // SQLite only

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
    if (db.backend() == Backend::sqlite) {
        auto* backend = static_cast<soci::sqlite3_session_backend*>(db.sql().get_backend());
        st_->native_insert = std::make_unique<SqliteInsert>(backend->conn_, kInsertSql);
    }
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
        s.native_insert->run(p, p.birth_date.to_string(), s.updated_at);
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
