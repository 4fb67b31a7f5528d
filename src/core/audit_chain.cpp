#include "core/audit_chain.h"

#include <Poco/DigestEngine.h>
#include <Poco/SHA2Engine.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/params.h>

#include <memory>
#include <stdexcept>

namespace gongji::core {

namespace {

// Length-prefixed fields: no choice of text can make two different entries hash alike.
template <class Update>
void feed_fields(const AuditEntry& e, Update&& update) {
    auto field = [&](const std::string& s) {
        std::string length = std::to_string(s.size()) + ":";
        update(length);
        update(s);
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
}

std::string hex(const unsigned char* bytes, std::size_t n) {
    static const char* digits = "0123456789abcdef";
    std::string out;
    for (std::size_t i = 0; i < n; ++i) {
        out += digits[bytes[i] >> 4];
        out += digits[bytes[i] & 15];
    }
    return out;
}

// HMAC through OpenSSL 3's default provider, which has SM3 (GB/T 32905) beside SHA-256.
std::string hmac(const AuditKey& key, const AuditEntry& e) {
    std::unique_ptr<EVP_MAC, decltype(&EVP_MAC_free)> mac(EVP_MAC_fetch(nullptr, "HMAC", nullptr), EVP_MAC_free);
    if (!mac) throw std::runtime_error("OpenSSL has no HMAC");
    std::unique_ptr<EVP_MAC_CTX, decltype(&EVP_MAC_CTX_free)> ctx(EVP_MAC_CTX_new(mac.get()), EVP_MAC_CTX_free);
    char digest[8];
    std::string name = key.algorithm == SealAlgorithm::hmac_sm3 ? "SM3" : "SHA256";
    std::copy(name.begin(), name.end(), digest);
    digest[name.size()] = '\0';
    OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest, 0), OSSL_PARAM_construct_end()};
    if (!ctx || !EVP_MAC_init(ctx.get(), reinterpret_cast<const unsigned char*>(key.secret.data()), key.secret.size(), params))
        throw std::runtime_error("OpenSSL cannot seal with " + name);
    auto update = [&](const std::string& s) {
        EVP_MAC_update(ctx.get(), reinterpret_cast<const unsigned char*>(s.data()), s.size());
    };
    feed_fields(e, update);
    update(std::to_string(e.key_id.size()) + ":");
    update(e.key_id);
    unsigned char out[EVP_MAX_MD_SIZE];
    std::size_t length = 0;
    if (!EVP_MAC_final(ctx.get(), out, &length, sizeof out)) throw std::runtime_error("OpenSSL cannot seal with " + name);
    return hex(out, length);
}

}  // namespace

std::string audit_entry_hash(const AuditEntry& e) {
    Poco::SHA2Engine sha(Poco::SHA2Engine::SHA_256);
    feed_fields(e, [&](const std::string& s) { sha.update(s); });
    return Poco::DigestEngine::digestToHex(sha.digest());
}

std::string seal_audit_entry(const AuditEntry& e, const AuditKey* key) { return key ? hmac(*key, e) : audit_entry_hash(e); }

std::optional<ChainBreak> verify_audit_chain(const std::vector<AuditEntry>& entries, long long head_seq,
                                             const std::string& head_hash, const AuditKeys& keys) {
    std::string prev = kChainStart;
    long long expected = 1;
    // From the agency's first key on, every entry is keyed: a plain one is a rewrite.
    std::string keyed_since;
    for (const auto& [id, key] : keys)
        if (keyed_since.empty() || key.created_at < keyed_since) keyed_since = key.created_at;
    bool keyed_before = false;
    for (const auto& e : entries) {
        if (e.seq != expected)
            return ChainBreak{expected, "entry " + std::to_string(expected) + " is missing (found " +
                                            std::to_string(e.seq) + " next)"};
        if (e.prev_hash != prev)
            return ChainBreak{e.seq, "does not follow the entry before it (deleted, inserted or reordered)"};
        const AuditKey* key = nullptr;
        if (!e.key_id.empty()) {
            auto found = keys.find(e.key_id);
            if (found == keys.end())
                return ChainBreak{e.seq, "is sealed with key " + e.key_id + ", which is not in the key file"};
            key = &found->second;
            keyed_before = true;
        } else if (keyed_before || (!keyed_since.empty() && e.at > keyed_since)) {
            return ChainBreak{e.seq, "has no key's seal although the agency's key was in use (sealed again without it)"};
        }
        if (seal_audit_entry(e, key) != e.hash) return ChainBreak{e.seq, "its content was changed"};
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
