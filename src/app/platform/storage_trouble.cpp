#include "app/platform/storage_trouble.h"

#include <filesystem>
#include <fstream>

#include "app/platform/clock.h"
#include "app/platform/errors.h"
#include "app/platform/paths.h"
#include "storage/database.h"

namespace gongji::app {

namespace {

bool mentions(const std::string& text, std::initializer_list<const char*> words) {
    for (const char* w : words)
        if (text.find(w) != std::string::npos) return true;
    return false;
}

}  // namespace

StorageTrouble storage_trouble(const std::exception& e) {
    if (!storage::is_database_error(e)) return StorageTrouble::none;
    std::string text = e.what();
    // SQLite's and PostgreSQL's own words (sqlite3_errstr, libpq), as the messages carry them.
    if (mentions(text, {"database is locked", "database table is locked", "SQLITE_BUSY", "lock timeout",
                        "could not obtain lock", "deadlock detected"}))
        return StorageTrouble::busy;
    if (mentions(text, {"bad PostgreSQL URL", "unknown database URL", "no file in database URL", "unable to open database file",
                        "Cannot establish connection", "could not connect", "Connection refused", "could not translate host",
                        "timeout expired", "no such host"}))
        return StorageTrouble::unreachable;
    if (mentions(text, {"file is not a database", "database disk image is malformed", "disk I/O error", "SQLITE_CORRUPT",
                        "SQLITE_NOTADB", "SQLITE_IOERR", "invalid page", "could not read block"}))
        return StorageTrouble::damaged;
    if (mentions(text, {"permission denied for", "must be owner of"})) return StorageTrouble::not_permitted;
    return StorageTrouble::other;
}

const char* const kNotPermittedAdvice =
    "the database does not let this connection's role make this change: users, settings and policy profiles are "
    "changed through the administrators' connection (the gongji_admin role, docs/postgresql.md); nothing was changed";

std::string log_for_administrator(const std::string& doing, const std::exception& e) {
    try {
        auto path = (std::filesystem::path(user_data_dir()) / "gongji-desk.log").string();
        std::ofstream out(path, std::ios::app);
        out << now().utc() << "\t" << doing << "\t" << e.what() << "\n";
        return out ? path : "";
    } catch (...) {
        return "";
    }
}

}  // namespace gongji::app
