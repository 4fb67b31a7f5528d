#pragma once
// Writes a whole roster file's people in one go. It reads the keys already stored once, so it
// knows each row new or not: exact inserted / updated counts, and on SQLite a plain prepared
// INSERT or UPDATE a row (a per-row upsert spent most of its time in SQLite's statement
// overhead; multi-row VALUES were no faster). With the keys it reads the balances, whose
// changes the money digest records. On PostgreSQL the rows stream through COPY and
// merge at finish() (storage/bulk_writer.h).
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/person.h"
#include "core/packed_id_map.h"
#include "storage/database.h"

namespace gongji::storage {

class RosterWriter {
public:
    // `updated_at` is recorded on every row written; `expected_rows` sizes the key table up
    // front. Call within a transaction.
    RosterWriter(Database& db, std::string updated_at, std::size_t expected_rows = 0);
    ~RosterWriter();

    void write(const core::Person& person);
    void finish();  // before the transaction commits; without it nothing buffered is written

    std::size_t inserted() const { return inserted_; }
    // Of the people already stored (after finish()): those whose row changed and was written,
    // and those the file has as they were.
    std::size_t updated() const;
    std::size_t unchanged() const { return known_ - updated(); }

private:
    struct Statements;
    Database& db_;
    std::unique_ptr<Statements> st_;
    // Every ID number in the roster, packed, in a flat table: a node-based set spent more time
    // in malloc and cache misses than SQLite spent inserting.
    core::PackedIdMap stored_;  // → the index of its balance in balances_
    std::vector<long long> balances_;  // as stored, then as written: the digest's rows (storage/money_state.h)
    std::size_t inserted_ = 0, known_ = 0;
};

}  // namespace gongji::storage
