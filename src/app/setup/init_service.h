#pragma once
// `gongji init`: create or upgrade the schema, load the shipped code tables and profiles,
// create the first administrator; with demo data, a small roster, bindings and demo users.
#include <optional>
#include <string>
#include <vector>

#include "app/platform/workspace.h"

namespace gongji::app {

struct InitOptions {
    bool demo = false;
    // Password for the first administrator when there is no user yet; required then
    // (except with demo, whose users all have the password "demo").
    std::optional<std::string> admin_password;
};

struct InitReport {
    int from_version = 0;
    int to_version = 0;
    std::vector<std::string> migrations_applied;
    std::string copy;  // an embedded database upgraded: where it is kept as it was
    std::vector<std::string> policies_loaded;
    long long regions = 0;
    std::vector<std::string> users_created;
    size_t demo_persons = 0;
    size_t demo_bindings = 0;
};

// True when the database has no user yet (so init will need an administrator password).
bool needs_first_admin(Workspace& ws);
InitReport initialize(Workspace& ws, const InitOptions& options);
// The part of it that every new version's first start does too: the schema to the latest
// migration (each one all or nothing; an existing embedded database copied first, and the
// upgrade sealed in the audit log), the shipped code tables, and the shipped profiles not loaded
// before (an administrator's corrections of the others are kept).
InitReport bring_up_to_date(Workspace& ws);

}  // namespace gongji::app
