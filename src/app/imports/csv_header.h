#pragma once
// A CSV file's header line, once the columns needed were found in it (roster, settlements).
#include <string>
#include <vector>

namespace gongji::app {

// BadInput "header_too_wide" beyond core::kMaxHeaderColumns columns, "column_repeated" for a
// column named twice (which of the two holds the value would be a guess).
void refuse_unusable_header(const std::vector<std::string>& header);

}  // namespace gongji::app
