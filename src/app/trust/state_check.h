#pragma once
// The state the audit log proves. Each sealed entry says what a row became (a case's record, a
// binding's, a user's role and standing, a setting, a policy profile) and what money moved (the
// part of the money tables' digests, core/state_digest.h); replaying the log in the order it was
// written and comparing the result with the tables finds every change that reached a table
// without its entry — an UPDATE by hand, a restored file edited before — and names the row.
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/platform/workspace.h"

namespace gongji::app {

struct StateDifference {
    std::string table;        // "cases", "bindings", "users", "settings", "policy_profiles", "persons", …
    std::string key;          // the row: case number, binding id, user name, setting, profile; "*" for a digest
    std::string log;          // what the log says the row is (its record); "" when the log has no such row
    std::string table_value;  // what the table holds; "" when it has no such row
    // Where both are records: only the fields that differ, each as JSON (log's, table's).
    std::map<std::string, std::pair<std::string, std::string>> fields;
};

struct StateCheck {
    long long rows = 0;     // rows compared
    long long entries = 0;  // entries replayed
    std::vector<StateDifference> differences;  // the first kMaxDifferences
    long long more_differences = 0;             // found beyond those
};
constexpr std::size_t kMaxDifferences = 200;

StateCheck check_state(Workspace& ws);
// "3 rows differ from the audit log: cases 1, persons 2" (and how many beyond those listed), or
// "all 1234 rows compared match the audit log".
std::string state_summary(const StateCheck& check);

// The check where it is cheap — at a window's start, on the day's report: a database of up to
// kCheapCheckRows rows of cases, bindings, people and ledger (about a second). nullopt where it
// is not made: a larger one is checked by the agency's daily `gongji audit verify`.
constexpr long long kCheapCheckRows = 300'000;
std::optional<StateCheck> check_state_if_cheap(Workspace& ws);

// The point the log's proof starts from: the state as it stood when a database reached the
// schema that keeps the proof (settings, users, profiles, the money tables' digests), sealed in
// one entry. Rows made before it without an entry of their own are not asked for one.
// Seals the digest of the code tables (regions, relations) as just loaded, in the caller's
// transaction: check_state holds them to it.
void record_code_tables(Workspace& ws);
void record_state_baseline(Workspace& ws);
constexpr int kStateProvenFrom = 14;  // the schema version (db/migrations/0014) that keeps the proof

}  // namespace gongji::app
