#pragma once
// One open database with its repositories: what every use case works on.
#include <memory>
#include <string>
#include <vector>

#include "core/civil_date.h"
#include "core/region_table.h"
#include "storage/binding_repository.h"
#include "storage/case_repository.h"
#include "storage/code_table_repository.h"
#include "storage/database.h"
#include "storage/person_repository.h"
#include "storage/policy_repository.h"
#include "storage/user_repository.h"

namespace gongji::app {

class Workspace {
public:
    // Opens `url` (see interfaces.md); does not create or check the schema.
    explicit Workspace(const std::string& url);

    storage::Database& db() { return *db_; }
    storage::PersonRepository& persons() { return persons_; }
    storage::PolicyRepository& policies() { return policies_; }
    storage::BindingRepository& bindings() { return bindings_; }
    storage::CaseRepository& cases() { return cases_; }
    storage::UserRepository& users() { return users_; }
    storage::CodeTableRepository& code_tables() { return codes_; }

    // Throws NotInitialized unless the schema is at the program's latest migration, and
    // StorageError when it is newer.
    void require_current_schema();
    // The region code table from the database (loaded once).
    const core::RegionTable& regions();

private:
    std::unique_ptr<storage::Database> db_;
    storage::PersonRepository persons_;
    storage::PolicyRepository policies_;
    storage::BindingRepository bindings_;
    storage::CaseRepository cases_;
    storage::UserRepository users_;
    storage::CodeTableRepository codes_;
    std::unique_ptr<core::RegionTable> regions_;
};

// Today's date at the agency: China Standard Time (UTC+8, no daylight saving).
core::CivilDate china_today();
// The shipped region code table (db/regions.csv), as rows and as a look-up needing no database.
std::vector<core::Region> read_shipped_regions();
core::RegionTable load_shipped_regions();
// The migrations shipped with the program.
std::string migrations_dir();

}  // namespace gongji::app
