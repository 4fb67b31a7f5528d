#pragma once
// The agency's settings kept in the database (its name on printouts, its own policy profile):
// read by anyone, changed by an administrator, every change audited with what it was before.
#include <optional>
#include <string>

#include "app/auth.h"
#include "app/workspace.h"

namespace gongji::app {

std::optional<std::string> setting(Workspace& ws, const std::string& key);
void change_setting(Workspace& ws, const Actor& actor, const std::string& key, const std::string& value);

}  // namespace gongji::app
