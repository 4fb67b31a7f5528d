#pragma once
// `gongji_bench windows DB_URL WINDOWS SECONDS`: many windows working one database at once.
#include <string>

namespace gongji::bench {

// Sets up a fresh database at `url` (roster, one clerk and one supervisor a window), runs the
// windows for `seconds` and prints one line: windows, submissions, their rate and latency, and
// the violations found in the database afterwards.
int run_windows(const std::string& url, int windows, int seconds);

}  // namespace gongji::bench
