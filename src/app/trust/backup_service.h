#pragma once
// Backups of the embedded database with a proven restore (interfaces.md, second set): a
// consistent copy taken while windows work, checked (SQLite's integrity check and every audit
// chain with its seals) before it is called a backup; a restore takes only such a file.
// PostgreSQL is backed up with its own tools (docs/postgresql.md).
#include <string>
#include <vector>

#include "app/trust/audit.h"
#include "app/trust/auth.h"
#include "app/platform/workspace.h"

namespace gongji::app {

struct BackupReport {
    std::string file;
    long long audit_entries = 0, chains = 0;
    std::string taken_at;  // UTC
    bool older_schema = false;  // restored: an older version's database, upgraded at the next start
    // Restored: audit entries this machine saw committed that the backup does not have, by chain
    // (from, to): work the restore does not bring back, said before it is forgotten.
    struct Missing {
        std::string chain;
        long long from = 0, to = 0;
    };
    std::vector<Missing> not_in_backup;
    // Backed up: the database's tables differ from its audit log (app/trust/state_check.h), so a
    // restore will refuse this copy; what differs, or "".
    std::string differs_from_log;
};

// Administrator only. BadInput when `file` exists already; StorageError for a PostgreSQL
// database; Refused("backup_unverified") when the copy does not check out (nothing is left).
BackupReport back_up(Workspace& ws, const Actor& actor, const std::string& file);
// The entry a copy of the database must hold to be restored, sealed just before the copy is taken
// (named `name`, taken at `taken_at`, with every chain's head): a copy whose log was cut back after
// it was taken has lost it. Nothing on a schema older than 16, whose copies are proven otherwise.
void seal_backup(Workspace& ws, const AuditWho& who, const std::string& name, const std::string& taken_at);
// Administrator only, with the windows closed. Refused("not_a_backup") for a file that is not a
// backup this program made and verified, or that no longer checks out; the database is then
// unchanged. The copy is held against `anchors` (printed heads: each entry must be there as it
// was) and against the heads this machine kept up to the copy's own, and its tables against its
// log (app/trust/state_check.h).
BackupReport restore(Workspace& ws, const Actor& actor, const std::string& file, const std::vector<AuditAnchor>& anchors = {});

}  // namespace gongji::app
