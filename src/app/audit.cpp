#include "app/audit.h"

#include "app/errors.h"
#include "app/stores.h"
#include "storage/audit_repository.h"

namespace gongji::app {

void audit(Workspace& ws, const AuditWho& who, const std::string& action, const std::string& entity,
           const std::string& key, const std::string& before, const std::string& after) {
    storage::AuditRepository log(database(ws));
    auto head = log.lock_head();
    core::AuditEntry e;
    e.seq = head.seq + 1;
    e.at = now().utc();
    e.actor = who.actor;
    e.workstation = who.workstation;
    e.action = action;
    e.entity = entity;
    e.entity_key = key;
    e.before = before;
    e.after = after;
    e.prev_hash = head.hash;
    e.hash = core::audit_entry_hash(e);
    log.append(e);
}

AuditVerification verify_audit(Workspace& ws) {
    storage::AuditRepository log(database(ws));
    auto head = log.head();
    auto entries = log.all();
    AuditVerification v;
    v.entries = static_cast<long long>(entries.size());
    v.broken = core::verify_audit_chain(entries, head.seq, head.hash);
    return v;
}

}  // namespace gongji::app
