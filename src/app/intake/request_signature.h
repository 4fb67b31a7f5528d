#pragma once
// How a channel signs each request to the intake service (interfaces.md third set): hex
// HMAC-SHA256 under the channel's secret — its 64 hex characters as printed, taken as the key —
// over "METHOD\nPATH\nTIMESTAMP\nNONCE\n" and the hex SHA-256 of the body.
#include <string>

namespace gongji::app {

std::string request_signature(const std::string& secret, const std::string& method, const std::string& path,
                              const std::string& timestamp, const std::string& nonce, const std::string& body_sha256);
// Whether two signatures are equal, in time that does not depend on where they differ.
bool same_signature(const std::string& a, const std::string& b);

}  // namespace gongji::app
