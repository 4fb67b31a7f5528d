#pragma once
// 好差评 (domain.md §9; 国办发〔2019〕51号, GB/T 39734-2020): the grade a citizen gave a finished
// service, as the province's rating system sends it back. A rating is the citizen's: the agency
// never enters or changes one. A 差评 (grade 1–2) opens a follow-up, and after it the citizen may
// rate once more (the second round).
#include <optional>
#include <string>
#include <vector>

#include "core/civil_date.h"
#include "core/instant.h"
#include "core/text_limits.h"

namespace gongji::core {

constexpr int kContactWorkingDays = 1;   // the citizen of a 差评 is contacted within this
constexpr int kSettleWorkingDays = 15;   // and the matter settled within this
inline constexpr TextLimit kRatingCommentLimit{"comment", 500, true};

struct RatingInput {
    std::string apply_no;  // 办件号: the channel's apply_no, or the window's case number
    int grade = 0;         // 1 (very dissatisfied) … 5 (very satisfied)
    std::string comment;
    Instant rated_at;
};

struct StoredRating {
    long long id = 0;
    std::string apply_no, case_number;
    int round = 1;
    int grade = 0;
    std::string comment;
    Instant rated_at;
    std::string clerk, workstation;  // who served, when the rating came
    std::string source;              // "import:FILE" or "intake:KEY_ID"
    Instant received_at;
};

struct FollowUp {
    long long rating_id = 0;
    Instant opened_at;
    CivilDate contact_due, settle_due;
    std::optional<Instant> contacted_at, settled_at;
    std::optional<std::string> contacted_by, settled_by;
    std::optional<std::string> contact_note, settle_note;  // what was done, each step's own
    // Late today: not contacted after its contact day, or not settled after its settle day.
    bool overdue(const CivilDate& today) const;
};

inline bool opens_follow_up(int grade) { return grade <= 2; }

// Where an incoming rating goes among the service's ratings so far: a new round, the same
// rating again (a retry, changed nothing), or refused with a problem code.
struct RatingPlace {
    int round = 1;
    bool repeated = false;
    std::optional<std::string> refused;  // already_rated, follow_up_not_settled, rated_before_first, follow_up_already_rated
};
// `first_settled`: the follow-up of the first rating (a 差评) was settled; the citizen's second
// rating is of what it did.
RatingPlace place_rating(const std::vector<StoredRating>& so_far, const RatingInput& in, bool first_settled);

// An empty string when the grade and comment may be a rating, else what is wrong.
std::string rating_problem(const RatingInput& in);

}  // namespace gongji::core
