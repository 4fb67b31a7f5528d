#include "app/platform/base64.h"

#include <openssl/evp.h>

#include <stdexcept>

namespace gongji::app {

// OpenSSL's block coder: scans run to megabytes, and a stream coder went a character at a time.
std::string to_base64(const std::string& bytes) {
    std::string text(4 * ((bytes.size() + 2) / 3) + 1, '\0');
    const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(text.data()),
                                  reinterpret_cast<const unsigned char*>(bytes.data()), static_cast<int>(bytes.size()));
    text.resize(static_cast<std::size_t>(n));
    return text;
}

std::string from_base64(const std::string& text) {
    std::string compact;  // line breaks and spaces, as MIME writes them, are not part of the data
    compact.reserve(text.size());
    for (char c : text)
        if (c != '\n' && c != '\r' && c != ' ' && c != '\t') compact += c;
    if (compact.size() % 4 != 0) throw std::invalid_argument("base64: the length is not a multiple of 4");
    std::string bytes(compact.size() / 4 * 3, '\0');
    const int n = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(bytes.data()),
                                  reinterpret_cast<const unsigned char*>(compact.data()), static_cast<int>(compact.size()));
    if (n < 0) throw std::invalid_argument("base64: a character that is not base64");
    std::size_t padding = 0;
    if (!compact.empty() && compact.back() == '=') padding = compact[compact.size() - 2] == '=' ? 2 : 1;
    bytes.resize(static_cast<std::size_t>(n) - padding);
    return bytes;
}

}  // namespace gongji::app
