#include "app/trust/audit_keys.h"

#include <Poco/DigestEngine.h>
#include <Poco/RandomStream.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/platform/clock.h"
#include "app/platform/environment.h"
#include "app/platform/errors.h"
#include "app/platform/paths.h"

namespace gongji::app {

namespace {

std::string unhex(const std::string& text) {
    if (text.size() % 2 != 0 || text.find_first_not_of("0123456789abcdef") != std::string::npos) return "";
    std::string bytes;
    for (std::size_t i = 0; i < text.size(); i += 2) bytes += static_cast<char>(std::stoi(text.substr(i, 2), nullptr, 16));
    return bytes;
}

std::string mode_text(mode_t mode) {
    char text[8];
    std::snprintf(text, sizeof text, "%04o", static_cast<unsigned>(mode & 07777));
    return text;
}

[[noreturn]] void unusable(const std::string& why) {
    throw BadInput("audit key file " + audit_key_file() + ": " + why, {"audit_keys_unusable", {{"file", audit_key_file()}}});
}

}  // namespace

std::string audit_key_file() { return env(Env::audit_key_file).value_or("/etc/gongji/audit.key"); }

core::AuditKeys load_audit_keys() {
    core::AuditKeys keys;
    std::error_code ec;
    if (!std::filesystem::exists(audit_key_file(), ec)) return keys;
    // A key others can read lets them seal a rewritten log; one they can write, replace it.
    struct stat st{};
    if (::stat(audit_key_file().c_str(), &st) == 0 && (st.st_mode & (S_IROTH | S_IWOTH | S_IWGRP)))
        unusable("is open to other accounts (mode " + mode_text(st.st_mode) + "): run `chmod 600 " + audit_key_file() +
                 "` (or 640, its group the windows' accounts), then try again");
    std::ifstream in(audit_key_file());
    if (!in) unusable("cannot be read by this account (" + std::string(std::strerror(errno)) + ")");
    std::string line;
    int number = 0;
    while (std::getline(in, line)) {
        ++number;
        if (line.empty() || line[0] == '#') continue;
        std::istringstream words(line);
        std::string id, algorithm, created, secret;
        words >> id >> algorithm >> created >> secret;
        auto parsed = core::parse_seal_algorithm(algorithm);
        auto bytes = unhex(secret);
        if (id.empty() || id.size() > 32 || !parsed || created.empty() || bytes.size() < 16)
            unusable("line " + std::to_string(number) + " is not `ID hmac-sha256|hmac-sm3 CREATED HEX`");
        keys[id] = core::AuditKey{id, *parsed, bytes, created};
    }
    return keys;
}

bool agency_key_configured() { return !load_audit_keys().empty(); }

std::optional<core::AuditKey> current_audit_key(const core::AuditKeys& keys) {
    const core::AuditKey* newest = nullptr;
    for (const auto& [id, key] : keys)
        if (!newest || key.created_at > newest->created_at) newest = &key;
    return newest ? std::optional(*newest) : std::nullopt;
}

core::AuditKey new_audit_key(core::SealAlgorithm algorithm) {
    auto existing = load_audit_keys();
    std::string raw(32, '\0');
    Poco::RandomInputStream random;
    random.read(raw.data(), static_cast<std::streamsize>(raw.size()));
    Poco::DigestEngine::Digest bytes(raw.begin(), raw.end());
    auto t = now().utc();
    core::AuditKey key;
    key.algorithm = algorithm;
    key.secret = raw;
    key.created_at = t;
    // "k20261203-1", numbered on past any key already in the file (one may have been removed).
    for (std::size_t n = existing.size() + 1; key.id.empty() || existing.count(key.id); ++n)
        key.id = "k" + t.substr(0, 4) + t.substr(5, 2) + t.substr(8, 2) + "-" + std::to_string(n);
    auto path = std::filesystem::path(audit_key_file());
    if (path.has_parent_path()) make_machine_settings_folder(path.parent_path().string());
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
    if (fd < 0) unusable("cannot be written (" + std::string(std::strerror(errno)) + ")");
    std::string line = key.id + " " + core::seal_algorithm_name(algorithm) + " " + key.created_at + " " +
                       Poco::DigestEngine::digestToHex(bytes) + "\n";
    bool written = ::write(fd, line.data(), line.size()) == static_cast<ssize_t>(line.size()) && ::fsync(fd) == 0;
    ::close(fd);
    if (!written) unusable("cannot be written");
    return key;
}

}  // namespace gongji::app
