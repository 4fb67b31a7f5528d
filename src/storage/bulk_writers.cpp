#include "storage/bulk_writers.h"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>

#include <libpq-fe.h>

#include "storage/sqlite_native.h"

namespace gongji::storage {
namespace {

std::string joined(const std::vector<const char*>& names) {
    std::string out;
    for (const auto* n : names) out += (out.empty() ? "" : ", ") + std::string(n);
    return out;
}

bool is_stamp(const BulkTable& t, const char* column) {
    for (const auto* s : t.stamps)
        if (std::string(s) == column) return true;
    return false;
}

// SQLite: a prepared INSERT and UPDATE, the row's values bound to the one it needs (parameter
// ?N is column N-1 in both); an unchanged row is not written.
class SqliteBulkWriter final : public BulkWriter {
public:
    SqliteBulkWriter(Database& db, const BulkTable& t) : values_(t.columns.size()) {
        std::string placeholders, sets, changed;
        for (size_t i = 0; i < t.columns.size(); ++i) {
            auto p = "?" + std::to_string(i + 1);
            placeholders += (i ? ", " : "") + p;
            if (i == 0) continue;
            sets += std::string(i > 1 ? ", " : "") + t.columns[i] + " = " + p;
            if (!is_stamp(t, t.columns[i])) changed += (changed.empty() ? "" : " OR ") + std::string(t.columns[i]) + " IS NOT " + p;
        }
        insert_ = std::make_unique<SqliteNative>(
            db, ("INSERT INTO " + std::string(t.table) + " (" + joined(t.columns) + ") VALUES (" + placeholders + ")").c_str());
        update_ = std::make_unique<SqliteNative>(
            db, ("UPDATE " + std::string(t.table) + " SET " + sets + " WHERE " + t.columns[0] + " = ?1 AND (" + changed + ")").c_str());
    }
    BulkWriter& text(int column, const std::string& value) override {
        values_[static_cast<size_t>(column)] = {&value, 0, false};
        return *this;
    }
    BulkWriter& integer(int column, long long value) override {
        values_[static_cast<size_t>(column)] = {nullptr, value, false};
        return *this;
    }
    BulkWriter& null(int column) override {
        values_[static_cast<size_t>(column)] = {nullptr, 0, true};
        return *this;
    }
    void row(bool is_new) override {
        auto& st = is_new ? *insert_ : *update_;
        for (size_t i = 0; i < values_.size(); ++i) {
            const auto& v = values_[i];
            const int p = static_cast<int>(i) + 1;
            v.is_null ? st.null(p) : v.text ? st.text(p, *v.text) : st.integer(p, v.number);
        }
        const int written = st.run();
        if (!is_new) changed_ += written;
    }
    void finish() override {}
    long long changed() const override { return changed_; }

private:
    struct Value {
        const std::string* text;
        long long number;
        bool is_null;
    };
    std::vector<Value> values_;
    std::unique_ptr<SqliteNative> insert_, update_;
    long long changed_ = 0;
};

// PostgreSQL: new rows stream with COPY … FROM STDIN straight into the table; rows whose key is
// stored already are kept aside, copied into a temporary table at the end and merged in one
// INSERT … ON CONFLICT that writes only those that changed.
class PostgresqlBulkWriter final : public BulkWriter {
public:
    PostgresqlBulkWriter(Database& db, const BulkTable& t)
        : db_(db), table_(t), fields_(t.columns.size()),
          conn_(static_cast<soci::postgresql_session_backend*>(db.sql().get_backend())->conn_),
          staging_("bulk_" + std::string(t.table) + "_" + std::to_string(t.columns.size())) {}
    ~PostgresqlBulkWriter() override {
        if (!copying_) return;
        PQputCopyEnd(conn_, "abandoned");  // the transaction rolls back; the connection stays usable
        drain(/*report=*/false);
    }
    BulkWriter& text(int column, const std::string& value) override {
        auto& f = fields_[static_cast<size_t>(column)];
        f.clear();
        for (char c : value) {  // COPY's text format
            switch (c) {
                case '\\': f += "\\\\"; break;
                case '\t': f += "\\t"; break;
                case '\n': f += "\\n"; break;
                case '\r': f += "\\r"; break;
                default: f += c;
            }
        }
        return *this;
    }
    BulkWriter& integer(int column, long long value) override {
        fields_[static_cast<size_t>(column)] = std::to_string(value);
        return *this;
    }
    BulkWriter& null(int column) override {
        fields_[static_cast<size_t>(column)] = "\\N";  // COPY's NULL
        return *this;
    }
    void row(bool is_new) override {
        if (is_new && !copying_ && !table_.statements_between_rows) start_copy(table_.table);
        auto& out = is_new ? buffer_ : known_;
        for (size_t i = 0; i < fields_.size(); ++i) {
            if (i) out += '\t';
            out += fields_[i];
        }
        out += '\n';
        if (copying_ && buffer_.size() >= (1u << 20)) flush();
    }
    long long changed() const override { return changed_; }
    void finish() override {
        if (!buffer_.empty() && !copying_) start_copy(table_.table);  // rows kept until now
        end_copy();
        if (known_.empty()) return;
        // Only the written columns, without the table's constraints (an update leaves the rest).
        db_.sql() << "CREATE TEMP TABLE IF NOT EXISTS " + staging_ + " AS SELECT " + joined(table_.columns) + " FROM " +
                         table_.table + " WITH NO DATA";
        db_.sql() << "ALTER TABLE " + staging_ + " ADD COLUMN IF NOT EXISTS bulk_line BIGSERIAL";
        db_.sql() << "TRUNCATE " + staging_;
        start_copy(staging_);
        buffer_.swap(known_);
        known_.clear();
        end_copy();
        // The last line of a key wins, as it would row by row; unchanged rows are not written.
        const std::string table = table_.table, key = table_.columns[0];
        auto assignments = [&](const char* from) {
            std::string out;
            for (size_t i = 1; i < table_.columns.size(); ++i)
                out += std::string(i > 1 ? ", " : "") + table_.columns[i] + " = " + from + "." + table_.columns[i];
            return out;
        };
        auto differs = [&](const char* from) {
            std::string out;
            for (size_t i = 1; i < table_.columns.size(); ++i)
                if (!is_stamp(table_, table_.columns[i]))
                    out += (out.empty() ? "" : " OR ") + table + "." + table_.columns[i] + " IS DISTINCT FROM " + from +
                           "." + table_.columns[i];
            return out;
        };
        const std::string last_of_each = "SELECT DISTINCT ON (" + key + ") " + joined(table_.columns) + " FROM " +
                                         staging_ + " ORDER BY " + key + ", bulk_line DESC";
        const std::string merge =
            table_.update_only
                ? "UPDATE " + table + " SET " + assignments("s") + " FROM (" + last_of_each + ") AS s WHERE " + table +
                      "." + key + " = s." + key + " AND (" + differs("s") + ")"
                : "INSERT INTO " + table + " (" + joined(table_.columns) + ") " + last_of_each + " ON CONFLICT (" + key +
                      ") DO UPDATE SET " + assignments("excluded") + " WHERE " + differs("excluded");
        soci::statement st(db_.sql());
        st.alloc();
        st.prepare(merge, soci::details::st_one_time_query);
        st.define_and_bind();
        st.execute(true);
        changed_ += st.get_affected_rows();
        db_.sql() << "TRUNCATE " + staging_;
    }

private:
    void start_copy(const std::string& into) {
        auto copy = "COPY " + into + " (" + joined(table_.columns) + ") FROM STDIN";
        PGresult* r = PQexec(conn_, copy.c_str());
        bool ok = PQresultStatus(r) == PGRES_COPY_IN;
        PQclear(r);
        if (!ok) fail("COPY");
        copying_ = true;
    }
    void end_copy() {
        if (!copying_) return;
        flush();
        copying_ = false;
        if (PQputCopyEnd(conn_, nullptr) != 1) fail("COPY");
        drain(/*report=*/true);
    }
    void flush() {
        if (!buffer_.empty() && PQputCopyData(conn_, buffer_.data(), static_cast<int>(buffer_.size())) != 1) fail("COPY");
        buffer_.clear();
    }
    // Reads the COPY's results; an error among them is the database's refusal of the rows.
    void drain(bool report) {
        std::string error;
        while (PGresult* r = PQgetResult(conn_)) {
            if (PQresultStatus(r) != PGRES_COMMAND_OK && error.empty()) error = PQresultErrorMessage(r);
            PQclear(r);
        }
        if (report && !error.empty()) throw StorageError("COPY into " + std::string(table_.table) + ": " + error);
    }
    [[noreturn]] void fail(const char* what) {
        throw StorageError(std::string(what) + " into " + table_.table + ": " + PQerrorMessage(conn_));
    }

    Database& db_;
    BulkTable table_;
    long long changed_ = 0;
    std::vector<std::string> fields_;
    PGconn* conn_;
    std::string staging_, buffer_, known_;  // known_: rows of stored keys, merged at finish()
    bool copying_ = false;
};

}  // namespace

std::unique_ptr<BulkWriter> sqlite_bulk_writer(Database& db, const BulkTable& table) {
    return std::make_unique<SqliteBulkWriter>(db, table);
}

std::unique_ptr<BulkWriter> postgresql_bulk_writer(Database& db, const BulkTable& table) {
    return std::make_unique<PostgresqlBulkWriter>(db, table);
}

}  // namespace gongji::storage
