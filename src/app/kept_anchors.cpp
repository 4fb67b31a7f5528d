#include "app/kept_anchors.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <Poco/DigestEngine.h>
#include <Poco/SHA2Engine.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <sstream>

#include "app/clock.h"
#include "app/paths.h"
#include "app/stores.h"
#include "storage/database.h"
#include "storage/migrations.h"

namespace gongji::app {

namespace fs = std::filesystem;

namespace {

constexpr std::uintmax_t kCompactAbove = 1 << 20;  // past 1 MiB only each chain's latest is kept
constexpr const char* kRestart = "restart";

// One database, wherever it is opened from: its place and when its schema was made.
std::string file_for(storage::Database& db) {
    auto created = storage::schema_created_at(db);
    if (created.empty()) return "";
    std::string place = db.url();
    if (place.rfind("sqlite:", 0) == 0) {
        std::error_code ec;
        auto canonical = fs::weakly_canonical(place.substr(7), ec);
        place = "sqlite:" + (ec ? place.substr(7) : canonical.string());
    } else {
        place = storage::redacted_url(place);
    }
    Poco::SHA2Engine sha(Poco::SHA2Engine::SHA_256);
    sha.update(place + "\n" + created);
    auto dir = fs::path(user_data_dir()) / "anchors";
    std::error_code ec;
    fs::create_directories(dir, ec);
    return (dir / (Poco::DigestEngine::digestToHex(sha.digest()).substr(0, 24) + ".log")).string();
}

struct Line {
    std::string at, chain, seq, hash;  // chain empty: a restart, `hash` its reason
};

std::vector<Line> read_lines(const std::string& file) {
    std::vector<Line> out;
    std::ifstream in(file);
    std::string text;
    while (std::getline(in, text)) {
        if (text.empty() || text[0] == '#') continue;
        auto first = text.find('\t'), last = text.rfind('\t');
        auto middle = last == std::string::npos || last == 0 ? std::string::npos : text.rfind('\t', last - 1);
        if (first == std::string::npos || middle == std::string::npos || middle < first) continue;  // torn: ignored
        out.push_back({text.substr(0, first), text.substr(first + 1, middle - first - 1),
                       text.substr(middle + 1, last - middle - 1), text.substr(last + 1)});
    }
    return out;
}

// Each chain's highest anchor after the last restart.
std::map<std::string, AuditAnchor> latest(const std::vector<Line>& lines) {
    std::map<std::string, AuditAnchor> out;
    for (const auto& l : lines) {
        if (l.chain.empty()) {
            out.clear();
            continue;
        }
        if (l.seq.empty() || l.seq.size() > 18 || l.seq.find_first_not_of("0123456789") != std::string::npos) continue;
        long long seq = std::stoll(l.seq);
        auto& a = out[l.chain];
        if (seq > a.seq) a = {l.chain, seq, l.hash, true};
    }
    return out;
}

std::string line_of(const std::string& chain, const std::string& seq, const std::string& hash) {
    return now().utc() + "\t" + chain + "\t" + seq + "\t" + hash + "\n";
}

// Rewrites the file with each chain's latest only, beside it and moved over it (the caller holds
// the lock of the file being replaced: appenders that waited for it open the new one).
void compact(const std::string& file, const std::string& header) {
    std::string text = header;
    for (const auto& [chain, a] : latest(read_lines(file))) text += line_of(chain, std::to_string(a.seq), a.hash);
    auto part = file + ".part";
    int fd = ::open(part.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) return;
    bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) && ::fsync(fd) == 0;
    ::close(fd);
    if (ok) ok = ::rename(part.c_str(), file.c_str()) == 0;
    if (!ok) ::unlink(part.c_str());
}

// Appends `text` under an exclusive lock, synced before it returns; false when it cannot.
bool append(const std::string& file, const std::string& text, const std::string& header) {
    for (int attempt = 0; attempt < 5; ++attempt) {
        int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
        if (fd < 0) return false;
        struct stat held {}, named {};
        if (::flock(fd, LOCK_EX) != 0 || ::fstat(fd, &held) != 0) {
            ::close(fd);
            return false;
        }
        if (::stat(file.c_str(), &named) != 0 || named.st_ino != held.st_ino) {  // compacted meanwhile
            ::close(fd);
            continue;
        }
        std::string all = held.st_size == 0 ? header + text : text;
        bool ok = ::write(fd, all.data(), all.size()) == static_cast<ssize_t>(all.size()) && ::fsync(fd) == 0;
        if (ok && static_cast<std::uintmax_t>(held.st_size) > kCompactAbove) compact(file, header);
        ::close(fd);  // and with it the lock
        return ok;
    }
    return false;
}

std::string header_for(storage::Database& db) {
    return "# Gongji Desk: the audit log's heads as this account committed them, database " +
           storage::redacted_url(db.url()) + "\n# (at, chain, seq, hash; an empty chain starts afresh)\n";
}

}  // namespace

void keep_anchors_of(storage::Database& db) {
    auto file = std::make_shared<std::optional<std::string>>();
    db.on_audit_committed([file](storage::Database& on, const storage::Database::AuditHeads& heads) {
        try {
            if (!*file) *file = file_for(on);
            if ((*file)->empty()) return;
            std::string text;
            for (const auto& [chain, head] : heads) text += line_of(chain, std::to_string(head.first), head.second);
            if (!append(**file, text, header_for(on)))
                std::cerr << "gongji: cannot keep the audit log's anchor in " << **file << ": " << std::strerror(errno) << "\n";
        } catch (const std::exception& e) {
            std::cerr << "gongji: cannot keep the audit log's anchor: " << e.what() << "\n";
        }
    });
}

std::string kept_anchor_file(Workspace& ws) { return file_for(database(ws)); }

std::vector<AuditAnchor> kept_audit_anchors(Workspace& ws) {
    auto file = kept_anchor_file(ws);
    std::vector<AuditAnchor> out;
    if (file.empty()) return out;
    for (auto& [chain, anchor] : latest(read_lines(file))) out.push_back(anchor);
    return out;
}

void restart_kept_anchors(Workspace& ws, const std::string& why) {
    auto file = kept_anchor_file(ws);
    if (file.empty()) return;
    std::string reason = why;
    for (auto& c : reason)
        if (c == '\t' || c == '\n') c = ' ';
    append(file, line_of("", kRestart, reason), header_for(database(ws)));
}

}  // namespace gongji::app
