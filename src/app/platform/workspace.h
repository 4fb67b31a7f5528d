#pragma once
// One open database: what every use case works on. Its repositories are the application
// layer's own (app/platform/stores.h); the ui and cli reach data only through use cases.
#include <memory>
#include <string>
#include <vector>

#include "app/platform/clock.h"
#include "core/recorded_settlement.h"
#include "core/region_table.h"

namespace gongji::storage {
class Database;
}

namespace gongji::app {

struct Stores;

class Workspace {
public:
    // Opens `url` (see interfaces.md); does not create or check the schema.
    explicit Workspace(const std::string& url);
    ~Workspace();
    Workspace(const Workspace&) = delete;
    Workspace& operator=(const Workspace&) = delete;

    // Throws SchemaMismatch unless the schema is at the program's latest migration.
    void require_current_schema();
    // The region code table from the database (loaded once).
    const core::RegionTable& regions();
    // Where the data lives, as given ("sqlite:PATH" or a PostgreSQL URI).
    const std::string& url() const;
    // Whether the connection to the database broke (the server restarted, the network went).
    // The next use case connects again; whatever was in flight was not saved.
    bool connection_lost();

private:
    friend Stores& stores(Workspace& ws);
    friend storage::Database& database(Workspace& ws);
    // The stores, on a new connection when the last one broke outside a transaction.
    Stores& live_stores();
    std::unique_ptr<Stores> stores_;
    std::unique_ptr<core::RegionTable> regions_;
};

// The shipped region code table (db/regions.csv), as rows and as a look-up needing no database.
std::vector<core::Region> read_shipped_regions();
core::RegionTable load_shipped_regions();
// The platform's medical categories and the uses they pay for (db/med_types.csv).
core::MedTypeTable load_shipped_med_types();
// The migrations shipped with the program.
std::string migrations_dir();

// A database URL as it may be shown, its password (if any) as "***".
std::string shown_url(const std::string& url);
// What to say when a database URL carries a password (readable by every account in the process
// list); empty when it carries none.
std::string password_in_url_warning(const std::string& url);
// What to say, once a start, when a PostgreSQL connection to another machine does not verify the
// server's certificate; empty when it does, or the server is this machine.
std::string unverified_server_warning(const std::string& url);

}  // namespace gongji::app
