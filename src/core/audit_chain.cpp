#include "core/audit_chain.h"

#include <Poco/DigestEngine.h>
#include <Poco/SHA2Engine.h>

namespace gongji::core {

std::string audit_entry_hash(const AuditEntry& e) {
    Poco::SHA2Engine sha(Poco::SHA2Engine::SHA_256);
    // Length-prefixed fields: no choice of text can make two different entries hash alike.
    auto field = [&](const std::string& s) {
        std::string length = std::to_string(s.size()) + ":";
        sha.update(length);
        sha.update(s);
    };
    field(std::to_string(e.seq));
    field(e.at);
    field(e.actor);
    field(e.workstation);
    field(e.action);
    field(e.entity);
    field(e.entity_key);
    field(e.before);
    field(e.after);
    field(e.prev_hash);
    return Poco::DigestEngine::digestToHex(sha.digest());
}

std::optional<ChainBreak> verify_audit_chain(const std::vector<AuditEntry>& entries, long long head_seq,
                                             const std::string& head_hash) {
    std::string prev = kChainStart;
    long long expected = 1;
    for (const auto& e : entries) {
        if (e.seq != expected)
            return ChainBreak{expected, "entry " + std::to_string(expected) + " is missing (found " +
                                            std::to_string(e.seq) + " next)"};
        if (e.prev_hash != prev)
            return ChainBreak{e.seq, "does not follow the entry before it (deleted, inserted or reordered)"};
        if (audit_entry_hash(e) != e.hash) return ChainBreak{e.seq, "its content was changed"};
        prev = e.hash;
        ++expected;
    }
    const long long last = expected - 1;
    if (last < head_seq)
        return ChainBreak{last + 1, "entries " + std::to_string(last + 1) + " to " + std::to_string(head_seq) +
                                        " were deleted"};
    if (last > head_seq) return ChainBreak{head_seq + 1, "was added outside the audit log"};
    if (prev != head_hash) return ChainBreak{last, "was replaced (the log's head records another hash)"};
    return std::nullopt;
}

}  // namespace gongji::core
