#include "app/trust/kept_anchors.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <Poco/DigestEngine.h>
#include <Poco/SHA2Engine.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <optional>

#include "app/platform/clock.h"
#include "app/platform/paths.h"
#include "app/platform/stores.h"
#include "storage/audit_repository.h"
#include "storage/database.h"
#include "storage/migrations.h"

namespace gongji::app {

namespace fs = std::filesystem;

namespace {

// Past this the file is written anew with each chain's latest head and the losses only, so a
// commit reads little of it. 64 KiB is some 600 heads.
constexpr std::uintmax_t kCompactAbove = 64 << 10;
constexpr const char* kRestart = "restart";
constexpr const char* kLost = "lost";

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

// A line: "at chain seq hash" (a head), "at  restart why" (starts afresh) or
// "at chain lost SEQ:HASH" (an entry seen committed that the database no longer had).
struct Line {
    std::string at, chain, seq, hash;
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

std::optional<long long> number(const std::string& text) {
    if (text.empty() || text.size() > 18 || text.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
    return std::stoll(text);
}

// What the file says since its last restart.
struct Kept {
    std::map<std::string, std::map<long long, std::string>> heads;  // chain → seq → hash
    std::vector<AuditAnchor> losses;  // entries seen committed, found gone or different later
};

Kept since_restart(const std::vector<Line>& lines) {
    Kept kept;
    for (const auto& l : lines) {
        if (l.chain.empty()) {
            kept = {};
            continue;
        }
        if (l.seq == kLost) {
            auto colon = l.hash.find(':');
            if (auto seq = number(l.hash.substr(0, colon)); seq && colon != std::string::npos)
                kept.losses.push_back({l.chain, *seq, l.hash.substr(colon + 1), true});
            continue;
        }
        auto seq = number(l.seq);
        if (!seq) continue;
        auto [at, added] = kept.heads[l.chain].emplace(*seq, l.hash);
        if (!added && at->second != l.hash) kept.losses.push_back({l.chain, *seq, at->second, true});  // written twice
    }
    return kept;
}

std::string line_of(const std::string& chain, const std::string& seq, const std::string& hash) {
    return now().utc() + "\t" + chain + "\t" + seq + "\t" + hash + "\n";
}

std::string text_of(const Kept& kept) {
    std::string text;
    for (const auto& loss : kept.losses) text += line_of(loss.chain, kLost, std::to_string(loss.seq) + ":" + loss.hash);
    for (const auto& [chain, heads] : kept.heads)
        if (!heads.empty()) text += line_of(chain, std::to_string(heads.rbegin()->first), heads.rbegin()->second);
    return text;
}

bool write_all(int fd, const std::string& text) {
    return ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) && ::fsync(fd) == 0;
}

// Rewrites the file with each chain's latest head and every loss, beside it and moved over it
// (the caller holds the lock of the file replaced: appenders that waited for it open the new one).
void compact(const std::string& file, const std::string& header) {
    auto part = file + ".part";
    int fd = ::open(part.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) return;
    bool ok = write_all(fd, header + text_of(since_restart(read_lines(file))));
    ::close(fd);
    if (ok) ok = ::rename(part.c_str(), file.c_str()) == 0;
    if (!ok) ::unlink(part.c_str());
}

// Runs `write(kept so far)` on the file under an exclusive lock and appends what it returns,
// synced before this returns; false when the file cannot be written.
// The open file, closed (and with it its lock) however the scope ends: a look-up that throws
// while the lock is held must not leave every other commit of this process waiting on it.
class OpenFile {
public:
    explicit OpenFile(int fd) : fd_(fd) {}
    ~OpenFile() {
        if (fd_ >= 0) ::close(fd_);
    }
    OpenFile(const OpenFile&) = delete;
    OpenFile& operator=(const OpenFile&) = delete;
    int fd() const { return fd_; }

private:
    int fd_;
};

// Runs `write(kept so far)` on the file under an exclusive lock and appends what it returns,
// synced before this returns; false when the file cannot be written.
template <class Write>
bool append(const std::string& file, const std::string& header, Write write) {
    for (int attempt = 0; attempt < 5; ++attempt) {
        OpenFile open_file(::open(file.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600));
        const int fd = open_file.fd();
        if (fd < 0) return false;
        struct stat held {}, named {};
        if (::flock(fd, LOCK_EX) != 0 || ::fstat(fd, &held) != 0) return false;
        if (::stat(file.c_str(), &named) != 0 || named.st_ino != held.st_ino) continue;  // compacted meanwhile
        std::string text = write(since_restart(read_lines(file)));
        bool ok = write_all(fd, held.st_size == 0 ? header + text : text);
        if (ok && static_cast<std::uintmax_t>(held.st_size) > kCompactAbove) compact(file, header);
        return ok;
    }
    return false;
}

std::string header_for(storage::Database& db) {
    return "# Gongji Desk: the audit log's heads as this account committed them, database " +
           storage::redacted_url(db.url()) +
           "\n# (at, chain, seq, hash; an empty chain starts afresh; \"lost\": an entry seen committed, later gone)\n";
}

// The heads about to be kept, and a loss for each chain the database has fallen behind on: a head
// at or below one kept already, where the kept one is no longer in the database as it was. (Below
// it without a loss is two programs of one window appending in another order than they committed.)
std::string heads_and_losses(storage::Database& db, const Kept& kept, const storage::Database::AuditHeads& heads) {
    std::string text;
    for (const auto& [chain, head] : heads) {
        auto at = kept.heads.find(chain);
        if (at != kept.heads.end() && !at->second.empty()) {
            const auto& [seen, seen_hash] = *at->second.rbegin();
            if (head.first <= seen && storage::AuditRepository(db).hash_at(chain, seen) != seen_hash)
                text += line_of(chain, kLost, std::to_string(seen) + ":" + seen_hash);
        }
        text += line_of(chain, std::to_string(head.first), head.second);
    }
    return text;
}

}  // namespace

void keep_anchors_of(storage::Database& db) {
    auto file = std::make_shared<std::optional<std::string>>();
    db.on_audit_committed([file](storage::Database& on, const storage::Database::AuditHeads& heads) {
        try {
            if (!*file) *file = file_for(on);
            if ((*file)->empty()) return;
            if (!append(**file, header_for(on), [&](const Kept& kept) { return heads_and_losses(on, kept, heads); }))
                std::cerr << "gongji: cannot keep the audit log's heads in " << **file << ": " << std::strerror(errno) << "\n";
        } catch (const std::exception& e) {
            std::cerr << "gongji: cannot keep the audit log's heads: " << e.what() << "\n";
        }
    });
}

std::string kept_anchor_file(Workspace& ws) { return file_for(database(ws)); }

namespace {
// What the kept file says of this database since the last restart (nothing when it has no schema).
Kept kept_of(Workspace& ws) {
    auto file = kept_anchor_file(ws);
    return file.empty() ? Kept{} : since_restart(read_lines(file));
}

std::vector<AuditAnchor> anchors_of(const Kept& kept) {
    std::vector<AuditAnchor> out;
    for (const auto& [chain, heads] : kept.heads)
        for (const auto& [seq, hash] : heads) out.push_back({chain, seq, hash, true});
    return out;
}
}  // namespace

std::vector<AuditAnchor> kept_audit_anchors(Workspace& ws) { return anchors_of(kept_of(ws)); }

void restart_kept_anchors(Workspace& ws, const std::string& why) {
    auto file = kept_anchor_file(ws);
    if (file.empty()) return;
    std::string reason = why;
    for (auto& c : reason)
        if (c == '\t' || c == '\n') c = ' ';
    append(file, header_for(database(ws)), [&](const Kept&) { return line_of("", kRestart, reason); });
}

std::vector<LostTail> lost_tails(Workspace& ws) {
    auto kept = kept_of(ws);
    auto& log = stores(ws).audit;
    auto heads = log.heads();
    std::map<std::string, LostTail> lost;
    auto head_of = [&](const std::string& chain) { return heads.count(chain) ? heads[chain].seq : 0LL; };
    for (const auto& loss : kept.losses) {
        auto& t = lost[loss.chain];
        t = {loss.chain, std::max(t.seen, loss.seq), head_of(loss.chain), true};
    }
    for (const auto& [chain, seen] : kept.heads) {
        if (seen.empty()) continue;
        const auto& [seq, hash] = *seen.rbegin();
        if (log.hash_at(chain, seq) == hash) continue;
        auto& t = lost[chain];
        long long now_at = head_of(chain);
        t = {chain, std::max(t.seen, seq), now_at, t.rewritten || now_at >= seq};
    }
    std::vector<LostTail> out;
    for (auto& [chain, t] : lost) out.push_back(t);
    return out;
}

AuditVerification verify_audit_with_kept(Workspace& ws, std::vector<AuditAnchor> anchors, long long* kept_count) {
    auto kept = kept_of(ws);
    auto heads = anchors_of(kept);
    if (kept_count) *kept_count = static_cast<long long>(heads.size());
    anchors.insert(anchors.end(), heads.begin(), heads.end());
    auto v = verify_audit(ws, anchors);
    if (v.broken || kept.losses.empty()) return v;
    const auto& loss = kept.losses.front();
    v.broken = core::ChainBreak{loss.seq, "this machine saw it committed; the database lost it and its chain was written again "
                                          "from below it: work was lost"};
    v.broken_chain = loss.chain;
    return v;
}

}  // namespace gongji::app
