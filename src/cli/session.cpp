#include "cli/session.h"

#include <termios.h>
#include <unistd.h>

#include <cstdlib>
#include <iostream>

#include "app/platform/errors.h"
#include "app/trust/passwords.h"
#include "app/platform/paths.h"
#include "app/setup/schema_upgrade.h"
#include "cli/usage_error.h"

namespace gongji::cli {

app::Workspace& Session::workspace(bool require_schema) {
    if (!workspace_) {
        const auto url = db_url_.value_or(app::default_database_url());
        if (!db_url_)  // from GONGJI_DB: readable in this process's environment by the same account only
            if (app::password_in_url_warning(url) != "")
                std::cerr << "gongji: GONGJI_DB holds a password, which ends up in shell histories, scripts and the "
                             "environment of every program started from here: keep it in ~/.pgpass or a service file "
                             "instead (docs/postgresql.md)\n";
        if (auto warning = app::unverified_server_warning(url); !warning.empty()) std::cerr << "gongji: " << warning << "\n";
        workspace_ = std::make_unique<app::Workspace>(url);
    }
    if (require_schema && !schema_checked_) {
        if (auto upgrade = app::upgrade_on_start(*workspace_))
            std::cerr << "gongji: the database was upgraded from schema version " << upgrade->from_version << " to "
                      << upgrade->to_version << "; as it was before: " << upgrade->copy << "\n";
        schema_checked_ = true;
    }
    return *workspace_;
}

app::Actor Session::actor(bool changing_password) {
    if (!as_user_) throw usage_error("--as: this command changes or reads personal data, which is done and logged as a user: give --as USERNAME");
    password_ = read_secret(app::Env::password, "Password for " + *as_user_ + ": ");
    auto actor = app::authenticate(workspace(), *as_user_, password_);
    if (actor.password_change == app::PasswordChange::none || changing_password) return actor;
    if (app::cli_requires_password_change(workspace()))
        throw app::Refused("password_change_required", {{"reason", app::kPasswordChanges.code(actor.password_change)}});
    std::cerr << "gongji: " << *as_user_
              << (actor.password_change == app::PasswordChange::expired ? "'s password is older than the agency allows"
                                                     : "'s password was set by an administrator")
              << ": choose your own with `gongji --as " << *as_user_ << " user passwd`\n";
    return actor;
}

std::string read_secret(app::Env variable, const std::string& prompt) {
    if (auto value = app::env(variable)) return *value;
    if (!isatty(STDIN_FILENO))
        throw usage_error(std::string(app::env_name(variable)) + ": not set, and there is no terminal to ask on");
    std::cerr << prompt << std::flush;
    termios old{};
    tcgetattr(STDIN_FILENO, &old);
    termios quiet = old;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    std::string secret;
    std::getline(std::cin, secret);
    tcsetattr(STDIN_FILENO, TCSANOW, &old);
    std::cerr << "\n";
    return secret;
}

void print_json(const std::string& json) { std::cout << json << "\n" << std::flush; }

}  // namespace gongji::cli
