#pragma once
// Each chain's heads, kept outside the database as this program commits: an append-only, synced
// file in the user's data folder, one for each database. `audit verify` holds the database against
// every head kept since the last restore, so a log that lost its last entries (a copy put back, a
// write-ahead log lost, an insider's truncation) says so by itself, without an anchor printed on
// paper, and goes on saying so after new entries were written over the lost ones: a commit that
// finds the database behind a head kept before records the loss in the file for good.
#include <string>
#include <vector>

#include "app/trust/audit.h"

namespace gongji::storage {
class Database;
}

namespace gongji::app {

// Keeps the heads of every audit commit made through `db` (Database::on_audit_committed).
void keep_anchors_of(storage::Database& db);

// The file kept for this database ("" when it has no schema yet).
std::string kept_anchor_file(Workspace& ws);
// Every head kept since the last restart (a restore), by chain and seq, for verify_audit.
std::vector<AuditAnchor> kept_audit_anchors(Workspace& ws);
// After a restore: what was kept before no longer describes the database; `why` is recorded.
void restart_kept_anchors(Workspace& ws, const std::string& why);

// A chain whose entries this machine saw committed are not in the database as they were.
struct LostTail {
    std::string chain;
    long long seen = 0;     // the highest entry this machine saw committed
    long long now = 0;      // the chain's head in the database now
    bool rewritten = false;  // new entries were written where the lost ones were
};
// The chains that lost entries, by the heads kept and the losses recorded: a few look-ups, for a
// warning at start (the full check is verify_audit_with_kept).
std::vector<LostTail> lost_tails(Workspace& ws);
// verify_audit with the printed `anchors`, every kept head and every loss recorded.
AuditVerification verify_audit_with_kept(Workspace& ws, std::vector<AuditAnchor> anchors, long long* kept_count = nullptr);

}  // namespace gongji::app
