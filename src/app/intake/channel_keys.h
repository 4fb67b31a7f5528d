#pragma once
// The online channels' keys (interfaces.md third set): an administrator issues one per channel
// back end and revokes it; the intake service checks every request's signature with it. A
// channel acts in the audit log as its own account ("online-wechat"), which cannot log in, from
// a workstation named by the key ("intake-wechat-1f2e3d4c"): every entry says which key called.
#include <string>
#include <vector>

#include "app/platform/workspace.h"
#include "app/trust/auth.h"
#include "core/case_rules.h"
#include "core/channel.h"

namespace gongji::app {

struct IssuedKey {
    std::string key_id;
    std::string via;
    std::string secret;  // shown once, never again
};
// An administrator (the system's duty) issues a key for `via` (core::kVias: wechat, alipay, web,
// app, kiosk); BadInput("via_unknown") otherwise. Audited without the secret.
IssuedKey issue_channel_key(Workspace& ws, const Actor& actor, const std::string& via);
// From now on requests signed with it are refused. BadInput("key_unknown") for no such key.
void revoke_channel_key(Workspace& ws, const Actor& actor, const std::string& key_id);
// Every key, without its secret (administrators).
std::vector<core::ChannelKey> channel_keys(Workspace& ws, const Actor& actor);

// A request as it came, with what its signature covers.
struct SignedRequest {
    std::string method, path;
    std::string key_id, timestamp, nonce, signature;
    std::string body_sha256;  // hex
};
// The channel a request came from, once its signature held.
struct ChannelCaller {
    std::string key_id;
    core::Via via = core::Via::web;
    Actor actor;
};
constexpr long long kAllowedClockSkewSeconds = 300;
// Refused("signature", {"why": "missing" | "unknown_key" | "revoked" | "clock_skew" | "mismatch" |
// "replay"}) unless the request is signed with a live key, within 300 s of this clock, under a
// nonce the key never used before (the nonce is spent only by a request whose signature held).
ChannelCaller authenticate_request(Workspace& ws, const SignedRequest& request);

// The account a channel acts as.
std::string channel_account(core::Via via);

}  // namespace gongji::app
