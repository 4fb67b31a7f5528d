#pragma once
// Settings, from the four places they live; this header is the map.
//  - The agency's, in the database, the same at every window: its name on printouts, its phone
//    and promised working days on receipts, its own policy profile. Read by anyone, changed by
//    an administrator, every change audited with what it was before (here).
//  - This machine's: the window's name, the OCR's data, the idle lock (app/setup/machine_settings.h).
//  - The user's preferences: the desktop app's language, kept in the user's own configuration
//    (ui/resources.h).
//  - Environment overrides of any of them, for tests and unusual installations (app/platform/environment.h).
#include <map>
#include <optional>
#include <utility>
#include <vector>
#include <string>

#include "app/trust/auth.h"
#include "app/platform/environment.h"
#include "app/setup/machine_settings.h"
#include "app/platform/workspace.h"

namespace gongji::app {

struct AgencySettings {
    std::string name;                           // empty until set
    std::optional<std::string> phone;
    std::optional<std::string> processing_days;  // working days, as a whole number
    std::optional<std::string> default_policy;   // the agency's own profile
};
AgencySettings agency_settings(Workspace& ws);

std::optional<std::string> setting(Workspace& ws, const std::string& key);
std::map<std::string, std::string> stored_settings(Workspace& ws);  // every key the agency set
void change_setting(Workspace& ws, const Actor& actor, const std::string& key, const std::string& value);
// Several at once, all or none, each audited with what it was before.
void change_settings(Workspace& ws, const Actor& actor, const std::vector<std::pair<std::string, std::string>>& changes);

}  // namespace gongji::app
