#include "storage/dialect.h"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>

#include <libpq-fe.h>

#include <algorithm>

#include "storage/bulk_writers.h"
#include "storage/database.h"
#include "storage/soci_statement.h"
#include "storage/sqlite_native.h"

namespace gongji::storage {
namespace {

class SqliteDialect final : public Dialect {
public:
    void configure(soci::session& sql) const override {
        // Integrity, concurrent readers, and durable once committed: FULL syncs the WAL at every
        // commit, so a decision the clerk has seen "done" survives a power cut (NORMAL could
        // lose the last commits).
        sql << "PRAGMA foreign_keys = ON";
        sql << "PRAGMA journal_mode = WAL";
        sql << "PRAGMA synchronous = FULL";
        set_cache_mib(sql, kDefaultCacheKib / 1024);
    }
    void set_cache_mib(soci::session& sql, int mib) const override {
        sql << "PRAGMA cache_size = -" + std::to_string(mib * 1024);
    }
    void begin(soci::session& sql) const override { sql << "BEGIN IMMEDIATE"; }
    void commit(soci::session& sql) const override { sql << "COMMIT"; }
    void rollback(soci::session& sql) const override { sql << "ROLLBACK"; }
    const char* lock_rows() const override { return ""; }
    bool modifies_in_with() const override { return false; }
    void lock_keys(soci::session&, const char*, const char*, std::vector<std::string>) const override {}
    void serialize(soci::session&, long long, bool) const override {}
    bool connection_lost(soci::session&) const override { return false; }
    std::string keys_in(const char* column, const char* parameter) const override {
        return std::string(column) + " IN (SELECT value FROM json_each(" + parameter + "))";
    }
    const char* identity_column() const override { return "INTEGER PRIMARY KEY"; }
    const char* migration_tag() const override { return "{{sqlite}}"; }
    void foreign_keys_during_migration(soci::session& sql, bool enforced) const override {
        sql << (enforced ? "PRAGMA foreign_keys = ON" : "PRAGMA foreign_keys = OFF");
    }
    void check_foreign_keys(soci::session& sql) const override {
        soci::rowset<soci::row> rows = sql.prepare << "PRAGMA foreign_key_check";
        for (const auto& r : rows)
            throw soci::soci_error("a row of " + r.get<std::string>(0) + " refers to a row of " + r.get<std::string>(2) +
                                   " that is not there");
    }
    bool has_table(soci::session& sql, const std::string& table) const override {
        int n = 0;
        sql << "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = :t", soci::use(table), soci::into(n);
        return n > 0;
    }
    std::unique_ptr<PreparedStatement> prepare(Database& db, const char* sql) const override {
        return std::make_unique<SqliteNative>(db, sql);
    }
    std::unique_ptr<BulkWriter> bulk_writer(Database& db, const BulkTable& table) const override {
        return sqlite_bulk_writer(db, table);
    }
};

class PostgresqlDialect final : public Dialect {
public:
    void configure(soci::session& sql) const override { sql << "SET client_min_messages = WARNING"; }
    void set_cache_mib(soci::session&, int) const override {}
    void begin(soci::session& sql) const override { sql.begin(); }
    void commit(soci::session& sql) const override { sql.commit(); }
    void rollback(soci::session& sql) const override { sql.rollback(); }
    const char* lock_rows() const override { return " FOR UPDATE"; }
    bool modifies_in_with() const override { return true; }
    std::string keys_in(const char* column, const char* parameter) const override {
        return std::string(column) + " IN (SELECT json_array_elements_text(CAST(" + parameter + " AS json)))";
    }
    bool connection_lost(soci::session& sql) const override {
        // libpq marks the connection bad once a statement found it broken; no round trip here.
        auto* backend = static_cast<soci::postgresql_session_backend*>(sql.get_backend());
        return backend && PQstatus(backend->conn_) == CONNECTION_BAD;
    }
    void lock_keys(soci::session& sql, const char* table, const char* column,
                   std::vector<std::string> keys) const override {
        std::sort(keys.begin(), keys.end());
        keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
        if (keys.empty()) return;
        // One statement: the rows are locked as the sort returns them, in key order. `table` and
        // `column` are the callers' fixed names, never input; the keys are bound.
        std::string query = std::string("SELECT ") + column + " FROM " + table + " WHERE " + column + " IN (";
        for (std::size_t i = 0; i < keys.size(); ++i) query += (i ? ", :k" : ":k") + std::to_string(i);
        query += ") ORDER BY " + std::string(column) + " FOR UPDATE";
        soci::row r;
        soci::statement st(sql);
        st.exchange(soci::into(r));
        for (const auto& key : keys) st.exchange(soci::use(key));
        st.alloc();
        st.prepare(query, soci::details::st_one_time_query);
        st.define_and_bind();
        if (st.execute(true))
            while (st.fetch()) {
            }
    }
    void serialize(soci::session& sql, long long work, bool shared) const override {
        if (shared)
            sql << "SELECT pg_advisory_xact_lock_shared(:w)", soci::use(work);
        else
            sql << "SELECT pg_advisory_xact_lock(:w)", soci::use(work);
    }
    const char* identity_column() const override { return "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"; }
    const char* migration_tag() const override { return "{{postgresql}}"; }
    void foreign_keys_during_migration(soci::session&, bool) const override {}  // altered in place
    void check_foreign_keys(soci::session&) const override {}
    bool has_table(soci::session& sql, const std::string& table) const override {
        int n = 0;
        sql << "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = :t",
            soci::use(table), soci::into(n);
        return n > 0;
    }
    std::unique_ptr<PreparedStatement> prepare(Database& db, const char* sql) const override {
        return std::make_unique<SociStatement>(db, sql);
    }
    std::unique_ptr<BulkWriter> bulk_writer(Database& db, const BulkTable& table) const override {
        return postgresql_bulk_writer(db, table);
    }
};

}  // namespace

std::unique_ptr<Dialect> sqlite_dialect() { return std::make_unique<SqliteDialect>(); }
std::unique_ptr<Dialect> postgresql_dialect() { return std::make_unique<PostgresqlDialect>(); }

}  // namespace gongji::storage
