#pragma once
// A connection to the embedded SQLite file or the agency's shared PostgreSQL server.
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>

#include <vector>

#include "core/audit_chain.h"
#include "core/channel.h"
#include "core/state_digest.h"
#include "storage/dialect.h"

namespace soci {
class session;
}

namespace gongji::storage {

// Anything the database refused or could not do; the message says what and where.
class StorageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Whether `e` came from the database (a StorageError, or the driver's own error), as opposed to
// the application's refusals, a device or a file.
bool is_database_error(const std::exception& e);

// A database URL fit to be shown: a password in it ("user:secret@", "password=secret") as "***".
std::string redacted_url(const std::string& url);
// Whether a database URL carries a password (which every account on the machine can read in
// the process list): PGPASSWORD, ~/.pgpass or a service file keep it out of sight.
bool url_has_password(const std::string& url);
// Whether a URL is PostgreSQL's: a URI, or libpq's keyword/value string.
bool is_postgresql_url(const std::string& url);
// The server a PostgreSQL URL reaches over the network without verifying its certificate
// (any sslmode but verify-full, PGSSLMODE and PGHOST as libpq reads them); "" when it verifies,
// or the server is this machine.
std::string unverified_server(const std::string& url);
// Whether `path` is an embedded database file this process has open (or its WAL, shared-memory
// or journal file). Opening and closing such a file outside SQLite drops SQLite's locks on it,
// so a paper, roster or output named by mistake as the database is refused before it is touched.
bool is_open_database_file(const std::string& path);

class Database {
public:
    // "sqlite:PATH" or "postgresql://…" / "postgres://…" (any libpq connection URI).
    static std::unique_ptr<Database> open(const std::string& url);
    ~Database();

    soci::session& sql() { return *session_; }
    // What differs between the two databases: the only place that knows which one this is.
    const Dialect& dialect() const { return *dialect_; }
    // SQLite's page cache for this connection (64 MiB by default); imports raise it for their
    // duration so a growing database's indexes stay in memory. No effect on PostgreSQL.
    void set_cache_mib(int mib);
    const std::string& url() const { return url_; }
    // The connection broke (see Dialect::connection_lost): open the URL again for a new one.
    bool connection_lost() { return dialect_->connection_lost(*session_); }

    // Audit entries recorded in the open transaction: chained and written just before it commits,
    // so the chain's one head row is locked for a few statements, not for the whole change.
    std::vector<core::AuditEntry>& pending_audit() { return pending_audit_; }
    // What the open transaction did to the money tables (core/state_digest.h): the writers add
    // to it; at commit it is recorded in the transaction's last audit entry ("balances"), and a
    // change of money that no audit entry records is refused.
    core::StateDigests& pending_digests() { return pending_digests_; }
    // Changes of online cases in the open transaction, for their channels' feeds: numbered and
    // written just before it commits (IntakeRepository::append_events).
    std::vector<core::CaseEvent>& pending_case_events() { return pending_case_events_; }
    // Whether audit_log keeps the order entries were written in (schema 14 on), once known; a
    // migration or a restore through this connection forgets it.
    std::optional<bool>& audit_order_kept() { return audit_order_kept_; }
    void schema_changed() { audit_order_kept_.reset(); }
    // The agency's key that seals new audit entries (none: a plain SHA-256, as before keys).
    void set_audit_key(std::optional<core::AuditKey> key) { audit_key_ = std::move(key); }
    const core::AuditKey* audit_key() const { return audit_key_ ? &*audit_key_ : nullptr; }
    bool in_transaction() const { return in_transaction_; }
    // Each chain's head (seq, hash) as this connection last wrote it: a look-up's lone entry is
    // appended in one statement when the head has not moved since (AuditRepository::record).
    std::map<std::string, std::pair<long long, std::string>>& known_audit_heads() { return known_audit_heads_; }
    // Told each chain's new head (seq, hash) once audit entries are committed, and only then: the
    // application keeps them outside the database, so a log later cut back says so by itself.
    // It must not throw: the change is committed whatever it does.
    using AuditHeads = std::map<std::string, std::pair<long long, std::string>>;
    void on_audit_committed(std::function<void(Database&, const AuditHeads&)> listener) { audit_listener_ = std::move(listener); }
    void audit_committed(const AuditHeads& heads) {
        if (audit_listener_ && !heads.empty()) audit_listener_(*this, heads);
    }

private:
    friend class Transaction;
    Database(std::unique_ptr<soci::session> session, std::unique_ptr<Dialect> dialect, std::string url);

    std::unique_ptr<soci::session> session_;
    std::unique_ptr<Dialect> dialect_;
    std::string url_;
    std::vector<core::AuditEntry> pending_audit_;
    core::StateDigests pending_digests_;
    std::vector<core::CaseEvent> pending_case_events_;
    std::optional<bool> audit_order_kept_;
    std::optional<core::AuditKey> audit_key_;
    std::map<std::string, std::pair<long long, std::string>> known_audit_heads_;
    std::function<void(Database&, const AuditHeads&)> audit_listener_;
    bool in_transaction_ = false;
    std::optional<std::pair<unsigned long long, unsigned long long>> embedded_file_;  // device, inode: open while this lives
};

constexpr int kDefaultCacheKib = 64 * 1024;
constexpr int kImportCacheMib = 512;

// Raises the page cache for one import and restores it afterwards.
class LargeCache {
public:
    explicit LargeCache(Database& db) : db_(db) { db_.set_cache_mib(kImportCacheMib); }
    ~LargeCache() { db_.set_cache_mib(kDefaultCacheKib / 1024); }
    LargeCache(const LargeCache&) = delete;
    LargeCache& operator=(const LargeCache&) = delete;

private:
    Database& db_;
};

// All-or-nothing: rolls back unless commit() was called.
class Transaction {
public:
    explicit Transaction(Database& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit();

private:
    Database& db_;
    bool open_ = true;
};

}  // namespace gongji::storage
