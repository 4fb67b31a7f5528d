#include "app/platform/environment.h"

#include <cstdlib>

namespace gongji::app {

const char* env_name(Env which) {
    switch (which) {
        case Env::database: return "GONGJI_DB";
        case Env::data_dir: return "GONGJI_DATA_DIR";
        case Env::reports_dir: return "GONGJI_REPORTS_DIR";
        case Env::agency_reports_dir: return "GONGJI_AGENCY_REPORTS_DIR";
        case Env::forms_dir: return "GONGJI_FORMS_DIR";
        case Env::tessdata: return "GONGJI_TESSDATA";
        case Env::language: return "GONGJI_LANG";
        case Env::workstation: return "GONGJI_WORKSTATION";
        case Env::workstation_file: return "GONGJI_WORKSTATION_FILE";
        case Env::audit_key_file: return "GONGJI_AUDIT_KEY_FILE";
        case Env::devices_file: return "GONGJI_DEVICES_FILE";
        case Env::lock_minutes: return "GONGJI_LOCK_MINUTES";
        case Env::password: return "GONGJI_PASSWORD";
        case Env::new_password: return "GONGJI_NEW_PASSWORD";
        case Env::xdg_data_home: return "XDG_DATA_HOME";
        case Env::home: return "HOME";
    }
    return "";
}

std::optional<std::string> env(Env which) {
    const char* value = std::getenv(env_name(which));
    bool secret = which == Env::password || which == Env::new_password;  // an empty one is an answer, refused later
    if (!value || (!*value && !secret)) return std::nullopt;
    return std::string(value);
}

}  // namespace gongji::app
