#include "app/auth.h"

#include <Poco/DigestEngine.h>
#include <Poco/HMACEngine.h>
#include <Poco/PBKDF2Engine.h>
#include <Poco/RandomStream.h>
#include <Poco/SHA2Engine.h>

#include "app/errors.h"

namespace gongji::app {
namespace {

// HMACEngine needs the block and digest sizes as constants of the engine type.
class Sha256Engine : public Poco::SHA2Engine {
public:
    enum { BLOCK_SIZE = 64, DIGEST_SIZE = 32 };
    Sha256Engine() : Poco::SHA2Engine(Poco::SHA2Engine::SHA_256) {}
};

// About 60 ms on this machine: affordable at login, expensive for a guesser.
constexpr int kDefaultIterations = 120000;

std::string derive(const std::string& password, const std::string& salt, int iterations) {
    Poco::PBKDF2Engine<Poco::HMACEngine<Sha256Engine>> engine(salt, static_cast<unsigned>(iterations), 32);
    engine.update(password);
    return Poco::DigestEngine::digestToHex(engine.digest());
}

bool constant_time_equal(const std::string& a, const std::string& b) {
    if (a.size() != b.size()) return false;
    unsigned char diff = 0;
    for (size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

bool valid_username(const std::string& name) {
    if (name.empty() || name.size() > 64) return false;
    for (char c : name)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
              c == '-' || c == '.'))
            return false;
    return true;
}

}  // namespace

bool is_role(const std::string& role) {
    return role == "clerk" || role == "supervisor" || role == "admin";
}

PasswordHash hash_password(const std::string& password, int iterations) {
    if (iterations <= 0) iterations = kDefaultIterations;
    Poco::RandomInputStream random;
    std::string raw(16, '\0');
    random.read(&raw[0], static_cast<std::streamsize>(raw.size()));
    Poco::DigestEngine::Digest bytes(raw.begin(), raw.end());
    auto salt = Poco::DigestEngine::digestToHex(bytes);
    return {salt, derive(password, salt, iterations), iterations};
}

bool verify_password(const std::string& password, const PasswordHash& stored) {
    return constant_time_equal(derive(password, stored.salt, stored.iterations), stored.hash);
}

void add_user(Workspace& ws, const std::string& username, const std::string& role,
              const std::string& password) {
    if (!valid_username(username))
        throw BadInput("username: use 1–64 letters, digits, '.', '_' or '-'");
    if (!is_role(role)) throw BadInput("role: must be clerk, supervisor or admin, not \"" + role + "\"");
    if (password.empty()) throw BadInput("password: must not be empty");
    if (ws.users().find(username)) throw BadInput("username: \"" + username + "\" already exists");
    auto h = hash_password(password);
    storage::UserRecord u;
    u.username = username;
    u.role = role;
    u.password_salt = h.salt;
    u.password_hash = h.hash;
    u.iterations = h.iterations;
    u.created_at = storage::utc_now();
    ws.users().add(u);
}

Actor authenticate(Workspace& ws, const std::string& username, const std::string& password) {
    auto user = ws.users().find(username);
    if (!user || !verify_password(password, {user->password_salt, user->password_hash, user->iterations}))
        throw Refused("authentication_failed", "用户名或密码错误");
    if (user->disabled) throw Refused("forbidden", "用户“" + username + "”已停用");
    return {user->username, user->role};
}

void require_role(const Actor& actor, std::initializer_list<const char*> roles) {
    for (const char* r : roles)
        if (actor.role == r) return;
    std::string allowed;
    for (const char* r : roles) allowed += (allowed.empty() ? "" : ", ") + std::string(r);
    throw Refused("forbidden", "角色“" + actor.role + "”无权执行此操作（需要：" + allowed + "）");
}

}  // namespace gongji::app
