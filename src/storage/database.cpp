#include "storage/database.h"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <libpq-fe.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <regex>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <optional>
#include <set>

#include "storage/audit_repository.h"
#include "storage/intake_repository.h"

namespace gongji::storage {
namespace {

bool starts_with(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }

// Private at rest: an embedded database holds a million people's ID numbers, names and papers.
// SQLite creates the file (and its WAL and shared-memory files with the file's permissions);
// they are made readable by this account only right after it has opened them, and again at every
// start when found open to others (copied in, or made by an older version).
//
// By path only, never through a descriptor of our own: closing any descriptor of the database
// file drops every POSIX lock this process holds on it, SQLite's included, and another program
// would then take this process's write-ahead log for abandoned, checkpoint it and delete it while
// it is still being written (sqlite.org, "How To Corrupt An SQLite Database File", 2.2).
void make_private(const std::string& path) {
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
        auto file = path + suffix;
        struct stat st {};
        if (::stat(file.c_str(), &st) == 0 && S_ISREG(st.st_mode) && (st.st_mode & 077) != 0 && st.st_uid == ::geteuid())
            ::chmod(file.c_str(), 0600);
    }
}

// Every embedded database file some connection of this process has open, by device and inode.
struct OpenFiles {
    std::mutex mutex;
    std::multiset<std::pair<unsigned long long, unsigned long long>> files;
};
OpenFiles& open_files() {
    static OpenFiles registry;
    return registry;
}
std::optional<std::pair<unsigned long long, unsigned long long>> identity(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return std::nullopt;
    return std::pair<unsigned long long, unsigned long long>{st.st_dev, st.st_ino};
}

std::string quote_path(const std::string& path) {
    std::string out = "\"";
    for (char c : path) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
    }
    return out + "\"";
}

// libpq's messages carry the password-free host and port; keep only the first line.
std::string first_line(const std::string& text) {
    auto end = text.find('\n');
    return end == std::string::npos ? text : text.substr(0, end);
}

// SOCI's "Cannot establish connection" and, on the lines after it, libpq's reason (a refused
// certificate, a host name that does not match, a server that is not there): one line with both.
std::string connection_failure(const std::string& text) {
    std::string out;
    std::size_t start = 0;
    while (start < text.size()) {
        auto end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        auto line = text.substr(start, end - start);
        std::replace(line.begin(), line.end(), '\t', ' ');
        line.erase(0, line.find_first_not_of(' '));
        while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.pop_back();
        if (!line.empty()) out += (out.empty() ? "" : " ") + line;
        start = end + 1;
    }
    return out;
}

// SOCI 4.0 mangles libpq URIs; hand it the same settings as keyword=value pairs, which libpq
// itself parses out of the URI.
std::string libpq_keywords(const std::string& url) {
    char* error = nullptr;
    PQconninfoOption* options = PQconninfoParse(url.c_str(), &error);
    if (!options) {
        std::string message = error ? first_line(error) : "cannot parse";
        PQfreemem(error);
        // libpq quotes the URL in its message, password and all: never shown, never logged.
        const auto shown = redacted_url(url);
        if (shown != url) {
            auto start = static_cast<std::size_t>(std::mismatch(url.begin(), url.end(), shown.begin()).first - url.begin());
            auto secret = url.substr(start, url.size() - (shown.size() - 3));
            for (auto at = message.find(secret); !secret.empty() && at != std::string::npos; at = message.find(secret, at + 3))
                message.replace(at, secret.size(), "***");
        }
        throw StorageError("bad PostgreSQL URL: " + message);
    }
    std::string out;
    for (auto* o = options; o->keyword; ++o) {
        if (!o->val || !*o->val) continue;
        std::string value;
        for (const char* c = o->val; *c; ++c) {
            if (*c == '\\' || *c == '\'') value += '\\';
            value += *c;
        }
        out += std::string(out.empty() ? "" : " ") + o->keyword + "='" + value + "'";
    }
    PQconninfoFree(options);
    return out;
}

}  // namespace

