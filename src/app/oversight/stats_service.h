#pragma once
// The agency's monthly figures (gongji stats, the Statistics tab): cases by kind, outcome,
// window and clerk, and how long a decision took; bindings made and ended by relation category
// and the authorizer's pooling region; mutual-aid money by use and by day.
#include <map>
#include <string>
#include <vector>

#include "app/citizen/satisfaction.h"
#include "app/trust/auth.h"
#include "app/platform/workspace.h"
#include "core/civil_date.h"

namespace gongji::app {

struct MonthlyFigures {
    int year = 0, month = 0;
    core::CivilDate first, last;  // the month's days, China time
    std::string month_text() const { return first.to_string().substr(0, 7); }  // "2026-11"

    struct CaseRow {
        std::string kind;  // bind, unbind, reorder, rebind
        long long submitted = 0, approved = 0, rejected = 0, withdrawn = 0, waiting = 0;
    };
    std::vector<CaseRow> cases_by_kind;
    std::vector<std::pair<std::string, long long>> cases_by_window, cases_by_clerk;  // most first
    struct Hours {
        long long decided = 0;
        double mean = 0, median = 0, p90 = 0;  // hours from submission to a decision after review
    } decision_hours;
    // Of the decisions after review, how many came within the promised working days (paused while
    // a case waited for papers) and how many after; both 0 while the agency promises none.
    struct TimeLimitRow {
        bool promised = false;
        long long in_time = 0, late = 0;
    } time_limits;

    struct BindingRow {
        std::string key, label;  // a relation category ("spouse", "配偶") or a region ("450800", "贵港市")
        long long made = 0, ended = 0;
    };
    std::vector<BindingRow> bindings_by_category, bindings_by_region;

    struct MoneyRow {
        std::string use;  // clinic, …
        long long count = 0, split_fen = 0, recorded_fen = 0;
        long long total_fen() const { return split_fen + recorded_fen; }
    };
    std::vector<MoneyRow> mutual_aid_by_use;
    std::vector<std::pair<core::CivilDate, long long>> mutual_aid_by_day;  // each day of the month to today
    long long mutual_aid_fen = 0, mutual_aid_count = 0;
    Satisfaction satisfaction;  // 好差评 of the month's services, and the 差评's follow-ups
};

// A month's China days and its bounds as stored times (UTC text, `to` the next month's first
// instant). BadInput("month_invalid") for a month not "YYYY-MM".
struct MonthSpan {
    core::CivilDate first, last;
    std::string from_utc, to_utc;
};
MonthSpan month_span(const std::string& text);

// Supervisor or administrator. BadInput for a month not "YYYY-MM".
MonthlyFigures monthly_figures(Workspace& ws, const Actor& actor, const std::string& month);

// How a use is said on paper ("门诊").
std::string use_label(const std::string& use);

}  // namespace gongji::app
