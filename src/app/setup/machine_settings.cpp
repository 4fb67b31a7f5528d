#include "app/setup/machine_settings.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "app/platform/environment.h"
#include "app/platform/errors.h"
#include "app/platform/paths.h"

namespace gongji::app {

namespace {
// Root of the machine, not of a user namespace of its own (`unshare -r` makes any account look
// like root to itself): there the uid map does not map every id to itself.
bool machine_root() {
    if (geteuid() != 0) return false;
    std::ifstream map("/proc/self/uid_map");
    long long inside = -1, outside = -1, count = 0;
    map >> inside >> outside >> count;
    return inside == 0 && outside == 0 && count == 4294967295LL;
}
}  // namespace

std::string workstation_file() {
    // Root's to move (set-up, tests), as the name itself: another account naming its own file
    // would choose the window its logins are counted at and its entries are sealed under.
    if (machine_root())
        if (auto file = env(Env::workstation_file)) return *file;
    return "/etc/gongji/workstation";
}

namespace {
std::string configured_name() {
    std::ifstream in(workstation_file());
    std::string line;
    std::getline(in, line);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
    return line;
}
}  // namespace

bool workstation_configured() {
    return env(Env::workstation) || !configured_name().empty();
}

void set_workstation_name(const std::string& name) {
    if (name.empty() || name.size() > 64 || name.find_first_of("\r\n") != std::string::npos)
        throw BadInput("workstation: a name of 1–64 bytes on one line", {"workstation_invalid", {}});
    auto path = std::filesystem::path(workstation_file());
    std::error_code ec;
    if (path.has_parent_path()) make_machine_settings_folder(path.parent_path().string());
    auto temporary = path;
    temporary += ".new";
    {
        std::ofstream out(temporary, std::ios::trunc);
        out << name << "\n";
        if (!out.flush())
            throw BadInput("workstation: cannot write " + path.string(), {"workstation_unwritable", {{"file", path.string()}}});
    }
    // Every account at this machine reads it (its logins and log entries name the window).
    std::filesystem::permissions(temporary, std::filesystem::perms(0644), ec);
    std::filesystem::rename(temporary, path, ec);  // all or nothing: never half a name
    if (ec)
        throw BadInput("workstation: cannot write " + path.string() + ": " + ec.message(),
                       {"workstation_unwritable", {{"file", path.string()}}});
}

std::string workstation_name() {
    // The window a login is counted at and the log names: the machine's own (root's) setting. The
    // environment names it only for root (set-up, tests), or an account could name a new window
    // on every try.
    if (machine_root())
        if (auto name = env(Env::workstation)) return *name;
    if (auto configured = configured_name(); !configured.empty()) return configured;
    char host[256] = {};
    if (gethostname(host, sizeof host - 1) == 0 && host[0]) return host;
    return "unknown";
}

std::optional<int> lock_minutes() {
    auto text = env(Env::lock_minutes);
    if (!text) return std::nullopt;
    int minutes = std::atoi(text->c_str());
    return minutes > 0 ? std::optional(minutes) : std::nullopt;
}

std::string tessdata_dir() { return env(Env::tessdata).value_or(""); }

}  // namespace gongji::app
