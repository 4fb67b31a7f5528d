#include "app/oversight/stats_service.h"

#include "app/cases/time_limits.h"

#include <algorithm>
#include <map>

#include "app/trust/audit.h"
#include "app/platform/errors.h"
#include "app/platform/stores.h"
#include "core/case_rules.h"
#include "core/instant.h"
#include "core/json_writer.h"
#include "core/natural_order.h"
#include "core/relation.h"

namespace gongji::app {
namespace {

// Where a case was taken in: a window, or for an online application its channel ("网上（微信）"),
// never the intake service's key.
std::string window_of(const std::string& workstation, const std::string& clerk) {
    if (clerk.rfind("online-", 0) == 0)
        if (auto via = core::kVias.parse(clerk.substr(7))) return core::online_window_label(*via);
    return workstation;
}

// Interpolated between the two nearest, so that the median of two is their mean.
double percentile(const std::vector<double>& sorted, double p) {
    if (sorted.empty()) return 0;
    const double at = p * static_cast<double>(sorted.size() - 1);
    const auto below = static_cast<size_t>(at);
    const auto above = std::min(below + 1, sorted.size() - 1);
    return sorted[below] + (sorted[above] - sorted[below]) * (at - static_cast<double>(below));
}

template <class Map>
std::vector<std::pair<std::string, long long>> most_first(const Map& counts) {
    std::vector<std::pair<std::string, long long>> out(counts.begin(), counts.end());
    std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    return out;
}

}  // namespace

std::string use_label(const std::string& use) {
    static const std::map<std::string, std::string> labels = {
        {"clinic", "门诊"}, {"inpatient", "住院"}, {"pharmacy", "药店购药"}, {"resident_premium", "代缴居民医保"},
        {"ltc_premium", "长护险缴费"}, {"commercial_insurance", "普惠商业保险"}, {"public_health", "公共卫生"},
        {"fitness", "体育健身"}, {"wellness", "养生保健"},
    };
    auto it = labels.find(use);
    return it == labels.end() ? use : it->second;
}

namespace {

// A decision against the day it was due, in working days from acceptance, the days a correction
// asked after acceptance held added.
void count_time_limit(const TimeLimits& limits, const storage::StatsRepository::Decision& d, MonthlyFigures::TimeLimitRow& row) {
    const auto accepted = core::Instant::parse(d.submitted_at), decided = core::Instant::parse(d.decided_at);
    if (!accepted || !decided) return;
    auto instant = [](const std::optional<std::string>& text) { return text ? core::Instant::parse(*text) : std::nullopt; };
    const auto due = limits.due(*accepted, instant(d.correction_asked_at), instant(d.correction_answered_at), d.promised_days);
    if (!due) return;
    row.promised = true;
    ++(decided->china_date() <= *due ? row.in_time : row.late);
}

}  // namespace

MonthSpan month_span(const std::string& text) {
    auto date = text.size() == 7 ? core::CivilDate::parse(text + "-01") : std::nullopt;
    if (!date) throw BadInput("--month: YYYY-MM, not \"" + text + "\"", {"month_invalid", {{"text", text}}});
    MonthSpan m;
    m.first = *date;
    const auto next = date->month == 12 ? core::CivilDate{date->year + 1, 1, 1} : core::CivilDate{date->year, date->month + 1, 1};
    m.last = core::CivilDate::from_days_since_epoch(next.days_since_epoch() - 1);
    m.from_utc = core::format_utc(core::china_day_start(m.first));
    m.to_utc = core::format_utc(core::china_day_start(next));
    return m;
}

MonthlyFigures monthly_figures(Workspace& ws, const Actor& actor, const std::string& month_text) {
    require_role(actor, {core::Role::supervisor, core::Role::admin});
    const auto span = month_span(month_text);
    MonthlyFigures f;
    f.year = span.first.year;
    f.month = span.first.month;
    f.first = span.first;
    f.last = span.last;
    const auto &from = span.from_utc, &to = span.to_utc;
    auto& stats = stores(ws).stats;

    // Cases taken in (submitted) this month, and the decisions made in it.
    std::map<std::string, MonthlyFigures::CaseRow> kinds;
    std::map<std::string, long long, core::NaturalLess> windows, clerks;  // 窗口2 before 窗口10 at equal counts
    for (const auto& c : stats.cases_submitted(from, to)) {
        auto& row = kinds[c.kind];
        row.kind = c.kind;
        row.submitted += c.count;
        switch (core::parse_case_status(c.status).value_or(core::CaseStatus::submitted)) {
            case core::CaseStatus::approved: row.approved += c.count; break;
            case core::CaseStatus::rejected: row.rejected += c.count; break;
            case core::CaseStatus::withdrawn: row.withdrawn += c.count; break;
            case core::CaseStatus::draft:
            case core::CaseStatus::applied:
            case core::CaseStatus::correction:  // waiting for the applicant's papers
            case core::CaseStatus::submitted: row.waiting += c.count; break;
            case core::CaseStatus::not_accepted: break;  // never taken in: it has no submitted_at
        }
        windows[window_of(c.workstation, c.clerk)] += c.count;
        clerks[c.clerk] += c.count;
    }
    for (const char* kind : {"bind", "rebind", "unbind", "reorder"})
        if (kinds.count(kind)) f.cases_by_kind.push_back(kinds[kind]);
    f.cases_by_window = most_first(windows);
    f.cases_by_clerk = most_first(clerks);
    // Clerks by the name on their papers (姓名（login）), as the figures are read by people.
    for (auto& [clerk, n] : f.cases_by_clerk)
        if (auto account = stores(ws).users.find(clerk)) clerk = staff_label(clerk, account->full_name);
    std::vector<double> hours;
    const TimeLimits limits(ws);
    for (const auto& d : stats.decisions(from, to)) {
        auto submitted = core::parse_iso_instant(d.submitted_at), decided = core::parse_iso_instant(d.decided_at);
        // A case decided as it was taken in (an unbinding takes effect at once) had no review.
        if (submitted && decided && *decided > *submitted) {
            hours.push_back(static_cast<double>(*decided - *submitted) / 3600.0);
            count_time_limit(limits, d, f.time_limits);
        }
    }
    std::sort(hours.begin(), hours.end());
    f.decision_hours.decided = static_cast<long long>(hours.size());
    if (!hours.empty()) {
        double total = 0;
        for (double h : hours) total += h;
        f.decision_hours.mean = total / static_cast<double>(hours.size());
        f.decision_hours.median = percentile(hours, 0.5);
        f.decision_hours.p90 = percentile(hours, 0.9);
    }

    // Bindings by relation category and by the authorizer's pooling region.
    std::map<std::string, MonthlyFigures::BindingRow> categories, regions;
    auto count = [&](const std::vector<storage::StatsRepository::BindingCount>& rows, bool made) {
        for (const auto& b : rows) {
            auto relation = core::find_relation(b.relation);
            auto category = relation ? relation->category : core::RelationCategory::other;
            auto& c = categories[core::category_name(category)];
            c.key = core::category_name(category);
            c.label = core::category_label(category);
            auto& r = regions[b.region];
            r.key = b.region;
            const auto* region = ws.regions().find(b.region);
            r.label = region ? region->name : b.region;
            (made ? c.made : c.ended) += b.count;
            (made ? r.made : r.ended) += b.count;
        }
    };
    count(stats.bindings_made(from, to), true);
    count(stats.bindings_ended(from, to), false);
    for (auto& [key, row] : categories) f.bindings_by_category.push_back(row);
    for (auto& [key, row] : regions) f.bindings_by_region.push_back(row);

    // Mutual-aid money by use, and by China day.
    std::map<std::string, MonthlyFigures::MoneyRow> uses;
    std::map<long long, long long> days;
    for (const auto& m : stats.mutual_aid(from, to)) {
        auto& row = uses[m.use];
        row.use = m.use;
        row.count += m.count;
        (m.recorded ? row.recorded_fen : row.split_fen) += m.mutual_aid_fen;
        f.mutual_aid_fen += m.mutual_aid_fen;
        f.mutual_aid_count += m.count;
        if (auto hour = core::parse_iso_instant(m.utc_hour + ":00:00Z"))
            days[core::china_date(*hour).days_since_epoch()] += m.mutual_aid_fen;
    }
    for (auto& [use, row] : uses) f.mutual_aid_by_use.push_back(row);
    std::stable_sort(f.mutual_aid_by_use.begin(), f.mutual_aid_by_use.end(),
                     [](const auto& a, const auto& b) { return a.total_fen() > b.total_fen(); });
    // Every day of the month up to today: the days to come have no figures yet.
    const auto last_day = std::min(f.last.days_since_epoch(), china_today().days_since_epoch());
    for (auto d = f.first.days_since_epoch(); d <= last_day; ++d)
        f.mutual_aid_by_day.emplace_back(core::CivilDate::from_days_since_epoch(d), days.count(d) ? days[d] : 0);

    f.satisfaction = satisfaction_between(ws, from, to);

    core::JsonWriter detail;
    detail.begin_object().key("what").value("monthly_figures").key("month").value(month_text).end_object();
    audit(ws, {actor.username, actor.workstation}, "stats.view", "month", month_text, "", detail.str());
    return f;
}

}  // namespace gongji::app
