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
    // Packed ID numbers in an open-addressing table: a node-based set spent more time in
    // malloc and cache misses than SQLite spent inserting.
    class IdSet {
    public:
        void reserve(std::size_t n);
        bool insert(std::uint64_t key);  // true when new; key 0 is never a packed ID number

    private:
        void grow();
        std::vector<std::uint64_t> slots_;
        std::size_t size_ = 0;
    };

    struct Statements;
    std::unique_ptr<Statements> st_;
    IdSet stored_;
    std::size_t inserted_ = 0, updated_ = 0;
};

// An 18-character ID number as one integer (its 17 digits; the check character follows from
// them), so a set of a million takes tens of megabytes, not hundreds.
std::uint64_t pack_id_number(const std::string& id_number);

}  // namespace gongji::storage
