#pragma once
// Copies between embedded databases with SQLite's online backup: a consistent copy of the whole
// database as of one moment, taken while windows go on writing (they wait only for each step).
#include <optional>
#include <string>

#include "storage/database.h"

namespace gongji::storage {

// Copies `from` (an open embedded database) into the file `to`, replacing what is there.
// StorageError for a PostgreSQL database or a file that cannot be written.
void copy_sqlite(Database& from, const std::string& to);
// Copies the file `from` into `to` (an open embedded database), replacing its content.
void copy_sqlite(const std::string& from, Database& to);
// "ok", or the first problem SQLite's integrity check finds.
std::string integrity(Database& db);

// The mark that makes a copy a backup: written once it checked out, read before a restore,
// removed from the database restored.
void mark_backup(Database& copy, const std::string& taken_at, const std::string& taken_by, long long audit_entries);
std::optional<std::string> backup_taken_at(Database& copy);  // nullopt: not a backup
// The entries in a database's audit log, whatever its schema version (for the mark above).
long long audit_entry_count(Database& db);
// The audit entries the backup held when it was marked (0 when not a backup).
long long backup_audit_entries(Database& copy);
// The record of the sealed entry `gongji backup` wrote for the copy before copying it, if the
// copy's log holds it.
std::optional<std::string> backup_entry(Database& copy, const std::string& taken_at);
void unmark_backup(Database& restored);

}  // namespace gongji::storage
