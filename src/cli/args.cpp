#include "cli/args.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "app/platform/errors.h"
#include "app/platform/paths.h"
#include "cli/usage_error.h"

namespace gongji::cli {

Args::Args(const std::vector<std::string>& words, const std::set<std::string>& flags) {
    for (size_t i = 0; i < words.size(); ++i) {
        const auto& w = words[i];
        if (w.size() > 2 && w.compare(0, 2, "--") == 0) {
            auto name = w.substr(2);
            if (auto eq = name.find('='); eq != std::string::npos) {
                options_.emplace(name.substr(0, eq), name.substr(eq + 1));
            } else if (flags.count(name)) {
                flags_.insert(name);
            } else {
                if (i + 1 >= words.size()) throw usage_error("--" + name + ": a value is required");
                options_.emplace(name, words[++i]);
            }
        } else {
            positional_.push_back(w);
        }
    }
}

std::optional<std::string> Args::option(const std::string& name) const {
    if (options_.count(name) > 1)  // `--user X --user Y`: which one was meant is not for us to guess
        throw usage_error("--" + name + ": given " + std::to_string(options_.count(name)) + " times; it takes one value");
    auto it = options_.find(name);
    if (it == options_.end()) return std::nullopt;
    return it->second;
}

std::vector<std::string> Args::options(const std::string& name) const {
    std::vector<std::string> out;
    auto range = options_.equal_range(name);
    for (auto it = range.first; it != range.second; ++it) out.push_back(it->second);
    return out;
}

std::string Args::required(const std::string& name) const {
    auto v = option(name);
    if (!v || v->empty()) throw usage_error("--" + name + ": required");
    return *v;
}

std::optional<core::CivilDate> Args::date(const std::string& name) const {
    auto text = option(name);
    if (!text) return std::nullopt;
    auto date = core::CivilDate::parse(*text);
    if (!date) throw usage_error("--" + name + ": \"" + *text + "\" is not a valid YYYY-MM-DD date");
    return date;
}

void Args::allow_only(const std::set<std::string>& known) const {
    for (const auto& [name, value] : options_)
        if (!known.count(name)) throw usage_error("--" + name + ": unknown option");
    for (const auto& name : flags_)
        if (!known.count(name)) throw usage_error("--" + name + ": unknown option");
}

void Args::expect_positional(size_t n, const std::string& what) const {
    if (positional_.size() < n) throw usage_error(what + ": required");
    if (positional_.size() > n) throw usage_error("unexpected argument \"" + positional_[n] + "\"");
}

void Args::require_writable(const std::string& name) const {
    auto path = option(name);
    if (!path) return;
    std::error_code ec;
    if (std::filesystem::is_directory(*path, ec))
        throw usage_error("--" + name + ": " + *path + " is a folder; give a file name");
    app::refuse_unsafe_output(*path, "--" + name);  // before the probe opens it
    const bool existed = std::filesystem::exists(*path, ec);
    FILE* probe = std::fopen(path->c_str(), "ab");  // never truncates what is there
    if (!probe) throw usage_error("--" + name + ": cannot write " + *path + ": " + std::strerror(errno));
    std::fclose(probe);
    if (!existed) std::remove(path->c_str());
}

void Args::require_different_files(const std::string& first, const std::string& second) const {
    auto a = option(first), b = option(second);
    if (!a || !b) return;
    std::error_code ec;
    if (std::filesystem::weakly_canonical(*a, ec) == std::filesystem::weakly_canonical(*b, ec))
        throw usage_error("--" + second + ": the same file as --" + first + " (" + *b + ")");
}

}  // namespace gongji::cli
