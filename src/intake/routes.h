#pragma once
// The intake service's calls (interfaces.md third set), apart from HTTP's plumbing: a request as
// it came in, the answer to send. Every answer is JSON; every refusal says why in "refused".
#include <map>
#include <mutex>
#include <string>

#include "app/platform/workspace.h"

namespace gongji::intake {

struct Incoming {
    std::string method;
    std::string target;  // path and query, as sent and signed
    std::string key_id, timestamp, nonce, signature;
    std::string body;
};

struct Reply {
    Reply() = default;
    Reply(int status_, std::string json_, int retry_after_ = 0, std::string refused_ = "")
        : status(status_), json(std::move(json_)), retry_after(retry_after_), refused(std::move(refused_)) {}
    int status = 200;
    std::string json;
    int retry_after = 0;  // seconds, with 429
    std::string refused;  // the code of a refusal, as in the body
    bool audited = false;  // the call's change has its own audit entries, naming the key
    std::string why;       // for the log, not the channel: which part of a signature failed
};

struct Limits {
    long long max_body_bytes = 32LL << 20;
    int max_materials = 10;
    int requests_per_minute = 600;
};

// Requests per key and minute (429 past the limit), counted in this process.
class RateLimiter {
public:
    // Seconds until the key may call again; 0 when this call is within its limit.
    int wait_for(const std::string& key_id, int per_minute, long long now_seconds);

private:
    std::mutex mutex_;
    std::map<std::string, std::pair<long long, int>> minutes_;  // key → (minute, calls in it)
};

Reply health(app::Workspace& ws);
Reply answer(app::Workspace& ws, const Incoming& request, const Limits& limits, RateLimiter& rate);
Reply refusal(int status, const std::string& code);
// A refusal made before a request reached answer() (a body over the limit), in the audit log.
void record_early_refusal(app::Workspace& ws, const Incoming& request, const Reply& reply);

}  // namespace gongji::intake
