#pragma once
// Numbered SQL migrations (db/migrations/NNNN_name.sql), applied in order, each in its own
// transaction, recorded in schema_migrations. A database newer than the program is refused.
#include <string>
#include <vector>

#include "core/instant.h"
#include "storage/database.h"

namespace gongji::storage {

struct Migration {
    int version = 0;
    std::string name;  // file name
    std::string sql;
};

struct MigrationReport {
    int from_version = 0;
    int to_version = 0;
    std::vector<std::string> applied;
};

// Reads every NNNN_*.sql in `directory`, ordered by number; throws StorageError on a gap, a
// duplicate number or an unreadable file.
std::vector<Migration> load_migrations(const std::string& directory);

// The highest version recorded in the database; 0 for an empty database.
int schema_version(Database& db);
// When the schema was first created ("" before): one database told from another made later at the
// same place, while a copy or a restored dump of it keeps it.
std::string schema_created_at(Database& db);

// Brings the schema up to the last of `migrations`; throws StorageError when the database
// already has a version the program does not know.
MigrationReport migrate(Database& db, const std::vector<Migration>& migrations, core::Instant applied_at);

// Records that `program_release` brought the schema from one version to another (when the
// database has schema_releases, migration 13).
void record_release(Database& db, core::Instant at, const std::string& program_release, int from_version, int to_version);

// Splits a script into statements at semicolons that end a line, ignoring "--" comments.
std::vector<std::string> split_sql_statements(const std::string& script);

}  // namespace gongji::storage
