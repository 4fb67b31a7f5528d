#include "storage/rating_repository.h"

#include <soci/soci.h>

#include "storage/row_values.h"

namespace gongji::storage {
namespace {

constexpr const char* kRatingColumns =
    "r.id, r.apply_no, r.case_no, r.round, r.grade, r.comment, r.rated_at, r.clerk, r.workstation, r.source, r.received_at";
constexpr const char* kFollowUpColumns =
    "f.rating_id, f.opened_at, f.contact_due, f.settle_due, f.contacted_at, f.contacted_by, f.settled_at, f.settled_by, "
    "f.contact_note, f.settle_note";

core::StoredRating rating_of(const soci::row& row) {
    core::StoredRating r;
    r.id = row_integer(row, 0);
    r.apply_no = row.get<std::string>(1);
    r.case_number = row.get<std::string>(2);
    r.round = static_cast<int>(row_integer(row, 3));
    r.grade = static_cast<int>(row_integer(row, 4));
    r.comment = row.get<std::string>(5);
    r.rated_at = row_instant(row, 6);
    r.clerk = row.get<std::string>(7);
    r.workstation = row.get<std::string>(8);
    r.source = row.get<std::string>(9);
    r.received_at = row_instant(row, 10);
    return r;
}

core::CivilDate date_of(const std::string& text) {
    auto d = core::CivilDate::parse(text);
    if (!d) throw soci::soci_error("not a stored date: \"" + text + "\"");
    return *d;
}

// The follow-up's columns from `at` on; nullopt where the row has none (a LEFT JOIN).
std::optional<core::FollowUp> follow_up_of(const soci::row& row, std::size_t at) {
    if (row.get_indicator(at) == soci::i_null) return std::nullopt;
    core::FollowUp f;
    f.rating_id = row_integer(row, at);
    f.opened_at = row_instant(row, at + 1);
    f.contact_due = date_of(row.get<std::string>(at + 2));
    f.settle_due = date_of(row.get<std::string>(at + 3));
    f.contacted_at = row_optional_instant(row, at + 4);
    f.contacted_by = row_optional_text(row, at + 5);
    f.settled_at = row_optional_instant(row, at + 6);
    f.settled_by = row_optional_text(row, at + 7);
    f.contact_note = row_optional_text(row, at + 8);
    f.settle_note = row_optional_text(row, at + 9);
    return f;
}

}  // namespace

std::vector<core::StoredRating> RatingRepository::of_case(const std::string& case_no) {
    std::vector<core::StoredRating> out;
    for_each_row(db_.sql(), std::string("SELECT ") + kRatingColumns + " FROM ratings r WHERE r.case_no = :c ORDER BY r.round",
                 [&](const soci::row& row) { out.push_back(rating_of(row)); }, case_no);
    return out;
}

long long RatingRepository::add(const core::StoredRating& r) {
    long long id = 0;
    const std::string rated = r.rated_at.utc(), received = r.received_at.utc();
    db_.sql() << "INSERT INTO ratings (apply_no, case_no, round, grade, comment, rated_at, clerk, workstation, source, received_at) "
                 "VALUES (:a, :c, :r, :g, :m, :t, :k, :w, :s, :at) RETURNING id",
        soci::use(r.apply_no), soci::use(r.case_number), soci::use(r.round), soci::use(r.grade), soci::use(r.comment),
        soci::use(rated), soci::use(r.clerk), soci::use(r.workstation), soci::use(r.source), soci::use(received),
        soci::into(id);
    return id;
}

void RatingRepository::open_follow_up(const core::FollowUp& f) {
    const std::string opened = f.opened_at.utc(), contact = f.contact_due.to_string(), settle = f.settle_due.to_string();
    db_.sql() << "INSERT INTO rating_follow_ups (rating_id, opened_at, contact_due, settle_due) VALUES (:r, :o, :c, :s)",
        soci::use(f.rating_id), soci::use(opened), soci::use(contact), soci::use(settle);
}

std::optional<core::FollowUp> RatingRepository::follow_up(long long rating_id) {
    std::optional<core::FollowUp> out;
    for_each_row(db_.sql(), std::string("SELECT ") + kFollowUpColumns + " FROM rating_follow_ups f WHERE f.rating_id = :r",
                 [&](const soci::row& row) { out = follow_up_of(row, 0); }, rating_id);
    return out;
}

void RatingRepository::record_contact(long long rating_id, const core::Instant& at, const std::string& by, const std::string& note) {
    const std::string when = at.utc();
    db_.sql() << "UPDATE rating_follow_ups SET contacted_at = :t, contacted_by = :b, contact_note = :n WHERE rating_id = :r",
        soci::use(when), soci::use(by), soci::use(note), soci::use(rating_id);
}

void RatingRepository::record_settled(long long rating_id, const core::Instant& at, const std::string& by, const std::string& note) {
    const std::string when = at.utc();
    db_.sql() << "UPDATE rating_follow_ups SET settled_at = :t, settled_by = :b, settle_note = :n WHERE rating_id = :r",
        soci::use(when), soci::use(by), soci::use(note), soci::use(rating_id);
}

std::vector<RatingRepository::Listed> RatingRepository::rated_between(const std::string& from, const std::string& to,
                                                                      bool follow_ups_only) {
    std::vector<Listed> out;
    for_each_row(db_.sql(),
                 std::string("SELECT ") + kRatingColumns + ", " + kFollowUpColumns + " FROM ratings r " +
                     (follow_ups_only ? "JOIN" : "LEFT JOIN") +
                     " rating_follow_ups f ON f.rating_id = r.id WHERE r.rated_at >= :f AND r.rated_at < :t ORDER BY r.rated_at, r.id",
                 [&](const soci::row& row) { out.push_back({rating_of(row), follow_up_of(row, 11)}); }, from, to);
    return out;
}

std::vector<RatingRepository::Listed> RatingRepository::open_follow_ups() {
    std::vector<Listed> out;
    for_each_row(db_.sql(),
                 std::string("SELECT ") + kRatingColumns + ", " + kFollowUpColumns +
                     " FROM ratings r JOIN rating_follow_ups f ON f.rating_id = r.id WHERE f.settled_at IS NULL ORDER BY f.opened_at, r.id",
                 [&](const soci::row& row) { out.push_back({rating_of(row), follow_up_of(row, 11)}); });
    return out;
}

}  // namespace gongji::storage
