#pragma once
// Every difference between the embedded SQLite and the agency's shared PostgreSQL that the
// program relies on, in one object per database (as SOCI's own tests keep theirs in one test
// context). Repositories ask the dialect; none of them asks which database it is.
#include <memory>
#include <string>
#include <vector>

namespace soci {
class session;
}

namespace gongji::storage {

class BulkWriter;
class Database;
class PreparedStatement;
struct BulkTable;

class Dialect {
public:
    virtual ~Dialect() = default;

    // Set-up of a new connection: SQLite's pragmas (foreign keys, WAL, cache), PostgreSQL's
    // message level.
    virtual void configure(soci::session& sql) const = 0;
    // SQLite's page cache for this connection; PostgreSQL's is the server's.
    virtual void set_cache_mib(soci::session& sql, int mib) const = 0;

    // Transactions. SQLite takes the write lock at the start: a deferred transaction that reads
    // and then writes can fail when another workstation committed in between; an immediate one
    // waits (busy timeout) and then sees the latest data, which the limits depend on.
    virtual void begin(soci::session& sql) const = 0;
    virtual void commit(soci::session& sql) const = 0;
    virtual void rollback(soci::session& sql) const = 0;

    // Appended to a SELECT inside a transaction whose rows must stay as read until it ends:
    // " FOR UPDATE" on PostgreSQL; nothing on SQLite, whose immediate transactions already run
    // one at a time.
    virtual const char* lock_rows() const = 0;
    // Whether one statement can change a row and insert another, all or nothing (PostgreSQL's
    // data-modifying WITH; not SQLite).
    virtual bool modifies_in_with() const = 0;
    // A condition "column is one of the keys", the keys bound as one JSON array of texts (one
    // parameter, however many keys: thousands of named parameters cost SQLite quadratic time).
    virtual std::string keys_in(const char* column, const char* parameter) const = 0;
    // Whether the connection broke (the server restarted or the network went): no statement can
    // run on it any more. Never for SQLite.
    virtual bool connection_lost(soci::session& sql) const = 0;
    // Locks the rows of `table` with these keys until the transaction ends, in key order so two
    // workstations never deadlock (PostgreSQL); nothing to do on SQLite.
    virtual void lock_keys(soci::session& sql, const char* table, const char* column,
                           std::vector<std::string> keys) const = 0;
    // One transaction at a time for a kind of work that touches no single row first (money
    // moving): an advisory lock on PostgreSQL, nothing on SQLite. `shared`: any number of such
    // transactions at once (each locks the rows it touches), but none beside an exclusive one.
    virtual void serialize(soci::session& sql, long long work, bool shared = false) const = 0;

    // Schema: the type of an identity primary key ("{{identity}}" in migrations), and whether a
    // table exists.
    virtual const char* identity_column() const = 0;
    virtual bool has_table(soci::session& sql, const std::string& table) const = 0;
    // The tag of a migration's lines meant for this database only ("{{sqlite}} …").
    virtual const char* migration_tag() const = 0;
    // Around a migration's transaction: SQLite rebuilds a table to change a constraint, which it
    // can do only with foreign keys off (sqlite.org, "making other kinds of table schema
    // changes"); they are checked before the migration commits, and on again after it.
    virtual void foreign_keys_during_migration(soci::session& sql, bool enforced) const = 0;
    virtual void check_foreign_keys(soci::session& sql) const = 0;

    // A statement run many times in a row, prepared once, by the fastest way the database has.
    virtual std::unique_ptr<PreparedStatement> prepare(Database& db, const char* sql) const = 0;
    // Many rows into one table, inserted or replaced by key, in the fastest way the database has.
    virtual std::unique_ptr<BulkWriter> bulk_writer(Database& db, const BulkTable& table) const = 0;
};

std::unique_ptr<Dialect> sqlite_dialect();
std::unique_ptr<Dialect> postgresql_dialect();

// The keys of serialize(): kinds of work that run one at a time.
constexpr long long kMoneyMoves = 20261122;

}  // namespace gongji::storage
