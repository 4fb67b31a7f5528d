#pragma once
// The audit log's hash chain: each entry's seal covers its own fields and the seal of the entry
// before it, so editing, deleting, inserting or reordering any entry breaks the chain from that
// entry on. Sealed with the agency's key (HMAC-SHA256 or HMAC-SM3), which is kept outside the
// database, an insider who can write the database cannot seal a rewritten entry again; entries
// made before the agency had a key carry a plain SHA-256.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/code_table.h"

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
    std::string key_id;  // the agency key that sealed it; "" for a plain SHA-256 (before keys)
};

enum class SealAlgorithm { hmac_sha256, hmac_sm3 };
inline constexpr CodeTable<SealAlgorithm, 2> kSealAlgorithms{{
    {SealAlgorithm::hmac_sha256, "hmac-sha256"},
    {SealAlgorithm::hmac_sm3, "hmac-sm3"},
}};
inline const char* seal_algorithm_name(SealAlgorithm a) { return kSealAlgorithms.code(a); }
inline std::optional<SealAlgorithm> parse_seal_algorithm(const std::string& name) { return kSealAlgorithms.parse(name); }

struct AuditKey {
    std::string id;  // never empty
    SealAlgorithm algorithm = SealAlgorithm::hmac_sha256;
    std::string secret;      // raw bytes
    std::string created_at;  // UTC ISO 8601: entries from then on must be sealed with a key
};
using AuditKeys = std::map<std::string, AuditKey>;  // by id

inline const std::string kChainStart(64, '0');

// The SHA-256 (hex) of the entry's fields and its prev_hash. The chain's name is not hashed: the
// workstation, which names it, is, and so is the link to the entry before.
std::string audit_entry_hash(const AuditEntry& entry);
// The entry's seal under `key` (its key_id included), or audit_entry_hash without one.
std::string seal_audit_entry(const AuditEntry& entry, const AuditKey* key);

struct ChainBreak {
    long long seq;       // the first entry that does not fit (or the expected next seq)
    std::string reason;  // what is wrong there
};

// Checks one chain's entries ordered by seq against each other, each keyed one against its key
// in `keys`, and against the recorded head (last seq and hash); nullopt when the chain is whole.
// An unkeyed entry made after the agency's first key (or after a keyed entry) is a break: it
// was sealed again by someone without the key.
std::optional<ChainBreak> verify_audit_chain(const std::vector<AuditEntry>& entries, long long head_seq,
                                             const std::string& head_hash, const AuditKeys& keys = {});

}  // namespace gongji::core
