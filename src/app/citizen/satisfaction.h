#pragma once
// 好差评 in the monthly figures (domain.md §9): how the citizens rated each window and clerk in a
// month, and whether the follow-ups of the month's 差评 came in time.
#include <string>
#include <vector>

#include "app/platform/workspace.h"

namespace gongji::app {

struct Satisfaction {
    struct Row {
        std::string who;     // a window's name, or a clerk's label
        bool window = false;
        long long ratings = 0, good = 0, bad = 0;  // good: 4–5 (好评), bad: 1–2 (差评)
        double mean = 0;
    };
    std::vector<Row> rows;  // windows, then clerks, most ratings first
    long long ratings = 0, good = 0, bad = 0;
    // The follow-ups opened this month: contacted within 1 working day or later (or not yet, and
    // late), settled within 15 or later, still open and not yet late.
    struct FollowUps {
        long long opened = 0, contacted_in_time = 0, contacted_late = 0, settled_in_time = 0, settled_late = 0, pending = 0;
    } follow_ups;
};

// The first-round ratings given between the stored times [from, to).
Satisfaction satisfaction_between(Workspace& ws, const std::string& from_utc, const std::string& to_utc);

}  // namespace gongji::app
