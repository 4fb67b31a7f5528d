#pragma once
// `gongji_bench state DB_URL ROSTER BINDINGS LEDGER`: the proof of the state (app/trust/state_check.h)
// at province scale: a roster, BINDINGS bindings with their approved cases and the log entries
// that made them, a ledger of LEDGER entries; then `check_state` timed, with the memory it took.
#include <cstddef>
#include <string>

namespace gongji::bench {

int run_state_check(const std::string& url, std::size_t roster, std::size_t bindings, std::size_t ledger);

}  // namespace gongji::bench
