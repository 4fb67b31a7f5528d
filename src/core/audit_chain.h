#pragma once
// The audit log's hash chain: each entry's SHA-256 covers its own fields and the hash of the
// entry before it, so editing, deleting, inserting or reordering any entry breaks the chain
// from that entry on.
#include <optional>
#include <string>
#include <vector>

namespace gongji::core {

struct AuditEntry {
    std::string chain;  // the workstation's chain ('' for the one chain kept before there were many)
    long long seq = 0;  // 1, 2, 3, … without gaps within the chain
    std::string at;     // UTC ISO 8601
    std::string actor;
    std::string workstation;
    std::string action;      // "login", "case.submit", "binding.end", "roster.import", …
    std::string entity;      // "user", "case", "binding", "roster", "policy"
    std::string entity_key;  // case number, binding id, user name, file name …
    std::string before;      // JSON, "" when there was nothing
    std::string after;
    std::string prev_hash;
    std::string hash;
};

inline const std::string kChainStart(64, '0');

// The SHA-256 (hex) of the entry's fields and its prev_hash. The chain's name is not hashed: the
// workstation, which names it, is, and so is the link to the entry before.
std::string audit_entry_hash(const AuditEntry& entry);

struct ChainBreak {
    long long seq;       // the first entry that does not fit (or the expected next seq)
    std::string reason;  // what is wrong there
};

// Checks one chain's entries ordered by seq against each other and against the recorded head
// (last seq and hash); nullopt when the chain is whole.
std::optional<ChainBreak> verify_audit_chain(const std::vector<AuditEntry>& entries, long long head_seq,
                                             const std::string& head_hash);

}  // namespace gongji::core
