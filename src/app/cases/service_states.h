#pragma once
// The service states of a case (domain.md §9, 政务服务 practice): an online application accepted
// (受理) or not (不予受理), the one request for every missing or unclear paper (一次性告知补正) and
// its answer or expiry, and delivery of the decision (送达). Each is one transaction with its
// audit entry; the decision itself is case_service's.
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "app/cases/captured_papers.h"
#include "app/trust/auth.h"
#include "app/platform/workspace.h"
#include "core/case_record.h"
#include "core/documents.h"

namespace gongji::app {

// Refused("not_online") for a window case, accepted as it was submitted.
// Accepts an application that arrived online into review (已受理, clerk or supervisor): judged
// by the rules as a window submission is (Refused("not_eligible") says why, and the case is then
// not accepted), and counted against the limits from then on. The time limit starts.
core::Case accept_case(Workspace& ws, const Actor& actor, const std::string& number);
// 不予受理 (clerk or supervisor), with a coded reason; a note is required with `other`.
core::Case refuse_case(Workspace& ws, const Actor& actor, const std::string& number, core::NotAcceptedReason reason,
                       const std::optional<std::string>& note);
// Asks, once in a case's life, for every paper missing or unclear (clerk or supervisor): the due
// day is `correction_days` working days on (setting, 5 unless set). The time limit stops.
core::Case ask_correction(Workspace& ws, const Actor& actor, const std::string& number,
                          const std::set<core::DocumentType>& missing, const std::string& note);
// The papers asked for have come (attached at the window, or uploaded): the case goes back to
// where it was asked from. `brought` are stored with the answer, all or nothing (an upload).
// Refused("correction_papers_missing") names a type still without a paper captured since the
// request.
core::Case answer_correction(Workspace& ws, const Actor& actor, const std::string& number,
                             const std::vector<CheckedPaper>& brought = {});
// Every correction due before today and not answered ends withdrawn, correction_expired
// (逾期未补正视为撤回申请). Returns those it ended. Clerk or supervisor.
std::vector<core::Case> expire_corrections(Workspace& ws, const Actor& actor);
// Records that a decision (or a refusal to accept) reached the applicant (送达): "window" when
// the citizen signed the 送达回执 at the window, "channel" when the online channel showed it.
core::Case deliver_case(Workspace& ws, const Actor& actor, const std::string& number, const std::string& how);

// The working days a correction is given (setting correction_days, 1–30, default 5).
int correction_days(Workspace& ws);
void set_correction_days(Workspace& ws, const Actor& actor, const std::string& value);

}  // namespace gongji::app
