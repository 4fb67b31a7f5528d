#include "app/trust/audit.h"

#include <algorithm>
#include <map>
#include <tuple>
#include <vector>

#include "app/trust/audit_keys.h"
#include "app/cases/case_service.h"
#include "app/platform/errors.h"
#include "app/platform/stores.h"

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
    stores(ws).audit.record(std::move(e));  // chained when the change commits
}

std::string audit_file_key(const std::string& path) {
    constexpr std::size_t kKeyChars = 64;  // audit_log.entity_key
    const auto slash = path.find_last_of('/');
    const std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
    std::size_t chars = 0;
    for (std::size_t i = 0; i < name.size(); ++i) {
        const bool starts_character = (static_cast<unsigned char>(name[i]) & 0xC0) != 0x80;
        if (starts_character && ++chars > kKeyChars) return name.substr(0, i);
    }
    return name;
}

void log_access(Workspace& ws, const AuditWho& who, const std::string& action, const std::string& entity,
                const std::string& key, const std::string& detail) {
    audit(ws, who, action, entity, key, "", detail);  // a read opens no transaction: written at once
}

std::vector<core::AuditEntry> personal_data_views(Workspace& ws, const Actor& actor, const std::string& person,
                                                  const std::string& by) {
    require_duty(actor, core::Duty::audit);
    auto id = person.empty() ? person : normalized_id(person, "--person");
    if (!by.empty() && !stores(ws).users.find(by))
        throw BadInput("--by: no user \"" + by + "\"", {"user_unknown", {{"username", by}}});
    return stores(ws).audit.views(id, by);
}

std::vector<AuditAnchor> audit_anchors(Workspace& ws) {
    std::vector<AuditAnchor> anchors;
    for (const auto& [chain, head] : stores(ws).audit.heads())
        if (head.seq > 0) anchors.push_back({chain, head.seq, head.hash});
    return anchors;
}

AuditAnchor parse_audit_anchor(const std::string& text) {
    auto last = text.rfind(':');
    auto middle = last == std::string::npos || last == 0 ? std::string::npos : text.rfind(':', last - 1);
    AuditAnchor anchor;
    if (middle != std::string::npos) {
        anchor.chain = text.substr(0, middle);
        anchor.hash = text.substr(last + 1);
        auto seq = text.substr(middle + 1, last - middle - 1);
        if (!seq.empty() && seq.size() < 18 && seq.find_first_not_of("0123456789") == std::string::npos) anchor.seq = std::stoll(seq);
    }
    if (anchor.seq <= 0 || anchor.hash.size() < 16)
        throw BadInput("--anchor: CHAIN:SEQ:HASH as `gongji audit anchor` prints it, not \"" + text + "\"",
                       {"anchor_invalid", {{"text", text}}});
    return anchor;
}

AuditVerification verify_audit(Workspace& ws, const std::vector<AuditAnchor>& anchors) {
    auto& log = stores(ws).audit;
    auto heads = log.heads();
    auto entries = log.all();
    auto keys = load_audit_keys();
    AuditVerification v;
    v.entries = static_cast<long long>(entries.size());
    for (const auto& e : entries) v.unkeyed += e.key_id.empty();
    std::map<std::string, std::vector<core::AuditEntry>> chains;
    for (auto& [chain, head] : heads) chains[chain];
    for (auto& e : entries) chains[e.chain].push_back(std::move(e));
    for (const auto& [chain, chain_entries] : chains)  // a head at 0 with no entry is no chain yet
        if (!chain_entries.empty() || (heads.count(chain) && heads[chain].seq > 0)) ++v.chains;
    // Every program writes to the chain of its workstation, which each entry's seal covers: an
    // entry found on another chain was moved there (the chain renamed).
    for (const auto& [chain, chain_entries] : chains)
        for (const auto& e : chain_entries)
            if (!chain.empty() && e.workstation != chain) {
                v.broken = core::ChainBreak{e.seq, "was sealed by workstation \"" + e.workstation +
                                                       "\" but stands on chain \"" + chain + "\": the chain was renamed"};
                v.broken_chain = chain;
                return v;
            }
    // Since the agency has a key, every change is sealed with it: a log left empty was emptied.
    if (entries.empty() && !keys.empty()) {
        v.broken = core::ChainBreak{1, "is empty though the agency's key " + keys.begin()->first + " (made " +
                                           keys.begin()->second.created_at +
                                           ") seals every change since: the log was emptied (truncated)"};
        return v;
    }
    for (const auto& [chain, chain_entries] : chains) {
        auto head = heads.find(chain);  // entries of a chain without a head were added outside
        auto broken = head == heads.end()
                          ? core::verify_audit_chain(chain_entries, 0, core::kChainStart, keys)
                          : core::verify_audit_chain(chain_entries, head->second.seq, head->second.hash, keys);
        if (broken) {
            v.broken = broken;
            v.broken_chain = chain;
            return v;
        }
    }
    // Lowest first in each chain, so the first break named is the first that differs; entries are
    // in seq order, so each anchor's entry is found by halving.
    auto ordered = anchors;
    std::stable_sort(ordered.begin(), ordered.end(),
                     [](const auto& a, const auto& b) { return std::tie(a.chain, a.seq) < std::tie(b.chain, b.seq); });
    auto entry_at = [&](const AuditAnchor& anchor) {
        const auto& chain_entries = chains[anchor.chain];
        auto at = std::lower_bound(chain_entries.begin(), chain_entries.end(), anchor.seq,
                                   [](const auto& e, long long seq) { return e.seq < seq; });
        return at != chain_entries.end() && at->seq == anchor.seq ? &*at : nullptr;
    };
    auto holds = [](const core::AuditEntry* e, const AuditAnchor& a) { return e && e->hash.rfind(a.hash, 0) == 0; };
    std::map<std::string, long long> last_lost;  // the last entry each chain was seen committed with and lost
    for (const auto& a : ordered)
        if (a.kept && !holds(entry_at(a), a)) last_lost[a.chain] = std::max(last_lost[a.chain], a.seq);
    for (const auto& anchor : ordered) {
        const auto& chain_entries = chains[anchor.chain];
        const auto* entry = entry_at(anchor);
        std::string why;
        long long first = anchor.seq;
        const auto last = std::to_string(last_lost[anchor.chain]);
        if (!entry && anchor.kept) {
            first = chain_entries.empty() ? 1 : chain_entries.back().seq + 1;
            why = "entries " + std::to_string(first) + " to " + last + " (" + std::to_string(last_lost[anchor.chain] - first + 1) +
                  "), which this machine saw committed, are gone: the database has lost its last entries";
        } else if (!entry) {
            why = "is gone: the log was cut back below its anchor";
        } else if (!holds(entry, anchor)) {
            why = anchor.kept ? "entries from " + std::to_string(anchor.seq) + " up to " + last +
                                    ", which this machine saw committed, were lost and the chain was written again over them "
                                    "(work was lost)"
                              : "differs from its anchor: the chain was rewritten";
        }
        if (!why.empty()) {
            v.broken = core::ChainBreak{first, why};
            v.broken_chain = anchor.chain;
            return v;
        }
    }
    return v;
}

}  // namespace gongji::app
