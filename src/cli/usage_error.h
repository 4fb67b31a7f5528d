#pragma once
// A command line that cannot be used: an option missing, unknown or given twice, a word too many.
// Said by the CLI alone (it names flags); the desktop app never meets it.
#include <string>

#include "app/platform/errors.h"

namespace gongji::cli {

inline app::BadInput usage_error(const std::string& message) { return app::BadInput(message, {"command_line", {}}); }

}  // namespace gongji::cli
