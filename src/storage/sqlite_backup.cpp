#include "storage/sqlite_backup.h"

#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

namespace gongji::storage {

namespace {

using namespace sqlite_api;  // SOCI's sqlite3 backend header declares the C API in this namespace

sqlite3* handle_of(Database& db) {
    if (db.url().rfind("sqlite:", 0) != 0)  // (SOCI's backends carry no type information to ask)
        throw StorageError("backup and restore are for the embedded database: PostgreSQL has pg_dump (docs/postgresql.md)");
    return static_cast<soci::sqlite3_session_backend*>(db.sql().get_backend())->conn_;
}

// Runs the backup in steps of 256 pages, so writers wait for a step, never for the whole copy.
void run(sqlite3* to, sqlite3* from, const std::string& what) {
    sqlite3_backup* backup = sqlite3_backup_init(to, "main", from, "main");
    if (!backup) throw StorageError(what + ": " + sqlite3_errmsg(to));
    int rc;
    do {
        rc = sqlite3_backup_step(backup, 256);
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) sqlite3_sleep(20);
    } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
    sqlite3_backup_finish(backup);
    if (rc != SQLITE_DONE) throw StorageError(what + ": " + sqlite3_errstr(rc));
}

}  // namespace

void copy_sqlite(Database& from, const std::string& to) {
    auto target = Database::open("sqlite:" + to);  // created 0600, as every embedded database
    run(handle_of(*target), handle_of(from), "cannot write the backup " + to);
}

void copy_sqlite(const std::string& from, Database& to) {
    auto source = Database::open("sqlite:" + from);
    run(handle_of(to), handle_of(*source), "cannot restore from " + from);
    to.schema_changed();
}

void mark_backup(Database& copy, const std::string& taken_at, const std::string& taken_by, long long audit_entries) {
    copy.sql() << "DROP TABLE IF EXISTS backup_record";  // a backup copied back by hand keeps its mark
    copy.sql() << "CREATE TABLE backup_record (taken_at VARCHAR(32) NOT NULL, taken_by VARCHAR(64) NOT NULL, "
                  "audit_entries BIGINT NOT NULL)";
    copy.sql() << "INSERT INTO backup_record VALUES (:t, :b, :n)", soci::use(taken_at), soci::use(taken_by),
        soci::use(audit_entries);
}

std::optional<std::string> backup_taken_at(Database& copy) {
    if (!copy.dialect().has_table(copy.sql(), "backup_record")) return std::nullopt;
    std::string taken_at;
    copy.sql() << "SELECT taken_at FROM backup_record", soci::into(taken_at);
    return copy.sql().got_data() ? std::optional(taken_at) : std::nullopt;
}

long long audit_entry_count(Database& db) {
    long long entries = 0;
    db.sql() << "SELECT count(*) FROM audit_log", soci::into(entries);
    return entries;
}

long long backup_audit_entries(Database& copy) {
    if (!copy.dialect().has_table(copy.sql(), "backup_record")) return 0;
    long long entries = 0;
    copy.sql() << "SELECT audit_entries FROM backup_record", soci::into(entries);
    return entries;
}

std::optional<std::string> backup_entry(Database& copy, const std::string& taken_at) {
    std::string record;
    const std::string pattern = "{\"taken_at\":\"" + taken_at + "\"%";
    copy.sql() << "SELECT after_state FROM audit_log WHERE action = 'backup' AND after_state LIKE :p", soci::use(pattern),
        soci::into(record);
    return copy.sql().got_data() ? std::optional(record) : std::nullopt;
}

void unmark_backup(Database& restored) { restored.sql() << "DROP TABLE IF EXISTS backup_record"; }

std::string integrity(Database& db) {
    std::string result;
    db.sql() << "PRAGMA integrity_check", soci::into(result);
    return result;
}

}  // namespace gongji::storage