std::string redacted_url(const std::string& url) {
    std::string out = url;
    if (auto scheme = out.find("://"); scheme != std::string::npos) {
        // postgresql://user:secret@host — the userinfo's password, up to the last '@' of the authority
        auto authority_end = out.find_first_of("/?", scheme + 3);
        auto at = out.rfind('@', authority_end == std::string::npos ? std::string::npos : authority_end);
        if (at != std::string::npos && at > scheme + 3) {
            auto colon = out.find(':', scheme + 3);
            if (colon != std::string::npos && colon < at) out.replace(colon + 1, at - colon - 1, "***");
        }
        // The query may name the password percent-encoded (%70assword=…): none of it is shown.
        if (auto query = out.find('?'); query != std::string::npos) out.replace(query + 1, std::string::npos, "***");
        return out;
    }
    // A keyword string's password=secret, password = 'a secret', password=a\ secret, as libpq
    // reads them: spaces around '=', a value quoted or with backslash escapes.
    static const std::regex password(R"re(password\s*=\s*('(?:[^'\\]|\\.)*'?|(?:[^\s\\]|\\.?)*))re");
    return std::regex_replace(out, password, "password=***");
}

bool is_database_error(const std::exception& e) {
    return dynamic_cast<const StorageError*>(&e) || dynamic_cast<const soci::soci_error*>(&e);
}

bool url_has_password(const std::string& url) {
    // libpq's own reading where it can read the string; the redaction's where it cannot.
    char* error = nullptr;
    PQconninfoOption* options = is_postgresql_url(url) ? PQconninfoParse(url.c_str(), &error) : nullptr;
    if (!options) {
        PQfreemem(error);
        return redacted_url(url) != url;
    }
    bool has = false;
    for (auto* o = options; o->keyword; ++o)
        if (std::strcmp(o->keyword, "password") == 0 && o->val && *o->val) has = true;
    PQconninfoFree(options);
    // A password libpq would not use (an empty one given after it) is still on the command line.
    return has || (url.find("://") == std::string::npos && redacted_url(url) != url);
}

bool is_postgresql_url(const std::string& url) {
    // A URI, or libpq's keyword/value form ("host=db1 dbname=gongji"), which begins with a keyword.
    if (starts_with(url, "postgresql://") || starts_with(url, "postgres://")) return true;
    auto equals = url.find('=');
    return equals != std::string::npos && equals > 0 && url.find_first_not_of("abcdefghijklmnopqrstuvwxyz_ ") == equals;
}

std::string unverified_server(const std::string& url) {
    if (!is_postgresql_url(url)) return "";
    char* error = nullptr;
    PQconninfoOption* options = PQconninfoParse(url.c_str(), &error);
    if (!options) {
        PQfreemem(error);
        return "";
    }
    std::string host, hostaddr, sslmode;
    for (auto* o = options; o->keyword; ++o) {
        if (!o->val) continue;
        if (std::strcmp(o->keyword, "host") == 0) host = o->val;
        if (std::strcmp(o->keyword, "hostaddr") == 0) hostaddr = o->val;
        if (std::strcmp(o->keyword, "sslmode") == 0) sslmode = o->val;
    }
    PQconninfoFree(options);
    // libpq's own defaults for what the string leaves out.
    if (host.empty() && std::getenv("PGHOST")) host = std::getenv("PGHOST");
    if (sslmode.empty()) sslmode = std::getenv("PGSSLMODE") ? std::getenv("PGSSLMODE") : "prefer";
    auto where = host.empty() ? hostaddr : host;
    const bool local = where.empty() || where.front() == '/' || where == "localhost" || where.rfind("127.", 0) == 0 ||
                       where == "::1";
    if (local || sslmode == "verify-full") return "";
    return where;
}

bool is_open_database_file(const std::string& path) {
    std::string base = path;
    for (const char* suffix : {"-wal", "-shm", "-journal"})
        if (base.size() > std::strlen(suffix) && base.compare(base.size() - std::strlen(suffix), std::string::npos, suffix) == 0)
            base.resize(base.size() - std::strlen(suffix));
    for (const auto& candidate : {path, base}) {
        auto id = identity(candidate);
        if (!id) continue;
        std::lock_guard lock(open_files().mutex);
        if (open_files().files.count(*id)) return true;
    }
    return false;
}

Database::Database(std::unique_ptr<soci::session> session, std::unique_ptr<Dialect> dialect, std::string url)
    : session_(std::move(session)), dialect_(std::move(dialect)), url_(std::move(url)) {
    dialect_->configure(*session_);
    if (starts_with(url_, "sqlite:")) {
        embedded_file_ = identity(url_.substr(7));
        if (embedded_file_) {
            std::lock_guard lock(open_files().mutex);
            open_files().files.insert(*embedded_file_);
        }
    }
}

