#pragma once
// Command-line arguments: positional words and `--name value` / `--flag` options.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "cli/usage_error.h"
#include "core/civil_date.h"
#include "core/code_table.h"

namespace gongji::cli {

class Args {
public:
    // `flags` are options that take no value; every other `--name` takes the next word.
    // BadInput for an option missing its value.
    Args(const std::vector<std::string>& words, const std::set<std::string>& flags);

    const std::vector<std::string>& positional() const { return positional_; }
    std::optional<std::string> option(const std::string& name) const;  // BadInput when given twice
    std::vector<std::string> options(const std::string& name) const;  // repeated options
    std::string required(const std::string& name) const;              // BadInput when absent
    // A required option whose value is one of `table`'s codes; BadInput naming them otherwise.
    template <class E, std::size_t N>
    E coded(const std::string& name, const core::CodeTable<E, N>& table) const {
        auto text = required(name);
        auto value = table.parse(text);
        if (!value) throw usage_error("--" + name + ": must be " + table.listed() + ", not \"" + text + "\"");
        return *value;
    }
    // A YYYY-MM-DD option: nullopt when absent, BadInput when it is not a real date.
    std::optional<core::CivilDate> date(const std::string& name) const;
    bool flag(const std::string& name) const { return flags_.count(name) != 0; }
    // BadInput naming the first option that is not in `known`.
    void allow_only(const std::set<std::string>& known) const;
    // BadInput unless there are exactly `n` positional words (`what` names them).
    void expect_positional(size_t n, const std::string& what) const;
    // BadInput naming the option and the reason when the file it names (if given) cannot be
    // written: checked before any work, so that no output is written while another is refused.
    void require_writable(const std::string& name) const;
    // BadInput when two output options name the same file (one would overwrite the other).
    void require_different_files(const std::string& first, const std::string& second) const;

private:
    std::vector<std::string> positional_;
    std::multimap<std::string, std::string> options_;
    std::set<std::string> flags_;
};

}  // namespace gongji::cli
