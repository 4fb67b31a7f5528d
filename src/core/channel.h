#pragma once
// An online channel as the intake service knows it (interfaces.md third set): the keys its back
// end signs requests with, and the events it reads to tell applicants what became of them.
#include <optional>
#include <string>

#include "core/instant.h"

namespace gongji::core {

struct ChannelKey {
    std::string key_id;
    std::string via;     // core::kVias code
    std::string secret;  // hex; the service needs it to check each request's HMAC
    std::string created_by;
    Instant created_at;
    std::optional<Instant> revoked_at;
};

// One change of an online case, numbered per channel in commit order (`seq`).
struct CaseEvent {
    std::string via;
    long long seq = 0;
    std::string case_no, apply_no;
    std::string action;  // what happened: apply, accept, refuse, correct, resume, approve, reject, withdraw, expire, deliver
    std::string state;   // the case's state after it
    Instant at;
    std::string detail;  // JSON object: reason, note, missing papers, due day — as the state has them
};

}  // namespace gongji::core
