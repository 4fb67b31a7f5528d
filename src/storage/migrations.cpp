#include "storage/migrations.h"

#include <soci/soci.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace gongji::storage {
namespace {

namespace fs = std::filesystem;

// The migration as this database runs it: the lines tagged for another database left out, the
// tag of its own taken off, the identity column's type filled in.
std::string dialect_sql(const Dialect& dialect, const std::string& script) {
    const std::string own = dialect.migration_tag();
    std::string sql;
    std::istringstream in(script);
    for (std::string line; std::getline(in, line);) {
        if (line.rfind("{{sqlite}}", 0) == 0 || line.rfind("{{postgresql}}", 0) == 0) {
            if (line.rfind(own, 0) != 0) continue;
            line.erase(0, own.size());
        }
        sql += line + '\n';
    }
    const std::string token = "{{identity}}";
    const std::string identity = dialect.identity_column();
    for (auto pos = sql.find(token); pos != std::string::npos; pos = sql.find(token, pos))
        sql.replace(pos, token.size(), identity);
    return sql;
}

std::string trim(const std::string& s) {
    auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return {};
    auto e = s.find_last_not_of(" \t\r\n");
    return s.substr(b, e - b + 1);
}

// Foreign keys off for one migration, where the database needs that to rebuild a table.
class ForeignKeysOff {
public:
    explicit ForeignKeysOff(Database& db) : db_(db) { db_.dialect().foreign_keys_during_migration(db_.sql(), false); }
    ~ForeignKeysOff() {
        try {
            db_.dialect().foreign_keys_during_migration(db_.sql(), true);
        } catch (const std::exception&) {  // the connection is gone: a new one starts with them on
        }
    }
    ForeignKeysOff(const ForeignKeysOff&) = delete;
    ForeignKeysOff& operator=(const ForeignKeysOff&) = delete;

private:
    Database& db_;
};

}  // namespace

std::vector<std::string> split_sql_statements(const std::string& script) {
    std::vector<std::string> out;
    std::string current;
    std::istringstream in(script);
    std::string line;
    while (std::getline(in, line)) {
        auto comment = line.find("--");
        if (comment != std::string::npos) line.erase(comment);
        auto t = trim(line);
        if (t.empty()) continue;
        current += t;
        if (t.back() == ';') {
            current.pop_back();
            out.push_back(trim(current));
            current.clear();
        } else {
            current += '\n';
        }
    }
    if (!trim(current).empty()) out.push_back(trim(current));
    return out;
}

std::vector<Migration> load_migrations(const std::string& directory) {
    std::vector<Migration> out;
    std::error_code ec;
    if (!fs::is_directory(directory, ec))
        throw StorageError("migrations folder not found: " + directory);
    for (const auto& entry : fs::directory_iterator(directory)) {
        auto name = entry.path().filename().string();
        if (entry.path().extension() != ".sql" || name.size() < 6 || name[4] != '_' ||
            !std::all_of(name.begin(), name.begin() + 4, [](char c) { return c >= '0' && c <= '9'; }))
            continue;
        std::ifstream file(entry.path(), std::ios::binary);
        if (!file) throw StorageError("cannot read migration " + entry.path().string());
        std::ostringstream text;
        text << file.rdbuf();
        out.push_back({std::stoi(name.substr(0, 4)), name, text.str()});
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.version < b.version; });
    for (size_t i = 0; i < out.size(); ++i)
        if (out[i].version != static_cast<int>(i) + 1)
            throw StorageError("migrations must be numbered 1, 2, 3… without gaps; found " + out[i].name);
    return out;
}

int schema_version(Database& db) {
    if (!db.dialect().has_table(db.sql(), "schema_migrations")) return 0;
    soci::indicator ind = soci::i_ok;
    int version = 0;
    db.sql() << "SELECT max(version) FROM schema_migrations", soci::into(version, ind);
    return ind == soci::i_null ? 0 : version;
}

std::string schema_created_at(Database& db) {
    if (!db.dialect().has_table(db.sql(), "schema_migrations")) return "";
    std::string at;
    db.sql() << "SELECT applied_at FROM schema_migrations WHERE version = 1", soci::into(at);
    return db.sql().got_data() ? at : "";
}

MigrationReport migrate(Database& db, const std::vector<Migration>& migrations, core::Instant applied_at) {
    MigrationReport report;
    if (!db.dialect().has_table(db.sql(), "schema_migrations"))
        db.sql() << "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, "
                    "name TEXT NOT NULL, applied_at VARCHAR(32) NOT NULL)";
    report.from_version = schema_version(db);
    int latest = migrations.empty() ? 0 : migrations.back().version;
    if (report.from_version > latest)
        throw StorageError("the database has schema version " + std::to_string(report.from_version) +
                           ", newer than this program knows (" + std::to_string(latest) +
                           "): use a newer Gongji Desk; nothing was changed");
    for (const auto& m : migrations) {
        if (m.version <= report.from_version) continue;
        ForeignKeysOff relaxed(db);  // declared first: on again after the transaction ends either way
        Transaction tx(db);
        try {
            for (const auto& statement : split_sql_statements(dialect_sql(db.dialect(), m.sql)))
                db.sql() << statement;
            db.dialect().check_foreign_keys(db.sql());
            auto now = applied_at.utc();
            db.sql() << "INSERT INTO schema_migrations (version, name, applied_at) VALUES (:v, :n, :t)",
                soci::use(m.version), soci::use(m.name), soci::use(now);
        } catch (const soci::soci_error& e) {
            throw StorageError("migration " + m.name + " failed: " + e.what());
        }
        tx.commit();
        report.applied.push_back(m.name);
    }
    report.to_version = std::max(report.from_version, latest);
    db.schema_changed();
    return report;
}

void record_release(Database& db, core::Instant at, const std::string& program_release, int from_version, int to_version) {
    if (!db.dialect().has_table(db.sql(), "schema_releases")) return;
    auto when = at.utc();
    db.sql() << "INSERT INTO schema_releases (at, program_release, from_version, to_version) VALUES (:a, :r, :f, :t)",
        soci::use(when), soci::use(program_release), soci::use(from_version), soci::use(to_version);
}

}  // namespace gongji::storage
