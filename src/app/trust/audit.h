#pragma once
// The audit log: who did what, when, from which workstation, before and after; appended in the
// same transaction as the change it records, chained and sealed (core/audit_chain.h), one chain
// a workstation.
#include <optional>
#include <string>
#include <vector>

#include "app/trust/auth.h"
#include "app/platform/workspace.h"
#include "core/audit_chain.h"

namespace gongji::app {

struct AuditWho {
    std::string actor;
    std::string workstation;
};

// Records one entry with the change's transaction: it is chained and written when that commits,
// or at once when no transaction is open.
void audit(Workspace& ws, const AuditWho& who, const std::string& action, const std::string& entity,
           const std::string& key, const std::string& before, const std::string& after);

// An imported file as an entry's key: its name, cut to the 64 characters an entry's key holds (a
// path is longer in any deep folder; the entry's record carries the whole path as "file").
std::string audit_file_key(const std::string& path);

// Personal data read by a member of staff (等保 level 3; PIPL: ID numbers and medical spending are
// sensitive): who opened whose card, bindings, statement or papers, when, from which window.
// `action` "person.view" (entity "person", key the ID number) or "document.view" (entity
// "document"); `detail` a JSON object saying what was read.
void log_access(Workspace& ws, const AuditWho& who, const std::string& action, const std::string& entity,
                const std::string& key, const std::string& detail);

// The look-ups of personal data, oldest first, of one person (ID number, as typed) and/or by one
// member of staff; empty for all. The audit administrator's (app/trust/duties.h).
std::vector<core::AuditEntry> personal_data_views(Workspace& ws, const Actor& actor, const std::string& person,
                                                  const std::string& by);

struct AuditVerification {
    long long entries = 0;
    long long chains = 0;  // one a workstation
    long long unkeyed = 0;  // sealed with a plain SHA-256 (before the agency had a key)
    std::optional<core::ChainBreak> broken;
    std::string broken_chain;  // the workstation whose chain is broken
};
// An anchor: a chain's head as it stood when it was printed and kept away from the database (the
// day's report, a sheet in a safe). The entry at that seq must still carry that hash: a log cut
// back, or a chain rewritten and sealed again, no longer does.
struct AuditAnchor {
    std::string chain;
    long long seq = 0;
    std::string hash;
    bool kept = false;  // kept by this account's programs as they committed (app/trust/kept_anchors.h)
};
std::vector<AuditAnchor> audit_anchors(Workspace& ws);
// "CHAIN:SEQ:HASH" (the chain may hold ':'; the last two fields are taken); BadInput otherwise.
AuditAnchor parse_audit_anchor(const std::string& text);

// Verifies every chain, and each anchor against the entry it names.
AuditVerification verify_audit(Workspace& ws, const std::vector<AuditAnchor>& anchors = {});

}  // namespace gongji::app
