// rating: 好差评, the ratings citizens gave (domain.md §9; interfaces.md third set). Nothing here
// enters or changes a grade: they come only from the rating system's export or its channel.
#include "app/citizen/rating_link.h"
#include "app/citizen/ratings.h"
#include "cli/commands.h"
#include "cli/json_output.h"
#include "cli/sub_commands.h"
#include "core/json_writer.h"

#include <iostream>

namespace gongji::cli {
namespace {

const char* const kUsage =
    "usage: gongji rating link CASE | rating import FILE [--encoding auto|utf-8|gb18030] | "
    "rating list [--follow-up open|overdue] [--month YYYY-MM] | rating contacted APPLY_NO --note TEXT | "
    "rating settled APPLY_NO --note TEXT";

void write_time(core::JsonWriter& w, const char* key, const std::optional<core::Instant>& t) {
    w.key(key);
    if (t) w.value(core::china_text(t, core::ChinaFormat::iso)); else w.null();
}

void write_entry(core::JsonWriter& w, const app::RatingEntry& e) {
    const auto& r = e.rating;
    w.begin_object().key("apply_no").value(r.apply_no).key("case").value(r.case_number).key("round").value(r.round);
    w.key("grade").value(r.grade).key("comment").value(r.comment);
    write_time(w, "rated_at", r.rated_at);
    w.key("clerk").value(r.clerk).key("window").value(r.workstation).key("source").value(r.source);
    w.key("follow_up");
    if (e.follow_up) {
        const auto& f = *e.follow_up;
        w.begin_object().key("contact_due").value(f.contact_due.to_string()).key("settle_due").value(f.settle_due.to_string());
        write_time(w, "contacted_at", f.contacted_at);
        write_time(w, "settled_at", f.settled_at);
        w.key("contact_note").value(f.contact_note.value_or("")).key("settle_note").value(f.settle_note.value_or(""));
        w.key("overdue").value(e.overdue).end_object();
    } else {
        w.null();
    }
    w.end_object();
}

int link(Session& s, const Args& args) {
    args.allow_only({});
    args.expect_positional(2, "CASE");
    std::cout << app::rating_link(s.workspace(), s.actor(), args.positional()[1]) << "\n";
    return 0;
}

int import(Session& s, const Args& args) {
    args.allow_only({"encoding"});
    args.expect_positional(2, "FILE");
    auto encoding = app::parse_encoding(args.option("encoding").value_or("auto"));
    auto report = app::import_ratings(s.workspace(), s.actor(), args.positional()[1], encoding);
    core::JsonWriter w(true);
    w.begin_object().key("read").value(static_cast<long long>(report.read));
    w.key("added").value(static_cast<long long>(report.added)).key("repeated").value(static_cast<long long>(report.repeated));
    w.key("follow_ups_opened").value(static_cast<long long>(report.follow_ups)).key("rejected");
    write_rejected(w, report.rejected);
    w.key("encoding").value(report.encoding).end_object();
    print_json(w.str());
    return 0;
}

int list(Session& s, const Args& args) {
    args.allow_only({"follow-up", "month"});
    args.expect_positional(1, "");
    auto filter = app::FollowUpFilter::any;
    if (auto f = args.option("follow-up")) {
        if (*f == "open") filter = app::FollowUpFilter::open;
        else if (*f == "overdue") filter = app::FollowUpFilter::overdue;
        else throw usage_error("rating list --follow-up: open or overdue, not \"" + *f + "\"");
    }
    core::JsonWriter w(true);
    w.begin_array();
    for (const auto& e : app::list_ratings(s.workspace(), s.actor(), filter, args.option("month"))) write_entry(w, e);
    w.end_array();
    print_json(w.str());
    return 0;
}

int follow_up(Session& s, const Args& args, app::FollowUpStep step) {
    args.allow_only({"note"});
    args.expect_positional(2, "APPLY_NO");
    auto entry = app::record_follow_up(s.workspace(), s.actor(), args.positional()[1], step, args.required("note"));
    core::JsonWriter w(true);
    write_entry(w, entry);
    print_json(w.str());
    return 0;
}

int contacted(Session& s, const Args& args) { return follow_up(s, args, app::FollowUpStep::contacted); }
int settled(Session& s, const Args& args) { return follow_up(s, args, app::FollowUpStep::settled); }

const SubCommand kRating[] = {{"link", link}, {"import", import}, {"list", list}, {"contacted", contacted}, {"settled", settled}};

}  // namespace

int run_rating(Session& s, const Words& words) { return run_sub_command(s, words, {}, kRating, kUsage); }

}  // namespace gongji::cli
