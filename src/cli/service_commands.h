#pragma once
// `gongji case accept|refuse|correct|resume|expire|deliver`: the service states (interfaces.md,
// third set), beside the workflow's sub-commands in commands_cases.cpp.
#include "cli/args.h"
#include "cli/session.h"

namespace gongji::cli {

int case_accept(Session& s, const Args& args);
int case_refuse(Session& s, const Args& args);
int case_correct(Session& s, const Args& args);
int case_resume(Session& s, const Args& args);
int case_expire(Session& s, const Args& args);
int case_deliver(Session& s, const Args& args);

}  // namespace gongji::cli
