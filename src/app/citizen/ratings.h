#pragma once
// 好差评 (domain.md §9): ratings come back from the province's rating system — its export file
// (`gongji rating import`) or the intake service (POST /v1/ratings) — and are kept as given: no
// account enters or changes one. A 差评 (grade 1–2) opens a follow-up for the supervisors:
// contact within 1 working day, settled within 15; one more rating after it.
#include <optional>
#include <string>
#include <vector>

#include "app/imports/roster_import.h"
#include "app/imports/text_encoding.h"
#include "app/platform/workspace.h"
#include "app/trust/auth.h"
#include "core/rating.h"

namespace gongji::app {

struct RatingReceipt {
    core::StoredRating rating;
    bool repeated = false;  // the same rating again: nothing changed
    std::optional<core::FollowUp> follow_up;
};

// Stores a rating of case `case_number` from `source`; the caller has established who may send
// it. BadInput("rating_invalid") for a grade out of 1–5 or a comment over its limit; Refused
// "service_not_finished" (an application nobody has looked at yet), "already_rated",
// "follow_up_already_rated". Audited as rating.receive, with the follow-up it opened.
RatingReceipt store_rating(Workspace& ws, const Actor& actor, const std::string& case_number, const core::RatingInput& in,
                           const std::string& source);

struct RatingImport {
    size_t read = 0, added = 0, repeated = 0, follow_ups = 0;
    std::vector<RejectedLine> rejected;  // each with its line, a code and why
    std::string encoding;
};
// Administrator. The rating system's export: CSV `apply_no,grade,comment,rated_at` (header
// required; UTF-8 or GB18030; rated_at China time "YYYY-MM-DD HH:MM:SS" or ISO 8601 with its
// offset). One transaction: the good lines are stored, the others listed; importing the file
// again adds nothing. BadInput("ratings_header_missing") without the header.
RatingImport import_ratings(Workspace& ws, const Actor& actor, const std::string& path, Encoding encoding = Encoding::auto_detect);
RatingImport import_ratings_text(Workspace& ws, const Actor& actor, std::string bytes, Encoding encoding,
                                 const std::string& source);

struct RatingEntry {
    core::StoredRating rating;
    std::optional<core::FollowUp> follow_up;
    bool overdue = false;  // the follow-up is late today
};
enum class FollowUpFilter { any, open, overdue };
// Supervisor or administrator. `month` "YYYY-MM" (China time of the rating), else every rating;
// open or overdue follow-ups whatever their month.
std::vector<RatingEntry> list_ratings(Workspace& ws, const Actor& actor, FollowUpFilter filter,
                                      const std::optional<std::string>& month);

enum class FollowUpStep { contacted, settled };
// Supervisor: the follow-up of the 差评 of the service `apply_no` (its latest open one) reached
// the citizen, or was settled (settling records contact too when not yet recorded). Refused
// "no_follow_up" where none is open; BadInput for an empty note. Audited.
RatingEntry record_follow_up(Workspace& ws, const Actor& actor, const std::string& apply_no, FollowUpStep step,
                             const std::string& note);

// The one case a 办件号 names: Refused "apply_no_unknown", or "apply_no_ambiguous" when
// two channels use the same number (the channel's own call names it unambiguously).
std::string case_of_service(Workspace& ws, const std::string& apply_no);

}  // namespace gongji::app
