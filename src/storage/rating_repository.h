#pragma once
// 好差评: the ratings citizens gave (only ever added) and the follow-ups of the 差评.
#include <optional>
#include <string>
#include <vector>

#include "core/rating.h"
#include "storage/database.h"

namespace gongji::storage {

class RatingRepository {
public:
    explicit RatingRepository(Database& db) : db_(db) {}

    std::vector<core::StoredRating> of_case(const std::string& case_no);
    // Within the caller's transaction; returns the new rating's id.
    long long add(const core::StoredRating& r);
    void open_follow_up(const core::FollowUp& f);
    std::optional<core::FollowUp> follow_up(long long rating_id);
    void record_contact(long long rating_id, const core::Instant& at, const std::string& by, const std::string& note);
    void record_settled(long long rating_id, const core::Instant& at, const std::string& by, const std::string& note);

    struct Listed {
        core::StoredRating rating;
        std::optional<core::FollowUp> follow_up;
    };
    // Ratings given in [from, to) (UTC text), oldest first; `follow_ups_only` for those with one.
    std::vector<Listed> rated_between(const std::string& from, const std::string& to, bool follow_ups_only);
    // Every follow-up not settled yet, with its rating, oldest first.
    std::vector<Listed> open_follow_ups();

private:
    Database& db_;
};

}  // namespace gongji::storage
