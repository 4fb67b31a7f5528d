#pragma once
// The environment variables the program reads, every one of them named here and read nowhere
// else: overrides for tests, for running from the source tree and for unusual installations.
// A variable set to the empty string counts as not set (a password excepted: it is refused as
// empty where it is used).
#include <optional>
#include <string>

namespace gongji::app {

enum class Env {
    database,          // GONGJI_DB: the database URL, instead of the user's embedded one
    data_dir,          // GONGJI_DATA_DIR: migrations, code tables, shipped profiles, demo data
    reports_dir,       // GONGJI_REPORTS_DIR: the document templates
    agency_reports_dir,  // GONGJI_AGENCY_REPORTS_DIR: the agency's own edited templates
    forms_dir,         // GONGJI_FORMS_DIR: the desktop app's XRC forms
    tessdata,          // GONGJI_TESSDATA: the OCR's trained data
    language,          // GONGJI_LANG: the desktop app's language, over the user's choice
    workstation,       // GONGJI_WORKSTATION: this window's name, over the machine's setting
    workstation_file,  // GONGJI_WORKSTATION_FILE: where the machine's setting is kept (root only)
    audit_key_file,    // GONGJI_AUDIT_KEY_FILE: the agency's audit keys
    devices_file,      // GONGJI_DEVICES_FILE: where the machine's devices are chosen
    lock_minutes,      // GONGJI_LOCK_MINUTES: idle minutes before the desktop app locks
    password,          // GONGJI_PASSWORD: the CLI's password, instead of asking
    new_password,      // GONGJI_NEW_PASSWORD: a new user's password, instead of asking
    xdg_data_home,     // XDG_DATA_HOME, then HOME: where the user's embedded database lives
    home,
};

const char* env_name(Env which);
std::optional<std::string> env(Env which);

}  // namespace gongji::app
