#include "app/citizen/satisfaction.h"

#include <algorithm>
#include <map>

#include "app/platform/clock.h"
#include "app/platform/stores.h"
#include "app/trust/auth.h"
#include "core/case_rules.h"

namespace gongji::app {
namespace {

// An online channel's ratings are the channel's ("网上（微信）"), not a window's.
std::string window_label(const std::string& workstation) {
    if (workstation.rfind("online:", 0) != 0) return workstation;
    auto via = core::kVias.parse(workstation.substr(7));
    return via ? core::online_window_label(*via) : workstation;
}

}  // namespace

Satisfaction satisfaction_between(Workspace& ws, const std::string& from_utc, const std::string& to_utc) {
    Satisfaction s;
    std::map<std::string, Satisfaction::Row> windows, clerks;
    const auto today = china_today();
    for (const auto& [r, follow_up] : stores(ws).ratings.rated_between(from_utc, to_utc, false)) {
        if (r.round != 1) continue;  // the service's own rating; the second round answers the follow-up
        for (auto* row : {&windows[window_label(r.workstation)], &clerks[r.clerk]}) {
            ++row->ratings;
            row->mean += r.grade;  // the sum until the end
            if (r.grade >= 4) ++row->good;
            if (r.grade <= 2) ++row->bad;
        }
        ++s.ratings;
        if (r.grade >= 4) ++s.good;
        if (r.grade <= 2) ++s.bad;
        if (!follow_up) continue;
        auto& f = s.follow_ups;
        ++f.opened;
        const auto contacted = follow_up->contacted_at ? std::optional(follow_up->contacted_at->china_date()) : std::nullopt;
        const auto settled = follow_up->settled_at ? std::optional(follow_up->settled_at->china_date()) : std::nullopt;
        if (contacted) ++(*contacted <= follow_up->contact_due ? f.contacted_in_time : f.contacted_late);
        else if (follow_up->contact_due < today) ++f.contacted_late;
        if (settled) ++(*settled <= follow_up->settle_due ? f.settled_in_time : f.settled_late);
        else if (follow_up->settle_due < today) ++f.settled_late;
        else ++f.pending;
    }
    auto add = [&](std::map<std::string, Satisfaction::Row>& rows, bool window) {
        std::vector<Satisfaction::Row> sorted;
        for (auto& [who, row] : rows) {
            row.who = who;
            if (!window)
                if (auto account = stores(ws).users.find(who)) row.who = staff_label(who, account->full_name);
            row.window = window;
            row.mean /= static_cast<double>(row.ratings);
            sorted.push_back(row);
        }
        std::stable_sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.ratings > b.ratings; });
        s.rows.insert(s.rows.end(), sorted.begin(), sorted.end());
    };
    add(windows, true);
    add(clerks, false);
    return s;
}

}  // namespace gongji::app
