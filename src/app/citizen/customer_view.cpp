#include "app/citizen/customer_view.h"

#include "app/cases/time_limits.h"
#include "app/platform/clock.h"
#include "app/citizen/rating_link.h"
#include "app/platform/errors.h"
#include "app/printing/printed_papers.h"
#include "app/setup/settings.h"
#include "core/id_number.h"
#include "core/masking.h"
#include "core/relation.h"

namespace gongji::app {

CustomerView idle_view(Workspace& ws, const Actor& clerk) {
    CustomerView v;
    v.agency = agency_settings(ws).name;
    v.window = clerk.workstation;
    v.clerk = clerk.full_name.empty() ? clerk.username : clerk.full_name;
    return v;
}

CustomerView view_of(Workspace& ws, const Actor& clerk, const BindForm& form) {
    auto v = idle_view(ws, clerk);
    v.serving = true;
    const auto& seen = form.view();
    // A number shown once it is one: half-typed digits are the clerk's, not yet the citizen's.
    auto party = [&](const char* role, const std::string& id, const std::string& name) {
        std::string number;
        if (core::normalize_id_number(id, china_today(), number)) v.parties.push_back({role, name, core::mask_id_number(number)});
    };
    party("授权人", form.authorizer(), seen.authorizer_name);
    party("使用人", form.user(), seen.user_name);
    if (auto relation = core::find_relation(form.relation())) v.relation = "使用人是授权人的" + relation->name;
    for (const auto& need : seen.checklist) v.papers.push_back({need.label, need.satisfied.value_or(false)});
    v.promises = commitment_promises();
    return v;
}

CustomerView submitted_view(Workspace& ws, const Actor& clerk, const BindForm& form) {
    auto v = view_of(ws, clerk, form);
    v.case_number = form.case_number();
    if (v.case_number.empty()) return v;
    const auto c = find_case(ws, v.case_number);
    if (c.submitted_at)
        if (auto due = TimeLimits(ws).due(*c.submitted_at, 0, c.promised_days))
            v.due_text = std::to_string(due->year) + "年" + std::to_string(due->month) + "月" + std::to_string(due->day) + "日前办结";
    try {
        v.rating_link = rating_link(ws, clerk, v.case_number);
    } catch (const Refused&) {  // no rating system set up at this agency: no request to show
    }
    return v;
}

}  // namespace gongji::app