Database::~Database() {
    if (!embedded_file_) return;
    std::lock_guard lock(open_files().mutex);
    auto at = open_files().files.find(*embedded_file_);
    if (at != open_files().files.end()) open_files().files.erase(at);
}

void Database::set_cache_mib(int mib) { dialect_->set_cache_mib(*session_, mib); }

std::unique_ptr<Database> Database::open(const std::string& url) {
    try {
        if (starts_with(url, "sqlite:")) {
            auto path = url.substr(7);
            if (path.empty()) throw StorageError("no file in database URL \"" + redacted_url(url) + "\"");
            std::unique_ptr<soci::session> session;
            try {
                session = std::make_unique<soci::session>(
                    soci::sqlite3, "db=" + quote_path(path) + " timeout=5");
            } catch (const soci::soci_error& e) {
                throw StorageError("cannot open database " + path + ": " + first_line(e.what()));
            }
            make_private(path);  // SQLite has created it, empty yet; its WAL will take the same permissions
            return std::unique_ptr<Database>(new Database(std::move(session), sqlite_dialect(), url));
        }
        if (is_postgresql_url(url)) {
            std::unique_ptr<soci::session> session;
            try {
                session = std::make_unique<soci::session>(soci::postgresql, libpq_keywords(url));
            } catch (const soci::soci_error& e) {
                throw StorageError("cannot open database: " + connection_failure(e.what()));
            }
            return std::unique_ptr<Database>(new Database(std::move(session), postgresql_dialect(), url));
        }
    } catch (const soci::soci_error& e) {
        throw StorageError("cannot open database: " + first_line(e.what()));
    }
    throw StorageError("unknown database URL \"" + redacted_url(url) + "\" (expected sqlite:PATH, postgresql://… or libpq keywords such as \"host=db1 dbname=gongji\")");
}

namespace {

// The money the transaction moved goes into the sealed entry that records why: its "after"
// object gains "balances" (the last entry's, so one import or transfer carries one part).
void record_digests(const core::StateDigests& digests, std::vector<core::AuditEntry>& entries) {
    auto part = core::digests_json(digests);
    if (part.empty()) return;
    if (entries.empty()) throw StorageError("money changed without an audit entry saying who changed it: nothing was saved");
    auto& after = entries.back().after;
    if (after.empty() || after == "{}") after = "{\"balances\":" + part + "}";
    else if (after.front() == '{') after = "{\"balances\":" + part + "," + after.substr(1);
    else throw StorageError("money changed by an entry whose record is not an object: nothing was saved");
}

}  // namespace

Transaction::Transaction(Database& db) : db_(db) {
    try {
        db_.dialect().begin(db_.sql());
        db_.in_transaction_ = true;
        db_.pending_audit_.clear();
        db_.pending_digests_.clear();
        db_.pending_case_events_.clear();
    } catch (const soci::soci_error& e) {
        throw StorageError(std::string("cannot begin a transaction: ") + first_line(e.what()));
    }
}

Transaction::~Transaction() {
    if (!open_) return;
    db_.in_transaction_ = false;
    db_.pending_audit_.clear();
    db_.pending_digests_.clear();
    db_.pending_case_events_.clear();
    try {
        db_.dialect().rollback(db_.sql());
    } catch (...) {
        // The connection may be gone; nothing was committed either way.
    }
}

void Transaction::commit() {
    try {
        Database::AuditHeads moved;
        record_digests(db_.pending_digests_, db_.pending_audit_);
        // The channels' counters before the chains' heads, in every transaction: never the other way round.
        if (!db_.pending_case_events_.empty()) IntakeRepository(db_).append_events(db_.pending_case_events_);
        if (!db_.pending_audit_.empty()) moved = AuditRepository(db_).append_chain(db_.pending_audit_);
        db_.dialect().commit(db_.sql());
        open_ = false;
        db_.in_transaction_ = false;
        db_.pending_audit_.clear();
        db_.pending_digests_.clear();
        db_.pending_case_events_.clear();
        db_.audit_committed(moved);
    } catch (const soci::soci_error& e) {
        throw StorageError(std::string("cannot commit: ") + first_line(e.what()));
    }
}

}  // namespace gongji::storage
