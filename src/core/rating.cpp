#include "core/rating.h"

#include "core/text_limits.h"

namespace gongji::core {

bool FollowUp::overdue(const CivilDate& today) const {
    return (!contacted_at && contact_due < today) || (!settled_at && settle_due < today);
}

RatingPlace place_rating(const std::vector<StoredRating>& so_far, const RatingInput& in, bool first_settled) {
    RatingPlace place;
    for (const auto& r : so_far)
        if (r.grade == in.grade && r.comment == in.comment && r.rated_at == in.rated_at) {
            place.round = r.round;
            place.repeated = true;
            return place;
        }
    if (so_far.empty()) return place;
    const StoredRating* first = nullptr;
    for (const auto& r : so_far) {
        if (r.round == 2) {
            place.refused = "follow_up_already_rated";  // one rating after the follow-up, no more
            return place;
        }
        first = &r;
    }
    // A second rating only of a 差评's follow-up, once settled, and given after the first.
    if (!first || !opens_follow_up(first->grade)) place.refused = "already_rated";
    else if (!first_settled) place.refused = "follow_up_not_settled";
    else if (in.rated_at <= first->rated_at) place.refused = "rated_before_first";
    else place.round = 2;
    return place;
}

std::string rating_problem(const RatingInput& in) {
    if (in.grade < 1 || in.grade > 5) return "the grade is 1 to 5";
    if (auto problem = text_problem(in.comment, kRatingCommentLimit); !problem.empty())
        return text_problem_message(problem, kRatingCommentLimit);
    return "";
}

}  // namespace gongji::core
