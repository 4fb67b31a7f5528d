#pragma once
// The two ways of BulkWriter (storage/bulk_writer.h), one per database; the dialect picks one.
#include <memory>

#include "storage/bulk_writer.h"
#include "storage/database.h"

namespace gongji::storage {

std::unique_ptr<BulkWriter> sqlite_bulk_writer(Database& db, const BulkTable& table);
std::unique_ptr<BulkWriter> postgresql_bulk_writer(Database& db, const BulkTable& table);

}  // namespace gongji::storage
