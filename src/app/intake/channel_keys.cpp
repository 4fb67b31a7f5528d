#include "app/intake/channel_keys.h"

#include <Poco/DigestEngine.h>
#include <Poco/RandomStream.h>

#include <cctype>

#include "app/intake/request_signature.h"
#include "app/platform/clock.h"
#include "app/platform/errors.h"
#include "app/platform/stores.h"
#include "app/trust/audit.h"
#include "core/json_writer.h"

namespace gongji::app {
namespace {

std::string random_hex(std::size_t bytes) {
    Poco::RandomInputStream random;
    std::string raw(bytes, '\0');
    random.read(&raw[0], static_cast<std::streamsize>(raw.size()));
    return Poco::DigestEngine::digestToHex(Poco::DigestEngine::Digest(raw.begin(), raw.end()));
}

// The channel's account: made the first time a key is issued for it, and disabled at once, so
// it signs the log but nobody can log in as it.
void ensure_channel_account(Workspace& ws, const Actor& actor, core::Via via) {
    const auto name = channel_account(via);
    auto account = stores(ws).users.find(name);
    if (!account)
        add_user(ws, actor.username, name, core::Role::clerk, random_hex(32),
                 std::string("网上渠道：") + core::kVias.label(via), false);
    if (!account || !account->disabled) set_user_disabled(ws, actor, name, true);
}

[[noreturn]] void refuse(const char* why) { throw Refused("signature", {{"why", why}}); }

}  // namespace

std::string channel_account(core::Via via) { return std::string("online-") + core::kVias.code(via); }

IssuedKey issue_channel_key(Workspace& ws, const Actor& actor, const std::string& via_text) {
    require_role(actor, {core::Role::admin});
    require_duty(actor, core::Duty::system);
    auto via = core::kVias.parse(via_text);
    if (!via)
        throw BadInput("channel: one of wechat, alipay, web, app, kiosk, not \"" + via_text + "\"",
                       {"via_unknown", {{"via", via_text}}});
    ensure_channel_account(ws, actor, *via);
    core::ChannelKey key;
    key.key_id = via_text + "-" + random_hex(4);
    key.via = via_text;
    key.secret = random_hex(32);
    key.created_by = actor.username;
    key.created_at = now();
    storage::Transaction tx(database(ws));
    stores(ws).intake.add_key(key);
    core::JsonWriter after;
    after.begin_object().key("key_id").value(key.key_id).key("via").value(key.via).end_object();
    audit(ws, {actor.username, actor.workstation}, "intake.key_new", "intake_key", key.key_id, "", after.str());
    tx.commit();
    return {key.key_id, key.via, key.secret};
}

void revoke_channel_key(Workspace& ws, const Actor& actor, const std::string& key_id) {
    require_role(actor, {core::Role::admin});
    require_duty(actor, core::Duty::system);
    storage::Transaction tx(database(ws));
    auto key = stores(ws).intake.find_key(key_id);
    if (!key) throw BadInput("key: no channel key \"" + key_id + "\"", {"key_unknown", {{"key_id", key_id}}});
    if (!key->revoked_at) {
        stores(ws).intake.revoke_key(key_id, now());
        audit(ws, {actor.username, actor.workstation}, "intake.key_revoke", "intake_key", key_id, "{\"revoked\":false}",
              "{\"revoked\":true}");
    }
    tx.commit();
}

std::vector<core::ChannelKey> channel_keys(Workspace& ws, const Actor& actor) {
    require_role(actor, {core::Role::admin});
    auto keys = stores(ws).intake.keys();
    for (auto& k : keys) k.secret.clear();
    return keys;
}

ChannelCaller authenticate_request(Workspace& ws, const SignedRequest& r) {
    if (r.key_id.empty() || r.timestamp.empty() || r.nonce.empty() || r.signature.empty() || r.nonce.size() > 64 ||
        r.key_id.size() > 32)
        refuse("missing");
    auto key = stores(ws).intake.find_key(r.key_id);
    if (!key) refuse("unknown_key");
    if (key->revoked_at) refuse("revoked");
    long long sent = 0;
    try {
        std::size_t used = 0;
        sent = std::stoll(r.timestamp, &used);
        if (used != r.timestamp.size()) refuse("clock_skew");
    } catch (const std::logic_error&) {
        refuse("clock_skew");
    }
    const long long here = now().seconds;
    if (sent < here - kAllowedClockSkewSeconds || sent > here + kAllowedClockSkewSeconds) refuse("clock_skew");
    std::string signature = r.signature;  // hex in either case
    for (char& c : signature) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (!same_signature(request_signature(key->secret, r.method, r.path, r.timestamp, r.nonce, r.body_sha256), signature))
        refuse("mismatch");
    // Spent only now: a forged request cannot use up a channel's nonces.
    if (!stores(ws).intake.use_nonce(key->key_id, r.nonce, here, here - 2 * kAllowedClockSkewSeconds)) refuse("replay");
    ChannelCaller caller;
    caller.key_id = key->key_id;
    caller.via = *core::kVias.parse(key->via);
    caller.actor = Actor(channel_account(caller.via), core::Role::clerk, "intake-" + key->key_id);
    return caller;
}

}  // namespace gongji::app
