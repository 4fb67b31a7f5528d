#pragma once
// The fund-supervision check (基金监管, domain.md §8): every recorded settlement of a period judged
// against the binding register and the rules in force at its time.
#include <map>
#include <string>
#include <vector>

#include "app/trust/auth.h"
#include "app/platform/workspace.h"
#include "core/civil_date.h"
#include "core/supervision.h"

namespace gongji::app {

struct SupervisionFinding {
    core::Finding finding;
    std::vector<std::string> cases;  // the pair's cases opened by the settlement's time, oldest first
};

struct SupervisionReport {
    core::CivilDate from, to;
    long long checked = 0;  // recorded settlements judged
    std::vector<SupervisionFinding> findings;  // in time order
    std::map<std::string, long long> by_code;  // findings per code
};

// Supervisor or administrator. Dates inclusive, in China time; BadInput when `to` is before
// `from`. Logged as a look-up of the period's settlements.
SupervisionReport supervise(Workspace& ws, const Actor& actor, const core::CivilDate& from, const core::CivilDate& to);

// A finding's code as the fund-supervision staff say it ("无共济关系仍支付").
std::string finding_label(const std::string& code);

}  // namespace gongji::app
