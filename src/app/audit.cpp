#include "app/audit.h"

#include <map>
#include <vector>

#include "app/errors.h"
#include "app/stores.h"
#include "storage/audit_repository.h"

namespace gongji::app {

void audit(Workspace& ws, const AuditWho& who, const std::string& action, const std::string& entity,
           const std::string& key, const std::string& before, const std::string& after) {
    core::AuditEntry e;
    e.at = now().utc();
    e.actor = who.actor;
    e.workstation = who.workstation;
    e.action = action;
    e.entity = entity;
    e.entity_key = key;
    e.before = before;
    e.after = after;
    storage::AuditRepository(database(ws)).record(std::move(e));  // chained when the change commits
}

AuditVerification verify_audit(Workspace& ws) {
    storage::AuditRepository log(database(ws));
    auto heads = log.heads();
    auto entries = log.all();
    std::map<std::string, std::vector<core::AuditEntry>> chains;
    for (auto& [chain, head] : heads) chains[chain];
    for (auto& e : entries) chains[e.chain].push_back(std::move(e));
    AuditVerification v;
    v.entries = static_cast<long long>(entries.size());
    for (const auto& [chain, chain_entries] : chains)  // a head at 0 with no entry is no chain yet
        if (!chain_entries.empty() || (heads.count(chain) && heads[chain].seq > 0)) ++v.chains;
    for (const auto& [chain, chain_entries] : chains) {
        auto head = heads.find(chain);  // entries of a chain without a head were added outside
        auto broken = head == heads.end() ? core::verify_audit_chain(chain_entries, 0, core::kChainStart)
                                          : core::verify_audit_chain(chain_entries, head->second.seq, head->second.hash);
        if (broken) {
            v.broken = broken;
            v.broken_chain = chain;
            break;
        }
    }
    return v;
}

}  // namespace gongji::app
