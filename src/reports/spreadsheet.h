#pragma once
// Tables written as an Excel workbook (.xlsx) with libxlsxwriter: what an agency reports up or
// hands to the fund-supervision staff, the same tables as the printed report. No wx, no SOCI.
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace gongji::reports {

class SpreadsheetError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct SheetCell {
    enum class Kind { text, count, yuan } kind = Kind::text;
    std::string text;
    long long number = 0;  // a count, or money in fen (shown in 元 with two decimals)

    static SheetCell of_text(std::string t) { return {Kind::text, std::move(t), 0}; }
    static SheetCell of_count(long long n) { return {Kind::count, {}, n}; }
    static SheetCell of_fen(long long fen) { return {Kind::yuan, {}, fen}; }
};

struct Sheet {
    std::string name;   // at most 31 characters, none of []:*?/\ (Excel's rule)
    std::string title;  // the first line, above the table
    std::vector<std::string> headers;
    std::vector<double> widths;  // in characters, one per column (missing: 12)
    std::vector<std::vector<SheetCell>> rows;
};

// Writes the workbook to `path` (replacing it); SpreadsheetError naming what failed.
void write_workbook(const std::string& path, const std::vector<Sheet>& sheets);

}  // namespace gongji::reports
