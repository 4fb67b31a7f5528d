#pragma once
// Applications made online (domain.md §9): a channel's back end hands one over (the intake
// service, interfaces.md third set) and it waits in the agency's queue as `applied` until a
// clerk or supervisor accepts it, refuses it or asks for papers. The same checks as a window
// submission's that need no person: valid ID numbers of people in the roster, a known relation,
// every paper within the agency's limits. Whether the pair may bind is judged at acceptance.
#include <string>
#include <vector>

#include "app/cases/captured_papers.h"
#include "app/platform/workspace.h"
#include "app/trust/auth.h"
#include "core/case_record.h"

namespace gongji::app {

struct Applicant {
    std::string id_number, name, phone;
};

struct OnlineApplication {
    std::string apply_no;  // the channel's 办件号: 1–64 letters, digits, '-' or '_'
    core::Via via = core::Via::web;
    core::Instant submitted_at;
    Applicant authorizer, user;
    std::string relation;  // GB/T 4761
    std::vector<Upload> materials;
    bool commitment_signed = false;  // signed in the channel's own form
};

struct Received {
    core::Case application;
    bool created = false;  // false: the same application handed over again
};

// Stores the application with its papers, all or nothing, audited. Idempotent by the channel and
// its 办件号: the same body again (`body_sha256` equal) returns the case it made; another body
// under the number is Refused("apply_no_conflict"). BadInput with the window's problem codes for
// what cannot be a case, nothing stored.
Received receive_application(Workspace& ws, const Actor& channel, const OnlineApplication& application,
                             const std::string& body_sha256);

}  // namespace gongji::app
