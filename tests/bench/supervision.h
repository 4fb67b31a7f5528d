#pragma once
// `gongji_bench supervise DB_URL ROSTER BINDINGS SETTLEMENTS`: the platform's settlement records
// of a year imported month by month, then the fund-supervision check over the year.
#include <cstddef>
#include <string>

namespace gongji::bench {

// Sets up a fresh database at `url` (a roster of ROSTER, BINDINGS bindings from an employee to a
// resident), imports SETTLEMENTS recorded settlements in eleven monthly files (January to
// November 2026; one in 200 paid by someone not bound, a finding), and prints one line per
// import and one for the check: settlements, findings, seconds and rate.
int run_supervision(const std::string& url, std::size_t roster, std::size_t bindings, std::size_t settlements);
// `gongji_bench check DB_URL`: the check alone, over 2026, on a database set up before.
int run_check(const std::string& url);
// `gongji_bench stats DB_URL YYYY-MM`: the monthly figures of a month, on a database set up before.
int run_stats(const std::string& url, const std::string& month);

}  // namespace gongji::bench
