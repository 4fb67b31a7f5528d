#pragma once
// What every command needs: the database (opened on first use) and the acting user.
#include <memory>
#include <optional>
#include <string>

#include "app/trust/auth.h"
#include "app/platform/environment.h"
#include "app/platform/workspace.h"

namespace gongji::cli {

class Session {
public:
    Session(std::optional<std::string> db_url, std::optional<std::string> as_user)
        : db_url_(std::move(db_url)), as_user_(std::move(as_user)) {}

    // The open database; with `require_schema` it must be initialized and current.
    app::Workspace& workspace(bool require_schema = true);
    // From now on the database is used at whatever schema it has, never upgraded: a restore
    // replaces it whole (and may put back the copy an upgrade kept, to go back a version).
    void keep_schema_as_it_is() { schema_checked_ = true; }
    // The user named by --as, authenticated with GONGJI_PASSWORD or a prompt on a terminal. An
    // account that must choose a new password is warned, or refused ("password_change_required")
    // where the agency requires it, unless `changing_password`.
    app::Actor actor(bool changing_password = false);
    const std::string& password() const { return password_; }  // the one actor() was given
    const std::optional<std::string>& as_user() const { return as_user_; }

private:
    std::optional<std::string> db_url_;
    std::optional<std::string> as_user_;
    std::unique_ptr<app::Workspace> workspace_;
    bool schema_checked_ = false;
    std::string password_;
};

// A secret from the environment variable, else typed at a prompt on a terminal (no echo);
// BadInput when neither is possible.
std::string read_secret(app::Env variable, const std::string& prompt);

// Writes one JSON document and a newline to stdout.
void print_json(const std::string& json);

}  // namespace gongji::cli
