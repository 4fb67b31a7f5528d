#pragma once
// A connection to the embedded SQLite file or the agency's shared PostgreSQL server.
#include <memory>
#include <stdexcept>
#include <string>

namespace soci {
class session;
}

namespace gongji::storage {

enum class Backend { sqlite, postgresql };

// Anything the database refused or could not do; the message says what and where.
class StorageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class Database {
public:
    // "sqlite:PATH" or "postgresql://…" / "postgres://…" (any libpq connection URI).
    static std::unique_ptr<Database> open(const std::string& url);
    ~Database();

    soci::session& sql() { return *session_; }
    Backend backend() const { return backend_; }
    const std::string& url() const { return url_; }

private:
    Database(std::unique_ptr<soci::session> session, Backend backend, std::string url);

    std::unique_ptr<soci::session> session_;
    Backend backend_;
    std::string url_;
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

// The current time (plus `offset_seconds`) as UTC ISO 8601 text ("2026-11-22T05:48:00Z"), as
// stored in the database; such texts sort in time order.
std::string utc_now(long long offset_seconds = 0);

}  // namespace gongji::storage
