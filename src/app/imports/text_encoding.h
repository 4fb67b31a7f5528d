#pragma once
// Files from other systems arrive as UTF-8 (with or without BOM) or GB18030.
#include <string>
#include <string_view>

namespace gongji::app {

enum class Encoding { auto_detect, utf8, gb18030 };

// "auto", "utf-8"/"utf8", "gb18030"; BadInput otherwise.
Encoding parse_encoding(const std::string& name);
// Byte offset of the first byte that is not valid UTF-8, or npos.
size_t find_invalid_utf8(std::string_view text);
// Converts `bytes` to UTF-8 without BOM; `detected` becomes "utf-8" or "gb18030".
// BadInput naming the line when the text is not valid in the encoding.
std::string to_utf8(std::string bytes, Encoding encoding, std::string& detected);

}  // namespace gongji::app
