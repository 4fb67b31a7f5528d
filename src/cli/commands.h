#pragma once
// The `gongji` commands (interfaces.md). Each returns the process exit code and prints its
// JSON result; errors travel as app::BadInput / app::Refused exceptions.
#include <string>
#include <vector>

#include "cli/session.h"

namespace gongji::cli {

using Words = std::vector<std::string>;

int run_init(Session& s, const Words& args);
int run_id(Session& s, const Words& args);
int run_roster(Session& s, const Words& args);
int run_policy(Session& s, const Words& args);
int run_check(Session& s, const Words& args);
int run_user(Session& s, const Words& args);
int run_case(Session& s, const Words& args);
int run_bindings(Session& s, const Words& args);
int run_document(Session& s, const Words& args);
int run_person(Session& s, const Words& args);
int run_audit(Session& s, const Words& args);
int run_settle(Session& s, const Words& args);
int run_statement(Session& s, const Words& args);
int run_supervise(Session& s, const Words& args);
int run_stats(Session& s, const Words& args);
int run_quota(Session& s, const Words& args);
int run_report(Session& s, const Words& args);
int run_settings(Session& s, const Words& args);
int run_calendar(Session& s, const Words& args);
int run_rating(Session& s, const Words& args);
int run_intake(Session& s, const Words& args);
int run_card(Session& s, const Words& args);
int run_backup(Session& s, const Words& args);
int run_restore(Session& s, const Words& args);

}  // namespace gongji::cli
