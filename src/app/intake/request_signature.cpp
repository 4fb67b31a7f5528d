#include "app/intake/request_signature.h"

#include <Poco/DigestEngine.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

namespace gongji::app {

std::string request_signature(const std::string& secret, const std::string& method, const std::string& path,
                              const std::string& timestamp, const std::string& nonce, const std::string& body_sha256) {
    const std::string text = method + "\n" + path + "\n" + timestamp + "\n" + nonce + "\n" + body_sha256;
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    HMAC(EVP_sha256(), secret.data(), static_cast<int>(secret.size()), reinterpret_cast<const unsigned char*>(text.data()),
         text.size(), mac, &length);
    return Poco::DigestEngine::digestToHex(Poco::DigestEngine::Digest(mac, mac + length));
}

bool same_signature(const std::string& a, const std::string& b) {
    return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace gongji::app
