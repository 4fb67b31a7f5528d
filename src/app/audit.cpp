#include "app/audit.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "app/errors.h"
#include "app/stores.h"

#include "storage/audit_repository.h"

namespace gongji::app {

void audit(Workspace& ws, const AuditWho& who, const std::string& action, const std::string& entity,
           const std::string& key, const std::string& before, const std::string& after) {
    storage::AuditRepository log(database(ws));
    auto head = log.lock_head();
    core::AuditEntry e;
    e.seq = head.seq + 1;
    e.at = now().utc();
    e.actor = who.actor;
    e.workstation = who.workstation;
    e.action = action;
    e.entity = entity;
    e.entity_key = key;
    e.before = before;
    e.after = after;
    e.prev_hash = head.hash;
    e.hash = core::audit_entry_hash(e);
    log.append(e);
}

AuditVerification verify_audit(Workspace& ws) {
    storage::AuditRepository log(database(ws));
    auto head = log.head();
    auto entries = log.all();
    AuditVerification v;
    v.entries = static_cast<long long>(entries.size());
    v.broken = core::verify_audit_chain(entries, head.seq, head.hash);
    return v;
}

std::string workstation_file() {
    if (const char* env = std::getenv("GONGJI_WORKSTATION_FILE"); env && *env) return env;
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
    const char* env = std::getenv("GONGJI_WORKSTATION");
    return (env && *env) || !configured_name().empty();
}

void set_workstation_name(const std::string& name) {
    if (name.empty() || name.size() > 64 || name.find_first_of("\r\n") != std::string::npos)
        throw BadInput("workstation: a name of 1–64 bytes on one line");
    auto path = std::filesystem::path(workstation_file());
    std::error_code ec;
    if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), ec);
    auto temporary = path;
    temporary += ".new";
    {
        std::ofstream out(temporary, std::ios::trunc);
        out << name << "\n";
        if (!out.flush()) throw BadInput("workstation: cannot write " + path.string());
    }
    std::filesystem::rename(temporary, path, ec);  // all or nothing: never half a name
    if (ec) throw BadInput("workstation: cannot write " + path.string() + ": " + ec.message());
}

std::string workstation_name() {
    if (const char* env = std::getenv("GONGJI_WORKSTATION"); env && *env) return env;
    if (auto configured = configured_name(); !configured.empty()) return configured;
    char host[256] = {};
    if (gethostname(host, sizeof host - 1) == 0 && host[0]) return host;
    return "unknown";
}

}  // namespace gongji::app
