#pragma once
// The audit log's rows and its head. Hashing is core's; this only stores and reads.
#include <functional>
#include <map>
#include <optional>
#include <vector>

#include "core/audit_chain.h"
#include "storage/database.h"

namespace gongji::storage {

struct AuditHead {
    long long seq = 0;
    std::string hash;
};

class AuditRepository {
public:
    explicit AuditRepository(Database& db) : db_(db) {}
    // Records an entry on its workstation's chain: inside a transaction it is written when the
    // transaction commits (see Database::pending_audit), otherwise at once in one of its own.
    void record(core::AuditEntry entry);
    // Chains the entries onto their chains' heads (seq, prev_hash, hash), inserts them in one
    // statement and moves the heads, which stay locked until the transaction ends. Returns the
    // heads as moved.
    Database::AuditHeads append_chain(std::vector<core::AuditEntry>& entries);
    std::map<std::string, AuditHead> heads();  // by chain
    // The hash of one entry; nullopt when the chain has no entry at `seq`.
    std::optional<std::string> hash_at(const std::string& chain, long long seq);
    std::vector<core::AuditEntry> all();        // ordered by chain, then seq
    // The entries meeting an SQL condition on audit_log's columns, one at a time, in the order
    // they were written across chains (by time for those written before that was kept).
    void for_each_in_written_order(const std::string& condition,
                                   const std::function<void(const core::AuditEntry&)>& each);
    // Look-ups of personal data (actions ending ".view"), oldest first; an empty filter takes all.
    std::vector<core::AuditEntry> views(const std::string& person, const std::string& actor);

private:
    AuditHead lock_head(const std::string& chain);  // created at seq 0 the first time
    // One entry outside a transaction, in one statement that moves the head only if it is still
    // where this connection left it; false (nothing written) when it is not, or not known.
    bool append_alone(core::AuditEntry& entry);

    Database& db_;
};

}  // namespace gongji::storage
