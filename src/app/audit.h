#pragma once
// The audit log: who did what, when, from which workstation, before and after; appended in the
// same transaction as the change it records, chained by SHA-256, one chain a workstation.
#include <optional>
#include <string>

#include "app/workspace.h"
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

struct AuditVerification {
    long long entries = 0;
    long long chains = 0;  // one a workstation
    std::optional<core::ChainBreak> broken;
    std::string broken_chain;  // the workstation whose chain is broken
};
AuditVerification verify_audit(Workspace& ws);

}  // namespace gongji::app
