#include "storage/sqlite_native.h"

#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

namespace gongji::storage {

using namespace sqlite_api;  // SOCI's sqlite3 backend header declares the C API in this namespace

struct SqliteNative::Impl {
    sqlite3* db = nullptr;
    sqlite3_stmt* stmt = nullptr;
    [[noreturn]] void fail(const char* what) {
        throw StorageError(std::string(what) + ": " + sqlite3_errmsg(db));
    }
};

SqliteNative::SqliteNative(Database& db, const char* sql) : impl_(std::make_unique<Impl>()) {
    impl_->db = static_cast<soci::sqlite3_session_backend*>(db.sql().get_backend())->conn_;
    if (sqlite3_prepare_v2(impl_->db, sql, -1, &impl_->stmt, nullptr) != SQLITE_OK) impl_->fail("prepare");
}

SqliteNative::~SqliteNative() { sqlite3_finalize(impl_->stmt); }

SqliteNative& SqliteNative::text(int index, const std::string& value) {
    sqlite3_bind_text(impl_->stmt, index, value.data(), static_cast<int>(value.size()), SQLITE_STATIC);
    return *this;
}

SqliteNative& SqliteNative::integer(int index, long long value) {
    sqlite3_bind_int64(impl_->stmt, index, value);
    return *this;
}

SqliteNative& SqliteNative::null(int index) {
    sqlite3_bind_null(impl_->stmt, index);
    return *this;
}

int SqliteNative::run() {
    int rc = sqlite3_step(impl_->stmt);
    sqlite3_reset(impl_->stmt);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW) impl_->fail("write");
    return sqlite3_changes(impl_->db);
}

bool SqliteNative::query_one(const std::function<void(const ResultRow&)>& read) {
    int rc = sqlite3_step(impl_->stmt);
    if (rc == SQLITE_ROW) read(*this);
    sqlite3_reset(impl_->stmt);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) impl_->fail("read");
    return rc == SQLITE_ROW;
}

void SqliteNative::query_each(const std::function<void(const ResultRow&)>& read) {
    int rc;
    while ((rc = sqlite3_step(impl_->stmt)) == SQLITE_ROW) read(*this);
    sqlite3_reset(impl_->stmt);
    if (rc != SQLITE_DONE) impl_->fail("read");
}

std::string SqliteNative::column_text(int index) const {
    auto* text = reinterpret_cast<const char*>(sqlite3_column_text(impl_->stmt, index));
    return text ? std::string(text, static_cast<size_t>(sqlite3_column_bytes(impl_->stmt, index))) : std::string();
}

long long SqliteNative::column_integer(int index) const { return sqlite3_column_int64(impl_->stmt, index); }

}  // namespace gongji::storage
