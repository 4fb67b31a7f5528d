#pragma once
// Code tables: GB/T 2260 regions and GB/T 4761 relations, seeded by `gongji init`.
#include <vector>

#include "core/region_table.h"
#include "core/relation.h"
#include "storage/database.h"

namespace gongji::storage {

class CodeTableRepository {
public:
    explicit CodeTableRepository(Database& db) : db_(db) {}
    // Replace the whole table (within the caller's transaction).
    void replace_regions(const std::vector<core::Region>& regions);
    void replace_relations(const std::vector<core::Relation>& relations);
    core::RegionTable load_regions();
    long long region_count();
    // Both tables as text, a row a line in code order ("code\tname\tlevel or category"): what
    // their digest is taken of.
    std::string rows_text();

private:
    Database& db_;
};

}  // namespace gongji::storage
