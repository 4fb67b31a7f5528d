#pragma once
// A command's sub-commands as a table, as main.cpp keeps the commands: one function each.
#include <set>
#include <string>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/usage_error.h"

namespace gongji::cli {

struct SubCommand {
    const char* name;
    int (*run)(Session& s, const Args& args);
};

// Runs the sub-command named by the first word, `flags` being the options that take no value and
// `allowed`, when given, the options any of them takes; BadInput with `usage` for none or another.
template <std::size_t N>
int run_sub_command(Session& s, const Words& words, const std::set<std::string>& flags, const SubCommand (&table)[N],
                    const char* usage, const std::set<std::string>& allowed = {}) {
    Args args(words, flags);
    if (!allowed.empty()) args.allow_only(allowed);
    const auto& pos = args.positional();
    for (const auto& sub : table)
        if (!pos.empty() && pos[0] == sub.name) return sub.run(s, args);
    throw usage_error(usage);
}

}  // namespace gongji::cli
