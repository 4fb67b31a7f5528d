#pragma once
// Writes a whole roster file's people in one go. It reads the keys already stored once, so each
// row is a plain prepared INSERT or UPDATE: no per-row existence query, no upsert machinery,
// and exact inserted / updated counts. (A per-row upsert spent most of its time in SQLite's
// statement overhead; multi-row VALUES were no faster.)
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

    std::size_t inserted() const { return inserted_; }
    std::size_t updated() const { return updated_; }

private:
    struct Statements;
    std::unique_ptr<Statements> st_;
    // Every ID number in the roster, packed, in a flat table: a node-based set spent more time
    // in malloc and cache misses than SQLite spent inserting.
    core::PackedIdMap stored_;
    std::size_t inserted_ = 0, updated_ = 0;
};

}  // namespace gongji::storage
