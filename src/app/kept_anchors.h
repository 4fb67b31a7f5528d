#pragma once
// Each chain's latest anchor, kept outside the database as this program commits: an append-only,
// synced file in the user's data folder, one for each database. `audit verify` holds the database
// against it, so a log that lost its last entries (a copy put back, a write-ahead log lost, an
// insider's truncation) says so by itself, without an anchor printed on paper.
#include <string>
#include <vector>

#include "app/audit.h"

namespace gongji::storage {
class Database;
}

namespace gongji::app {

// Keeps the heads of every audit commit made through `db` (Database::on_audit_committed).
void keep_anchors_of(storage::Database& db);

// The file kept for this database ("" when it has no schema yet).
std::string kept_anchor_file(Workspace& ws);
// Each chain's highest kept anchor since the last new start (a restore), for verify_audit.
std::vector<AuditAnchor> kept_audit_anchors(Workspace& ws);
// After a restore: what was kept before no longer describes the database; `why` is recorded.
void restart_kept_anchors(Workspace& ws, const std::string& why);

}  // namespace gongji::app
