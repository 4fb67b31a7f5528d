#include "core/state_digest.h"

#include <openssl/evp.h>

#include <stdexcept>

#include "core/json_writer.h"

namespace gongji::core {
namespace {

// One context a thread, its algorithm fetched once: OpenSSL 3's one-shot SHA256() fetches it on
// every call, which cost more than the hashing on a million short rows.
struct Sha256 {
    EVP_MD* md = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
    ~Sha256() {
        EVP_MD_CTX_free(ctx);
        EVP_MD_free(md);
    }
    void of(std::string_view row, unsigned char* out) {
        if (!md || !ctx || !EVP_DigestInit_ex2(ctx, md, nullptr) || !EVP_DigestUpdate(ctx, row.data(), row.size()) ||
            !EVP_DigestFinal_ex(ctx, out, nullptr))
            throw std::runtime_error("SHA-256 is not available from OpenSSL");
    }
};

std::array<std::uint64_t, 4> row_lanes(std::string_view row) {
    thread_local Sha256 sha;
    unsigned char hash[32];
    sha.of(row, hash);
    std::array<std::uint64_t, 4> lanes{};
    for (int lane = 0; lane < 4; ++lane)
        for (int byte = 0; byte < 8; ++byte) lanes[lane] = (lanes[lane] << 8) | hash[lane * 8 + byte];
    return lanes;
}

}  // namespace

void StateDigest::add(std::string_view row) {
    auto r = row_lanes(row);
    for (int i = 0; i < 4; ++i) lanes_[i] += r[i];  // modulo 2^64 by the type
}

void StateDigest::remove(std::string_view row) {
    auto r = row_lanes(row);
    for (int i = 0; i < 4; ++i) lanes_[i] -= r[i];
}

StateDigest& StateDigest::operator+=(const StateDigest& other) {
    for (int i = 0; i < 4; ++i) lanes_[i] += other.lanes_[i];
    return *this;
}

bool StateDigest::empty() const { return lanes_ == std::array<std::uint64_t, 4>{}; }

std::string StateDigest::hex() const {
    static const char* digits = "0123456789abcdef";
    std::string out;
    for (auto lane : lanes_)
        for (int shift = 60; shift >= 0; shift -= 4) out += digits[(lane >> shift) & 0xf];
    return out;
}

std::optional<StateDigest> StateDigest::parse(std::string_view hex) {
    if (hex.size() != 64) return std::nullopt;
    StateDigest d;
    for (std::size_t i = 0; i < 64; ++i) {
        char c = hex[i];
        int v = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
        if (v < 0) return std::nullopt;
        d.lanes_[i / 16] = (d.lanes_[i / 16] << 4) | static_cast<std::uint64_t>(v);
    }
    return d;
}

void add_digests(StateDigests& into, const StateDigests& part) {
    for (const auto& [table, digest] : part) into[table] += digest;
}

std::string digests_json(const StateDigests& digests) {
    JsonWriter w(false);
    w.begin_object();
    bool any = false;
    for (const auto& [table, digest] : digests)
        if (!digest.empty()) {
            w.key(table).value(digest.hex());
            any = true;
        }
    w.end_object();
    return any ? w.str() : "";
}

void DigestRow::separate() {
    if (!first_) text_ += '\x1f';
    first_ = false;
}

DigestRow& DigestRow::text(std::string_view v) {
    separate();
    text_ += v;
    return *this;
}

DigestRow& DigestRow::integer(long long v) {
    separate();
    text_ += std::to_string(v);
    return *this;
}

DigestRow& DigestRow::null() {
    separate();
    text_ += '\x1e';
    return *this;
}

}  // namespace gongji::core
