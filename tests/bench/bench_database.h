#pragma once
// What the benchmarks set up in a database, once: a fresh schema with a generated roster,
// bindings between its employees and residents, a ledger padded with other accounts' entries.
#include <cstddef>
#include <string>

#include "app/platform/workspace.h"

namespace gongji::bench {

// `gongji init` (its administrator's password "bench"), then a roster of `roster` generated people.
void initialize_with_roster(app::Workspace& ws, std::size_t roster);
// Up to `n` active bindings (relation 12, guangxi) from an employee (310) to someone who is not,
// each pair once, all since `since` (UTC text); written straight into the table.
void insert_bindings(app::Workspace& ws, std::size_t n, const std::string& since);
// `entries` more ledger entries: other accounts' movements spread over the year (the first 1,000
// people by ID number).
void pad_ledger(app::Workspace& ws, long long entries);

}  // namespace gongji::bench
