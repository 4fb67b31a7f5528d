#pragma once
// The Chinese message beside each refusal code in the CLI's JSON (interfaces.md): the command
// line's words for the application layer's problems.
#include <string>

#include "app/platform/errors.h"

namespace gongji::cli {

std::string refusal_message(const app::Problem& problem);

}  // namespace gongji::cli
