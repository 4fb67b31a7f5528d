#pragma once
// The audit log's rows and its head. Hashing is core's; this only stores and reads.
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
    // The head, locked until the transaction ends (PostgreSQL) so appends form one chain.
    AuditHead lock_head();
    AuditHead head();
    void append(const core::AuditEntry& entry);  // inserts the entry and moves the head to it
    std::vector<core::AuditEntry> all();         // ordered by seq

private:
    Database& db_;
};

}  // namespace gongji::storage
