#include "app/intake/request_signature.h"

#include <Poco/HMACEngine.h>
#include <Poco/SHA2Engine.h>

namespace gongji::app {
namespace {

// HMACEngine needs the block and digest sizes as constants of the engine type.
class Sha256Engine : public Poco::SHA2Engine {
public:
    enum { BLOCK_SIZE = 64, DIGEST_SIZE = 32 };
    Sha256Engine() : Poco::SHA2Engine(Poco::SHA2Engine::SHA_256) {}
};

}  // namespace

std::string request_signature(const std::string& secret, const std::string& method, const std::string& path,
                              const std::string& timestamp, const std::string& nonce, const std::string& body_sha256) {
    Poco::HMACEngine<Sha256Engine> hmac(secret);
    hmac.update(method + "\n" + path + "\n" + timestamp + "\n" + nonce + "\n" + body_sha256);
    return Poco::DigestEngine::digestToHex(hmac.digest());
}

bool same_signature(const std::string& a, const std::string& b) {
    if (a.size() != b.size()) return false;
    unsigned char diff = 0;
    for (size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

}  // namespace gongji::app
