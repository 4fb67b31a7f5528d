#include "app/platform/workspace.h"

#include <fstream>

#include "app/trust/audit_keys.h"
#include "app/platform/errors.h"
#include "app/trust/kept_anchors.h"
#include "app/platform/paths.h"
#include "app/platform/stores.h"
#include "core/csv.h"
#include "storage/migrations.h"

namespace gongji::app {

namespace {
// The database, with the agency's current audit key to seal what is recorded in it.
std::unique_ptr<Stores> open_stores(const std::string& url) {
    auto db = storage::Database::open(url);
    db->set_audit_key(current_audit_key(load_audit_keys()));
    keep_anchors_of(*db);
    return std::make_unique<Stores>(std::move(db));
}
}  // namespace

Workspace::Workspace(const std::string& url) : stores_(open_stores(url)) {}
Workspace::~Workspace() = default;

const std::string& Workspace::url() const { return stores_->db->url(); }

bool Workspace::connection_lost() { return stores_->db->connection_lost(); }

Stores& Workspace::live_stores() {
    // Never in the middle of a transaction: its statements must all fail, not go on elsewhere.
    if (!stores_->db->in_transaction() && stores_->db->connection_lost()) {
        auto fresh = open_stores(stores_->db->url());  // throws while away
        stores_ = std::move(fresh);
    }
    return *stores_;
}

std::string migrations_dir() { return data_dir() + "/migrations"; }

void Workspace::require_current_schema() {
    int latest = static_cast<int>(storage::load_migrations(migrations_dir()).size());
    int current = storage::schema_version(*stores_->db);
    Problem problem{"", {{"version", std::to_string(current)}, {"needs", std::to_string(latest)}}};
    if (current == 0) {
        problem.code = "schema_missing";
        throw SchemaMismatch("the database has no schema yet: run `gongji init` first", problem);
    }
    if (current < latest) {
        problem.code = "schema_behind";
        throw SchemaMismatch("the database schema is at version " + std::to_string(current) + ", this program needs " +
                                 std::to_string(latest) + ": run `gongji init` to upgrade",
                             problem);
    }
    if (current > latest) {
        problem.code = "schema_newer";
        throw SchemaMismatch("the database has schema version " + std::to_string(current) +
                                 ", newer than this program knows (" + std::to_string(latest) +
                                 "): use a newer Gongji Desk",
                             problem);
    }
}

const core::RegionTable& Workspace::regions() {
    if (!regions_) regions_ = std::make_unique<core::RegionTable>(stores_->codes.load_regions());
    return *regions_;
}

std::vector<core::Region> read_shipped_regions() {
    auto path = data_dir() + "/regions.csv";
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read the region code table " + path);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::vector<core::Region> rows;
    core::CsvReader reader(text);
    std::vector<std::string> fields;
    while (reader.next(fields)) {
        if (fields.size() != 3 || fields[0].empty() || fields[0][0] == '#' || fields[0] == "code") continue;
        auto level = fields[2] == "province"     ? core::RegionLevel::province
                     : fields[2] == "prefecture" ? core::RegionLevel::prefecture
                                                 : core::RegionLevel::county;
        rows.push_back({fields[0], fields[1], level});
    }
    return rows;
}

core::RegionTable load_shipped_regions() {
    core::RegionTable table;
    for (auto& r : read_shipped_regions()) table.add(std::move(r));
    return table;
}

core::MedTypeTable load_shipped_med_types() {
    auto path = data_dir() + "/med_types.csv";
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read the medical category table " + path);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    try {
        return core::MedTypeTable::parse(text);
    } catch (const std::invalid_argument& e) {
        throw std::runtime_error(path + ": " + e.what());
    }
}

std::string shown_url(const std::string& url) { return storage::redacted_url(url); }

std::string password_in_url_warning(const std::string& url) {
    if (!storage::url_has_password(url)) return "";
    return "a password in the database URL can be read by every account on this machine (ps): give it in "
           "PGPASSWORD, ~/.pgpass or a service file instead (docs/postgresql.md)";
}

std::string unverified_server_warning(const std::string& url) {
    auto server = storage::unverified_server(url);
    if (server.empty()) return "";
    return "the connection to " + server + " does not verify the server's certificate: anyone on the network "
           "between can read and change what this window sends. Set sslmode=verify-full with the agency's root "
           "certificate (docs/postgresql.md)";
}

}  // namespace gongji::app
