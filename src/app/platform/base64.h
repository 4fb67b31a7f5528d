#pragma once
// Bytes kept in a TEXT column, alike on SQLite and PostgreSQL: scans, a card's portrait.
#include <string>

namespace gongji::app {

std::string to_base64(const std::string& bytes);  // one line, no breaks
std::string from_base64(const std::string& text);  // std::invalid_argument for what is not base64

}  // namespace gongji::app
