#include "app/citizen/ratings.h"

#include <algorithm>

#include "app/cases/case_service.h"
#include "app/oversight/stats_service.h"
#include "app/platform/clock.h"
#include "app/platform/errors.h"
#include "app/platform/paths.h"
#include "app/platform/stores.h"
#include "app/setup/calendar.h"
#include "app/trust/audit.h"
#include "app/trust/audit_record.h"
#include "core/csv.h"
#include "core/json_writer.h"
#include "core/recorded_settlement.h"

namespace gongji::app {
namespace {

// Who served the citizen, as the figures count it: the window's clerk and window; an online
// application's decider, at its channel.
std::pair<std::string, std::string> served_by(const core::Case& c) {
    if (c.channel == core::Channel::online)
        return {c.decided_by.value_or(c.created_by), std::string("online:") + (c.via ? core::kVias.code(*c.via) : "")};
    return {c.created_by, c.workstation};
}

// A person at the agency has served it: accepted at least (a rating may come at 受理 and at 办结).
bool served(const core::Case& c) { return c.status != core::CaseStatus::draft && c.status != core::CaseStatus::applied; }

// What an import's line says of a rating it could not take, in the agency's words.
std::string refusal_words(const std::string& code) {
    if (code == "apply_no_unknown") return "办件号不存在";
    if (code == "apply_no_ambiguous") return "办件号在多个渠道重复，请由渠道接口回传";
    if (code == "service_not_finished") return "办件尚未受理，不能评价";
    if (code == "already_rated") return "该办件已评价，仅差评整改后可再评价一次";
    if (code == "follow_up_already_rated") return "该办件整改后已再次评价";
    if (code == "follow_up_not_settled") return "该办件的差评整改尚未办结，办结后方可再次评价";
    if (code == "rated_before_first") return "再次评价的时间早于首次评价";
    return code;
}

std::string key_of(const core::StoredRating& r) { return r.case_number + "/" + std::to_string(r.round); }

}  // namespace

std::string case_of_service(Workspace& ws, const std::string& apply_no) {
    const auto numbers = stores(ws).cases.numbers_of_service(apply_no);
    if (numbers.empty()) throw Refused("apply_no_unknown", {{"apply_no", apply_no}});
    if (numbers.size() > 1) throw Refused("apply_no_ambiguous", {{"apply_no", apply_no}});
    return numbers.front();
}

namespace {

// Within the caller's transaction: every check comes before the first write, so a refused
// rating leaves the transaction as it was (an import goes on with its next line).
RatingReceipt add_rating(Workspace& ws, const Actor& actor, const std::string& case_number, const core::RatingInput& in,
                         const std::string& source) {
    if (auto problem = core::rating_problem(in); !problem.empty())
        throw BadInput("rating: " + problem, {"rating_invalid", {{"apply_no", in.apply_no}, {"why", problem}}});
    const auto c = find_case(ws, case_number);
    // A rating is given after the service and not after now (a file's clock may be a few minutes
    // off): one dated otherwise would count in a month that had no such service.
    constexpr long long kClockSkewSeconds = 300;
    if (in.rated_at < c.created_at || in.rated_at > now().plus(kClockSkewSeconds)) {
        const std::string why = in.rated_at < c.created_at ? "before the service (" + c.created_at.china() + ")" : "in the future";
        throw BadInput("rated_at " + in.rated_at.china() + ": " + why,
                       {"rated_at_invalid", {{"apply_no", in.apply_no}, {"why", why}}});
    }
    if (!served(c))
        throw Refused("service_not_finished", {{"case", c.number}, {"status", core::case_status_name(c.status)}});
    auto& ratings = stores(ws).ratings;
    const auto so_far = ratings.of_case(c.number);
    bool first_settled = false;  // the 差评's follow-up, done: the citizen may say what they think of it
    for (const auto& r : so_far)
        if (auto f = r.round == 1 ? ratings.follow_up(r.id) : std::nullopt) first_settled = f->settled_at.has_value();
    const auto place = core::place_rating(so_far, in, first_settled);
    if (place.refused) throw Refused(*place.refused, {{"apply_no", in.apply_no}, {"case", c.number}});
    RatingReceipt receipt;
    if (place.repeated) {
        receipt.repeated = true;
        receipt.rating = *std::find_if(so_far.begin(), so_far.end(), [&](const auto& r) { return r.round == place.round; });
        receipt.follow_up = ratings.follow_up(receipt.rating.id);
        return receipt;
    }
    auto& r = receipt.rating;
    r.apply_no = in.apply_no;
    r.case_number = c.number;
    r.round = place.round;
    r.grade = in.grade;
    r.comment = in.comment;
    r.rated_at = in.rated_at;
    std::tie(r.clerk, r.workstation) = served_by(c);
    r.source = source;
    r.received_at = now();
    r.id = ratings.add(r);
    if (r.round == 1 && core::opens_follow_up(r.grade)) {
        const auto calendar = working_calendar(ws);
        core::FollowUp f;
        f.rating_id = r.id;
        f.opened_at = r.received_at;
        f.contact_due = calendar.add_working_days(r.received_at.china_date(), core::kContactWorkingDays);
        f.settle_due = calendar.add_working_days(r.received_at.china_date(), core::kSettleWorkingDays);
        ratings.open_follow_up(f);
        receipt.follow_up = f;
    }
    audit(ws, {actor.username, actor.workstation}, "rating.receive", "rating", key_of(r), "", audit_record(r, receipt.follow_up));
    return receipt;
}

}  // namespace

RatingReceipt store_rating(Workspace& ws, const Actor& actor, const std::string& case_number, const core::RatingInput& in,
                           const std::string& source) {
    storage::Transaction tx(database(ws));
    auto receipt = add_rating(ws, actor, case_number, in, source);
    tx.commit();
    return receipt;
}

RatingImport import_ratings(Workspace& ws, const Actor& actor, const std::string& path, Encoding encoding) {
    require_role(actor, {core::Role::admin});
    return import_ratings_text(ws, actor, read_file(path), encoding, path);
}

RatingImport import_ratings_text(Workspace& ws, const Actor& actor, std::string bytes, Encoding encoding,
                                 const std::string& source) {
    require_role(actor, {core::Role::admin});
    RatingImport report;
    const std::string text = to_utf8(std::move(bytes), encoding, report.encoding);
    core::CsvReader reader(text);
    std::vector<std::string> fields;
    std::string missing;
    const auto found = reader.next(fields) ? core::find_columns(fields, {"apply_no", "grade", "comment", "rated_at"}, missing)
                                           : std::nullopt;
    if (!found)
        throw BadInput("the first line must name the columns apply_no,grade,comment,rated_at",
                       {"ratings_header_missing", {{"missing", missing}}});
    const auto& col = *found;
    const std::string from = "import:" + audit_file_key(source);
    storage::Transaction tx(database(ws));
    while (reader.next(fields)) {
        ++report.read;
        const auto line = reader.line();
        auto field = [&](size_t i) { return std::string(fields.size() > col[i] ? core::trim_blanks(fields[col[i]]) : ""); };
        auto reject = [&](const std::string& code, const std::string& message) {
            report.rejected.push_back({line, code, message, {{"apply_no", field(0)}}});
        };
        core::RatingInput in;
        in.apply_no = field(0);
        const auto grade = field(1);
        in.grade = grade.size() == 1 && grade[0] >= '1' && grade[0] <= '5' ? grade[0] - '0' : 0;
        in.comment = field(2);
        const auto rated = core::parse_platform_time(field(3));
        if (in.apply_no.empty()) { reject("apply_no_missing", "缺少办件号"); continue; }
        if (!in.grade) { reject("rating_invalid", "评价等级应为 1 至 5，不是“" + grade + "”"); continue; }
        if (!rated) { reject("rated_at_invalid", "评价时间“" + field(3) + "”无法识别"); continue; }
        in.rated_at = {*rated};
        try {
            const auto receipt = add_rating(ws, actor, case_of_service(ws, in.apply_no), in, from);
            ++(receipt.repeated ? report.repeated : report.added);
            if (receipt.follow_up && !receipt.repeated) ++report.follow_ups;
        } catch (const Refused& e) {
            reject(e.code(), refusal_words(e.code()));
        } catch (const BadInput& e) {
            reject(e.problem().code, e.problem().code == "rated_at_invalid" ? "评价时间早于办件或晚于当前时间" : e.what());
        }
    }
    tx.commit();
    return report;
}

std::vector<RatingEntry> list_ratings(Workspace& ws, const Actor& actor, FollowUpFilter filter,
                                      const std::optional<std::string>& month) {
    require_role(actor, {core::Role::supervisor, core::Role::admin});
    auto& ratings = stores(ws).ratings;
    std::vector<storage::RatingRepository::Listed> listed;
    if (filter != FollowUpFilter::any) {
        listed = ratings.open_follow_ups();
    } else if (month) {
        const auto span = month_span(*month);
        listed = ratings.rated_between(span.from_utc, span.to_utc, false);
    } else {
        listed = ratings.rated_between("", "~", false);  // every stored time sorts between these
    }
    const auto today = china_today();
    std::vector<RatingEntry> out;
    for (auto& l : listed) {
        RatingEntry e{std::move(l.rating), std::move(l.follow_up), false};
        e.overdue = e.follow_up && e.follow_up->overdue(today);
        if (filter == FollowUpFilter::overdue && !e.overdue) continue;
        out.push_back(std::move(e));
    }
    return out;
}

RatingEntry record_follow_up(Workspace& ws, const Actor& actor, const std::string& apply_no, FollowUpStep step,
                             const std::string& note) {
    require_role(actor, {core::Role::supervisor});
    if (core::trim_blanks(note).empty())
        throw BadInput("--note: say what was done", {"note_missing", {}});
    require_within(note, core::kNoteLimit);
    storage::Transaction tx(database(ws));
    const auto number = case_of_service(ws, apply_no);
    auto& ratings = stores(ws).ratings;
    for (auto& r : ratings.of_case(number)) {
        auto f = ratings.follow_up(r.id);
        if (!f || f->settled_at) continue;
        if (step == FollowUpStep::contacted && f->contacted_at)
            throw Refused("already_contacted", {{"apply_no", apply_no}, {"at", f->contacted_at->utc()}});
        const auto before = audit_record(*f);
        const auto at = now();
        if (!f->contacted_at) {
            ratings.record_contact(r.id, at, actor.username, note);
            f->contacted_at = at;
            f->contacted_by = actor.username;
            f->contact_note = note;
        }
        if (step == FollowUpStep::settled) {
            ratings.record_settled(r.id, at, actor.username, note);
            f->settled_at = at;
            f->settled_by = actor.username;
            f->settle_note = note;
        }
        audit(ws, {actor.username, actor.workstation},
              step == FollowUpStep::settled ? "rating.settle" : "rating.contact", "rating", key_of(r), before,
              audit_record(*f));
        tx.commit();
        RatingEntry e{r, f, f->overdue(china_today())};
        return e;
    }
    throw Refused("no_follow_up", {{"apply_no", apply_no}});
}

}  // namespace gongji::app
