#pragma once
// The agency's settings that are whole numbers within bounds (document limits, password rules):
// checked when set, and a value stored before it was checked counts as unset.
#include <map>
#include <optional>
#include <string>

#include "app/trust/auth.h"
#include "app/platform/workspace.h"

namespace gongji::app {

struct NumberSetting {
    const char* key;
    long long least, most;
};

// From all the settings, read at once: an action needs several (stores(ws).settings.all()).
std::optional<long long> number_setting(const std::map<std::string, std::string>& settings, const char* key);
// An administrator with `duty`; BadInput(`code`, {key, value}) for anything but a whole number
// within bounds.
void set_number_setting(Workspace& ws, const Actor& actor, core::Duty duty, const NumberSetting& setting,
                        const std::string& value, const char* code);

}  // namespace gongji::app
