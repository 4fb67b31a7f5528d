// supervise: the fund-supervision check over recorded settlements (domain.md §8).
#include <iostream>

#include "app/errors.h"
#include "app/oversight_papers.h"
#include "app/report_service.h"
#include "app/supervision_service.h"
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

}  // namespace gongji::cli
