#pragma once
// Lays a filled template out on A4 pages and draws them with cairo and pango: to a PDF file
// with the Chinese font embedded, or onto any cairo context (a preview, a printer).
#include <memory>
#include <stdexcept>
#include <string>

#include "reports/template.h"

typedef struct _cairo cairo_t;

namespace gongji::reports {

class RenderError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// What every page carries besides the document.
struct PageFrame {
    std::string agency;      // the agency's name, configured once
    std::string title;       // the document's name, in the header
    std::string printed_at;  // China time
    std::string operator_name;
};

constexpr double kA4WidthPt = 595.2756;
constexpr double kA4HeightPt = 841.8898;

class LaidOutDocument {
public:
    // Fills and lays out the whole document (TemplateError for an unknown field, naming the line).
    LaidOutDocument(const Template& tpl, const ReportData& data, const PageFrame& frame);
    ~LaidOutDocument();
    LaidOutDocument(LaidOutDocument&&) noexcept;

    int pages() const;
    // Draws one page (0-based) in points on an A4-sized context.
    void draw_page(cairo_t* cr, int page) const;
    // Writes every page to a PDF file.
    void write_pdf(const std::string& path) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// The family the reports are set in; RenderError when it is not installed (fonts-noto-cjk).
std::string checked_font_family();

}  // namespace gongji::reports
