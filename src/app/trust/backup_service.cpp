#include "app/trust/backup_service.h"

#include <algorithm>
#include <filesystem>
#include <map>

#include <unistd.h>

#include "app/trust/audit.h"
#include "app/platform/clock.h"
#include "app/platform/errors.h"
#include "app/trust/kept_anchors.h"
#include "app/trust/state_check.h"
#include "app/platform/stores.h"
#include "core/json_writer.h"
#include "storage/migrations.h"

#include <Poco/JSON/Parser.h>
#include "storage/sqlite_backup.h"

namespace gongji::app {

namespace {

constexpr int kBackupSealedFrom = 16;  // db/migrations/0016: backups taken by this release seal themselves first

// The tables of a copy against its log, read as this release reads them: a copy made by an older
// release is upgraded first, in a scratch file beside nothing of the agency's, and thrown away.
StateCheck check_state_at_latest_schema(Workspace& copy, int version) {
    const auto migrations = storage::load_migrations(migrations_dir());
    if (version >= static_cast<int>(migrations.size())) return check_state(copy);
    namespace fs = std::filesystem;
    const auto scratch = fs::temp_directory_path() / ("gongji-restore-check-" + std::to_string(::getpid()) + ".db");
    struct Removed {
        fs::path file;
        ~Removed() {
            std::error_code ec;
            for (const char* tail : {"", "-wal", "-shm"}) fs::remove(file.string() + tail, ec);
        }
    } removed{scratch};
    storage::copy_sqlite(database(copy), scratch.string());
    Workspace upgraded("sqlite:" + scratch.string());
    storage::migrate(database(upgraded), migrations, now());
    return check_state(upgraded);
}

// Checks a copy: SQLite finds no damage and every audit chain is whole. `why` says what does not
// check out (empty when all does); the audit log's figures go into the report.
// A copy checks out when SQLite finds it whole, its audit chains hold (and hold each anchor),
// and its tables are what its log says they are (app/trust/state_check.h).
// A backup is taken of the database as it is; its restore is refused when the tables differ.
std::string check_copy(Workspace& copy, BackupReport& report, const std::vector<AuditAnchor>& anchors, bool prove_state) {
    auto integrity = storage::integrity(database(copy));
    if (integrity != "ok") return "damaged: " + integrity;
    auto audit = verify_audit(copy, anchors);
    if (audit.broken)
        return "its audit log is broken in chain \"" + audit.broken_chain + "\" at " + std::to_string(audit.broken->seq) +
               ": " + audit.broken->reason;
    report.audit_entries = audit.entries;
    report.chains = audit.chains;
    const int version = storage::schema_version(database(copy));
    if (!prove_state || version < kStateProvenFrom) return "";  // proven since
    auto state = check_state_at_latest_schema(copy, version);
    if (!state.differences.empty()) {
        // A row by its key rather than a table's digest ("persons *") where one is named.
        const auto* named = &state.differences.front();
        for (const auto& d : state.differences)
            if (d.key != "*") {
                named = &d;
                break;
            }
        return state_summary(state) + " (first " + named->table + " " + named->key +
               "): changed without an entry in its log. `gongji --db sqlite:" + database(copy).url().substr(7) +
               " audit verify` names every one";
    }
    return "";
}

// This machine's kept heads that a backup taken later must have as they were: those up to each
// chain's head in the copy (a copy older than a head lacks it, as it should).
std::vector<AuditAnchor> kept_within(Workspace& copy, const std::vector<AuditAnchor>& kept) {
    auto heads = stores(copy).audit.heads();
    std::vector<AuditAnchor> within;
    for (auto a : kept)
        if (heads.count(a.chain) && a.seq <= heads[a.chain].seq) {
            a.kept = false;  // held like a printed anchor: the entry must be there, as it was
            within.push_back(a);
        }
    return within;
}

// The entries kept as committed here beyond each chain's head in the backup.
std::vector<BackupReport::Missing> not_in(Workspace& backup, const std::vector<AuditAnchor>& kept) {
    std::map<std::string, long long> seen;
    for (const auto& a : kept) seen[a.chain] = std::max(seen[a.chain], a.seq);
    auto heads = stores(backup).audit.heads();
    std::vector<BackupReport::Missing> missing;
    for (const auto& [chain, last] : seen) {
        long long has = heads.count(chain) ? heads[chain].seq : 0;
        if (last > has) missing.push_back({chain, has + 1, last});
    }
    return missing;
}

// A backup whose log was cut back after it was taken: the entries it was marked with, or its own
// sealed entry (written before the copy since schema 16), are no longer all there.
std::string cut_since_taken(Workspace& copy, const std::string& taken_at, int version) {
    const auto held = storage::audit_entry_count(database(copy)), marked = storage::backup_audit_entries(database(copy));
    if (held != marked)
        return "its audit log holds " + std::to_string(held) + " entries, but it was taken with " + std::to_string(marked) +
               ": entries were cut from it";
    if (version < kBackupSealedFrom) return "";
    const auto sealed = storage::backup_entry(database(copy), taken_at);
    if (!sealed) return "its own sealed entry (backup taken at " + taken_at + ") is not in its log: entries were cut from it";
    Poco::JSON::Object::Ptr heads;
    try {
        heads = Poco::JSON::Parser().parse(*sealed).extract<Poco::JSON::Object::Ptr>()->getObject("heads");
    } catch (const std::exception&) {
    }
    if (!heads) return "";  // sealed before the heads were: its presence is the proof
    auto held_heads = stores(copy).audit.heads();
    for (const auto& chain : heads->getNames()) {
        const auto sealed_seq = heads->getValue<long long>(chain);
        const long long has = held_heads.count(chain) ? held_heads[chain].seq : 0;
        if (has < sealed_seq)
            return "chain \"" + chain + "\" ends at entry " + std::to_string(has) + ", but held " + std::to_string(sealed_seq) +
                   " when the backup was taken: entries were cut from it";
    }
    return "";
}

}  // namespace

BackupReport back_up(Workspace& ws, const Actor& actor, const std::string& file) {
    require_role(actor, {core::Role::admin});
    std::error_code ec;
    if (std::filesystem::exists(file, ec))
        throw BadInput("backup: " + file + " exists already; choose a new file", {"file_exists", {{"file", file}}});
    const std::string partial = file + ".partial";
    std::filesystem::remove(partial, ec);
    BackupReport report{file, 0, 0, now().utc(), false, {}, ""};
    // Sealed before the copy is taken, so that the copy holds it: a backup whose log was cut back
    // after it was taken has lost its own entry, and its restore is refused.
    // With every chain's head as the copy will at least hold it: entries cut from any chain of
    // the copy afterwards are found.
    const auto name = std::filesystem::path(file).filename().string();
    seal_backup(ws, {actor.username, actor.workstation}, name, report.taken_at);
    auto failed = [&](const std::string& why) {
        std::filesystem::remove(partial, ec);
        audit(ws, {actor.username, actor.workstation}, "backup.failed", "database", name, "", "");
        return Refused("backup_unverified", {{"why", why}});
    };
    storage::copy_sqlite(database(ws), partial);
    {
        Workspace copy("sqlite:" + partial);
        if (auto why = check_copy(copy, report, {}, /*prove_state=*/false); !why.empty()) throw failed(why);
        // Kept all the same (it is the database as it is), but said: a restore will refuse it.
        if (storage::schema_version(database(copy)) >= kStateProvenFrom)
            if (auto state = check_state(copy); !state.differences.empty()) report.differs_from_log = state_summary(state);
        storage::mark_backup(database(copy), report.taken_at, actor.username, report.audit_entries);
    }
    std::filesystem::rename(partial, file, ec);  // called a backup only once it checked out
    if (ec) {
        failed(ec.message());
        throw BadInput("backup: cannot write " + file + ": " + ec.message(), {"file_unwritable", {{"file", file}}});
    }
    return report;
}

void seal_backup(Workspace& ws, const AuditWho& who, const std::string& name, const std::string& taken_at) {
    if (storage::schema_version(database(ws)) < kBackupSealedFrom) return;
    core::JsonWriter record(false);
    record.begin_object().key("taken_at").value(taken_at).key("heads").begin_object();
    for (const auto& [chain, head] : stores(ws).audit.heads()) record.key(chain).value(head.seq);
    record.end_object().end_object();
    audit(ws, who, "backup", "database", name, "", record.str());
}

BackupReport restore(Workspace& ws, const Actor& actor, const std::string& file, const std::vector<AuditAnchor>& anchors) {
    require_role(actor, {core::Role::admin});
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec)) throw BadInput("restore: no file " + file, {"file_missing", {{"file", file}}});
    BackupReport report{file, 0, 0, "", false, {}, ""};
    {
        std::unique_ptr<Workspace> copy;
        try {
            copy = std::make_unique<Workspace>("sqlite:" + file);
        } catch (const std::exception& e) {
            throw Refused("not_a_backup", {{"why", e.what()}});
        }
        std::string why;
        try {
            auto taken_at = storage::backup_taken_at(database(*copy));
            const int version = storage::schema_version(database(*copy));
            const int latest = static_cast<int>(storage::load_migrations(migrations_dir()).size());
            report.older_schema = version < latest;
            if (!taken_at) {
                why = "it is not a backup made by gongji backup";
            } else if (version > latest) {
                why = "a newer version of Gongji Desk made it (schema version " + std::to_string(version) +
                      ", this program knows " + std::to_string(latest) + ")";
            } else {
                report.taken_at = *taken_at;
                auto kept = kept_audit_anchors(ws);
                auto held = kept_within(*copy, kept);
                held.insert(held.end(), anchors.begin(), anchors.end());
                why = check_copy(*copy, report, held, /*prove_state=*/true);
                if (why.empty()) why = cut_since_taken(*copy, *taken_at, version);
                report.not_in_backup = not_in(*copy, kept);
            }
        } catch (const std::exception& e) {  // not a database at all
            why = e.what();
        }
        if (!why.empty()) throw Refused("not_a_backup", {{"why", why}});
    }
    storage::copy_sqlite(file, database(ws));
    storage::unmark_backup(database(ws));
    // The heads kept before the restore describe the database that was replaced: start afresh.
    restart_kept_anchors(ws, "restored from " + std::filesystem::path(file).filename().string());
    audit(ws, {actor.username, actor.workstation}, "restore", "database", std::filesystem::path(file).filename().string(), "",
          "{\"taken_at\":\"" + report.taken_at + "\"}");
    return report;
}

}  // namespace gongji::app
