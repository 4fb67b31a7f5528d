#include "reports/spreadsheet.h"

#include <xlsxwriter.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

namespace gongji::reports {
namespace {

constexpr std::size_t kMaxRows = 1048576 - 2;  // Excel's limit, less the title and the header

void check(lxw_error error, const std::string& what) {
    if (error != LXW_NO_ERROR) throw SpreadsheetError(what + ": " + lxw_strerror(error));
}

}  // namespace

void write_workbook(const std::string& path, const std::vector<Sheet>& sheets) {
    // Rows are written in order and go to disk as they come: a large table never sits in memory twice.
    // Written beside the file and moved over it when complete: a failure leaves no half workbook.
    const std::string part = path + ".part";
    struct RemovePart {  // destroyed after the workbook is closed
        const std::string& part;
        bool keep = false;
        ~RemovePart() {
            if (!keep) std::remove(part.c_str());
        }
    } remove_part{part};
    // The library reports a file it cannot create on stderr: try it first, and say it ourselves.
    if (FILE* probe = std::fopen(part.c_str(), "wb")) {
        std::fclose(probe);
    } else {
        throw SpreadsheetError("cannot create " + path + ": " + std::strerror(errno));
    }
    lxw_workbook_options options{};
    options.constant_memory = LXW_TRUE;
    std::unique_ptr<lxw_workbook, void (*)(lxw_workbook*)> book(workbook_new_opt(part.c_str(), &options),
                                                                [](lxw_workbook* b) {
                                                                    if (b) workbook_close(b);
                                                                });
    if (!book) throw SpreadsheetError("cannot create " + path);
    lxw_format* title = workbook_add_format(book.get());
    format_set_bold(title);
    format_set_font_size(title, 14);
    lxw_format* header = workbook_add_format(book.get());
    format_set_bold(header);
    format_set_bottom(header, LXW_BORDER_THIN);
    format_set_text_wrap(header);
    lxw_format* yuan = workbook_add_format(book.get());
    format_set_num_format(yuan, "#,##0.00");
    lxw_format* text = workbook_add_format(book.get());
    format_set_text_wrap(text);
    format_set_align(text, LXW_ALIGN_VERTICAL_TOP);

    for (const auto& sheet : sheets) {
        if (sheet.rows.size() > kMaxRows)
            throw SpreadsheetError("sheet " + sheet.name + ": " + std::to_string(sheet.rows.size()) +
                                   " rows, more than a worksheet holds");
        lxw_worksheet* ws = workbook_add_worksheet(book.get(), sheet.name.c_str());
        if (!ws) throw SpreadsheetError("sheet name not allowed: " + sheet.name);
        for (std::size_t c = 0; c < sheet.headers.size(); ++c)
            worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                                 c < sheet.widths.size() ? sheet.widths[c] : 12, nullptr);
        check(worksheet_write_string(ws, 0, 0, sheet.title.c_str(), title), "title");
        for (std::size_t c = 0; c < sheet.headers.size(); ++c)
            check(worksheet_write_string(ws, 1, static_cast<lxw_col_t>(c), sheet.headers[c].c_str(), header), "header");
        if (!sheet.rows.empty())
            worksheet_autofilter(ws, 1, 0, static_cast<lxw_row_t>(sheet.rows.size() + 1),
                                 static_cast<lxw_col_t>(sheet.headers.empty() ? 0 : sheet.headers.size() - 1));
        worksheet_freeze_panes(ws, 2, 0);
        lxw_row_t r = 2;
        for (const auto& row : sheet.rows) {
            for (std::size_t c = 0; c < row.size(); ++c) {
                const auto& cell = row[c];
                auto col = static_cast<lxw_col_t>(c);
                switch (cell.kind) {
                    case SheetCell::Kind::text:
                        check(worksheet_write_string(ws, r, col, cell.text.c_str(), text), "cell");
                        break;
                    case SheetCell::Kind::count:
                        check(worksheet_write_number(ws, r, col, static_cast<double>(cell.number), nullptr), "cell");
                        break;
                    case SheetCell::Kind::yuan:
                        check(worksheet_write_number(ws, r, col, static_cast<double>(cell.number) / 100.0, yuan), "cell");
                        break;
                }
            }
            ++r;
        }
    }
    check(workbook_close(book.release()), "cannot write " + path);
    if (std::rename(part.c_str(), path.c_str()) != 0) throw SpreadsheetError("cannot write " + path);
    remove_part.keep = true;
}

}  // namespace gongji::reports
