#include "app/imports/csv_header.h"

#include "app/platform/errors.h"
#include "core/csv.h"
#include "core/text_limits.h"

namespace gongji::app {

void refuse_unusable_header(const std::vector<std::string>& header) {
    if (header.size() > core::kMaxHeaderColumns)
        throw BadInput("line 1: the header has " + std::to_string(header.size()) + " columns; a header may have at most " +
                           std::to_string(core::kMaxHeaderColumns) + " (header_too_wide): nothing was imported",
                       {"header_too_wide", {{"columns", std::to_string(header.size())},
                                            {"max", std::to_string(core::kMaxHeaderColumns)}}});
    if (auto twice = core::repeated_column(header))
        throw BadInput("line 1: the header names column \"" + *twice + "\" twice", {"column_repeated", {{"column", *twice}}});
}

}  // namespace gongji::app
