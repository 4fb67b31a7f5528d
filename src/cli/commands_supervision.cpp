// supervise and stats: the fund-supervision check over recorded settlements (domain.md §8), and
// the agency's monthly figures.
#include <iostream>

#include "app/platform/errors.h"
#include "app/oversight/oversight_papers.h"
#include "app/printing/printed_papers.h"
#include "app/oversight/stats_service.h"
#include "app/oversight/supervision_service.h"
#include "cli/args.h"
#include "cli/commands.h"
#include "cli/json_output.h"
#include "core/instant.h"

namespace gongji::cli {

int run_supervise(Session& s, const Words& words) {
    Args args(words, {});
    args.allow_only({"from", "to", "pdf", "xlsx"});
    args.expect_positional(0, "");
    args.required("from");
    args.required("to");
    auto from = *args.date("from"), to = *args.date("to");
    args.require_writable("pdf");
    args.require_writable("xlsx");
    args.require_different_files("pdf", "xlsx");
    auto actor = s.actor();
    auto report = app::supervise(s.workspace(), actor, from, to);
    if (auto pdf = args.option("pdf")) app::print_supervision(s.workspace(), actor, report, *pdf);
    if (auto xlsx = args.option("xlsx")) app::export_supervision(s.workspace(), actor, report, *xlsx);
    core::JsonWriter w(true);
    w.begin_object().key("checked").value(report.checked).key("findings").begin_array();
    for (const auto& [f, cases] : report.findings) {
        w.begin_object()
            .key("code").value(f.code)
            .key("setl_id").value(f.setl_id)
            .key("time").value(core::Instant{f.time}.china())
            .key("user").value(f.user_id)
            .key("authorizer").value(f.authorizer_id)
            .key("amount_fen").value(f.amount_fen)
            .key("message").value(f.message);
        w.key("binding");
        f.binding_id ? w.value(*f.binding_id) : w.null();
        w.key("cases").begin_array();
        for (const auto& c : cases) w.value(c);
        w.end_array().end_object();
    }
    w.end_array();
    w.key("by_code").begin_object();
    for (const auto& [code, count] : report.by_code) w.key(code).value(count);
    w.end_object().end_object();
    print_json(w.str());
    if (!report.findings.empty())
        std::cerr << "gongji supervise: " << report.findings.size() << " finding(s) in " << report.checked
                  << " recorded settlement(s)\n";
    return report.findings.empty() ? 0 : 1;
}

int run_stats(Session& s, const Words& words) {
    Args args(words, {});
    args.allow_only({"month", "pdf", "xlsx"});
    args.expect_positional(0, "");
    auto month = args.required("month");
    args.require_writable("pdf");
    args.require_writable("xlsx");
    args.require_different_files("pdf", "xlsx");
    auto actor = s.actor();
    auto f = app::monthly_figures(s.workspace(), actor, month);
    if (auto pdf = args.option("pdf")) app::print_stats(s.workspace(), actor, f, *pdf);
    if (auto xlsx = args.option("xlsx")) app::export_stats(s.workspace(), actor, f, *xlsx);
    core::JsonWriter w(true);
    w.begin_object().key("month").value(month).key("from").value(f.first.to_string()).key("to").value(f.last.to_string());
    w.key("cases").begin_object().key("by_kind").begin_array();
    for (const auto& c : f.cases_by_kind)
        w.begin_object()
            .key("kind").value(c.kind)
            .key("submitted").value(c.submitted)
            .key("approved").value(c.approved)
            .key("rejected").value(c.rejected)
            .key("withdrawn").value(c.withdrawn)
            .key("waiting").value(c.waiting)
            .end_object();
    w.end_array();
    auto counts = [&](const char* name, const char* key, const std::vector<std::pair<std::string, long long>>& rows) {
        w.key(name).begin_array();
        for (const auto& [k, n] : rows) w.begin_object().key(key).value(k).key("submitted").value(n).end_object();
        w.end_array();
    };
    counts("by_window", "workstation", f.cases_by_window);
    counts("by_clerk", "clerk", f.cases_by_clerk);
    auto minutes = [](double hours) { return static_cast<long long>(hours * 60 + 0.5); };
    w.key("decision_minutes").begin_object()
        .key("decided").value(f.decision_hours.decided)
        .key("mean").value(minutes(f.decision_hours.mean))
        .key("median").value(minutes(f.decision_hours.median))
        .key("p90").value(minutes(f.decision_hours.p90))
        .end_object();
    w.key("time_limit").begin_object().key("promised").value(f.time_limits.promised);
    w.key("in_time").value(f.time_limits.in_time).key("late").value(f.time_limits.late).end_object();
    w.end_object();
    auto bindings = [&](const char* name, const char* key, const std::vector<app::MonthlyFigures::BindingRow>& rows) {
        w.key(name).begin_array();
        for (const auto& b : rows)
            w.begin_object().key(key).value(b.key).key("label").value(b.label).key("made").value(b.made).key("ended").value(b.ended).end_object();
        w.end_array();
    };
    // 好差评: ratings by window and clerk (mean in hundredths of a grade), follow-ups in time.
    const auto& sat = f.satisfaction;
    w.key("ratings").begin_object().key("rated").value(sat.ratings).key("good").value(sat.good).key("bad").value(sat.bad);
    w.key("by_window_and_clerk").begin_array();
    for (const auto& r : sat.rows)
        w.begin_object().key(r.window ? "window" : "clerk").value(r.who).key("ratings").value(r.ratings)
            .key("good").value(r.good).key("bad").value(r.bad)
            .key("mean_centi").value(static_cast<long long>(r.mean * 100 + 0.5)).end_object();
    w.end_array();
    const auto& fu = sat.follow_ups;
    w.key("follow_ups").begin_object().key("opened").value(fu.opened)
        .key("contacted_in_time").value(fu.contacted_in_time).key("contacted_late").value(fu.contacted_late)
        .key("settled_in_time").value(fu.settled_in_time).key("settled_late").value(fu.settled_late)
        .key("pending").value(fu.pending).end_object().end_object();
    w.key("bindings").begin_object();
    bindings("by_category", "category", f.bindings_by_category);
    bindings("by_region", "region", f.bindings_by_region);
    w.end_object();
    w.key("mutual_aid").begin_object().key("count").value(f.mutual_aid_count).key("amount_fen").value(f.mutual_aid_fen);
    w.key("by_use").begin_array();
    for (const auto& m : f.mutual_aid_by_use)
        w.begin_object()
            .key("use").value(m.use)
            .key("count").value(m.count)
            .key("split_fen").value(m.split_fen)
            .key("recorded_fen").value(m.recorded_fen)
            .key("amount_fen").value(m.total_fen())
            .end_object();
    w.end_array().key("by_day").begin_array();
    for (const auto& [day, fen] : f.mutual_aid_by_day)
        w.begin_object().key("date").value(day.to_string()).key("amount_fen").value(fen).end_object();
    w.end_array().end_object().end_object();
    print_json(w.str());
    return 0;
}

}  // namespace gongji::cli
