#pragma once
// The audit log: who did what, when, from which workstation, before and after; appended in the
// same transaction as the change it records, chained by SHA-256.
#include <optional>
#include <string>

#include "app/workspace.h"
#include "core/audit_chain.h"

namespace gongji::app {

struct AuditWho {
    std::string actor;
    std::string workstation;
};

// Appends one entry (call inside the change's transaction; it locks the log's head).
void audit(Workspace& ws, const AuditWho& who, const std::string& action, const std::string& entity,
           const std::string& key, const std::string& before, const std::string& after);

struct AuditVerification {
    long long entries = 0;
    std::optional<core::ChainBreak> broken;
};
AuditVerification verify_audit(Workspace& ws);

}  // namespace gongji::app
