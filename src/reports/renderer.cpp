#include "reports/renderer.h"
#include "reports/qr_code.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <functional>

namespace gongji::reports {
namespace {

// The serif face reads like an official document (宋体) and has a real bold. (The sans face of
// Debian's fonts-noto-cjk loses the glyph 如 in cairo's subsetting: it prints as a blank.)
constexpr const char* kFamily = "Noto Serif CJK SC";
constexpr double kPtPerMm = 72.0 / 25.4;
constexpr double kMargin = 18 * kPtPerMm;
constexpr double kTop = 26 * kPtPerMm;      // below the header
constexpr double kBottom = kA4HeightPt - 22 * kPtPerMm;  // above the footer
constexpr double kLeft = kMargin, kRight = kA4WidthPt - kMargin, kWidth = kRight - kLeft;

enum class Align { left, center, right };

double sum(const std::vector<double>& values) {
    double total = 0;
    for (double v : values) total += v;
    return total;
}

struct TextItem {
    double x, y, width;
    std::string text;
    double size;
    bool bold;
    Align align;
};
struct LineItem {
    double x1, y1, x2, y2, width;
};
struct QrItem {
    double x, y, size;
    std::string text;
};
struct RectItem {
    double x, y, w, h, gray;  // filled; 0 black, 1 white
};
struct Page {
    std::vector<TextItem> texts;
    std::vector<LineItem> lines;
    std::vector<QrItem> codes;
    std::vector<RectItem> rects;
};

// One pango layout set up the way every text in a report is.
struct Measurer {
    cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(nullptr, nullptr, kA4WidthPt, kA4HeightPt);
    cairo_t* cr = cairo_create(surface);
    ~Measurer() {
        cairo_destroy(cr);
        cairo_surface_destroy(surface);
    }
};

void configure(PangoLayout* layout, const std::string& text, double size, bool bold, double width, Align align) {
    // No metric hinting, so the layout is the same at every resolution (PDF, screen, printer).
    cairo_font_options_t* options = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
    pango_cairo_context_set_font_options(pango_layout_get_context(layout), options);
    cairo_font_options_destroy(options);
    PangoFontDescription* font = pango_font_description_new();
    pango_font_description_set_family(font, kFamily);
    pango_font_description_set_absolute_size(font, size * PANGO_SCALE);
    pango_font_description_set_weight(font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_layout_set_font_description(layout, font);
    pango_font_description_free(font);
    pango_layout_set_width(layout, static_cast<int>(width * PANGO_SCALE));
    pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_alignment(layout, align == Align::center  ? PANGO_ALIGN_CENTER
                                       : align == Align::right ? PANGO_ALIGN_RIGHT
                                                               : PANGO_ALIGN_LEFT);
    pango_layout_set_text(layout, text.c_str(), -1);
}

double text_height(cairo_t* cr, const std::string& text, double size, bool bold, double width) {
    PangoLayout* layout = pango_cairo_create_layout(cr);
    configure(layout, text, size, bold, width, Align::left);
    int w = 0, h = 0;
    pango_layout_get_size(layout, &w, &h);
    g_object_unref(layout);
    return static_cast<double>(h) / PANGO_SCALE;
}

class Layout {
public:
    Layout(const Template& tpl, const ReportData& data, const PageFrame& frame)
        : tpl_(tpl), data_(data), frame_(frame) {
        pages_.emplace_back();
        y_ = kTop;
        run(tpl.directives);
    }
    std::vector<Page> take() { return std::move(pages_); }

private:
    std::string fill_text(const std::string& text, int line, const std::map<std::string, std::string>* row = nullptr) {
        return fill(text, data_, row, tpl_.source, line);
    }
    Page& page() { return pages_.back(); }
    void new_page() {
        pages_.emplace_back();
        y_ = kTop;
    }
    void ensure(double height) {
        if (y_ + height > kBottom && y_ > kTop) new_page();
    }
    double add_text(double x, double width, const std::string& text, double size, bool bold, Align align) {
        double h = text_height(m_.cr, text, size, bold, width);
        page().texts.push_back({x, y_, width, text, size, bold, align});
        return h;
    }
    void paragraph(const std::string& text, double size, bool bold, Align align, double after) {
        double h = text_height(m_.cr, text, size, bold, kWidth);
        ensure(h);
        page().texts.push_back({kLeft, y_, kWidth, text, size, bold, align});
        y_ += h + after;
    }

    const std::vector<std::map<std::string, std::string>>& rows(const std::string& table, int line) {
        auto it = data_.tables.find(table);
        if (it == data_.tables.end()) throw TemplateError(tpl_.source, line, "no table “" + table + "” in this document");
        return it->second;
    }

    void run(const std::vector<Directive>& directives) {
        using K = Directive::Kind;
        for (size_t i = 0; i < directives.size(); ++i) {
            const auto& d = directives[i];
            // A line just before a chart is its title: never without the chart on the same page.
            if (d.kind == K::text && i + 1 < directives.size() && directives[i + 1].kind == K::chart)
                ensure(text_height(m_.cr, fill_text(d.a, d.line), 10.5, false, kWidth) + directives[i + 1].mm * kPtPerMm + 40);
            switch (d.kind) {
                case K::title: paragraph(fill_text(d.a, d.line), 17, true, Align::center, 10); break;
                case K::heading:  // never alone at the foot of a page
                    ensure(60);
                    paragraph(fill_text(d.a, d.line), 12, true, Align::left, 4);
                    break;
                case K::text: paragraph(fill_text(d.a, d.line), 10.5, false, Align::left, 5); break;
                case K::field: field(d); break;
                case K::list: list(d); break;
                case K::table: table(d); break;
                case K::signature: signature(d); break;
                case K::qrcode: qrcode(d); break;
                case K::space: y_ += d.mm * kPtPerMm; break;
                case K::chart: chart(d); break;
                case K::conditional: {
                    auto it = data_.fields.find(d.a);
                    if (it == data_.fields.end())
                        throw TemplateError(tpl_.source, d.line, "no field “" + d.a + "” in this document");
                    if (!it->second.empty()) run(d.body);
                    break;
                }
            }
        }
    }

    void field(const Directive& d) {
        const double label_width = 34 * kPtPerMm;
        auto label = fill_text(d.a, d.line), value = fill_text(d.b, d.line);
        double h = std::max(text_height(m_.cr, label, 10.5, true, label_width),
                            text_height(m_.cr, value, 10.5, false, kWidth - label_width));
        ensure(h);
        add_text(kLeft, label_width, label, 10.5, true, Align::left);
        add_text(kLeft + label_width, kWidth - label_width, value, 10.5, false, Align::left);
        y_ += h + 3;
    }

    void list(const Directive& d) {
        int n = 0;
        for (const auto& row : rows(d.a, d.line))
            for (const auto& item : d.body)
                paragraph(std::to_string(++n) + ". " + fill_text(item.a, item.line, &row), 10.5, false, Align::left, 2);
        y_ += 3;
    }

    void table(const Directive& d) {
        const auto& data_rows = rows(d.a, d.line);
        double total = 0;
        for (const auto& c : d.columns) total += c.width_mm * kPtPerMm;
        double scale = total > kWidth ? kWidth / total : 1.0;
        std::vector<double> widths;
        for (const auto& c : d.columns) widths.push_back(c.width_mm * kPtPerMm * scale);
        const double pad = 2.5, size = 9;

        auto row_height = [&](const std::vector<std::string>& cells, bool bold) {
            double h = 0;
            for (size_t i = 0; i < cells.size(); ++i)
                h = std::max(h, text_height(m_.cr, cells[i], size, bold, widths[i] - 2 * pad));
            return h + 2 * pad;
        };
        auto draw_row = [&](const std::vector<std::string>& cells, bool bold, double h) {
            double x = kLeft;
            for (size_t i = 0; i < cells.size(); ++i) {
                page().texts.push_back({x + pad, y_ + pad, widths[i] - 2 * pad, cells[i], size, bold,
                                        d.columns[i].right ? Align::right : Align::left});
                x += widths[i];
            }
            double right = kLeft + sum(widths);
            page().lines.push_back({kLeft, y_ + h, right, y_ + h, bold ? 0.8 : 0.3});
            y_ += h;
        };
        std::vector<std::string> header;
        for (const auto& c : d.columns) header.push_back(fill_text(c.header, d.line));
        double header_h = row_height(header, true);
        auto put_header = [&] {
            double right = kLeft + sum(widths);
            page().lines.push_back({kLeft, y_, right, y_, 0.8});
            draw_row(header, true, header_h);
        };
        ensure(header_h * 2);
        put_header();
        for (const auto& row : data_rows) {
            std::vector<std::string> cells;
            for (const auto& c : d.columns) cells.push_back(fill_text(c.cell, d.line, &row));
            double h = row_height(cells, false);
            if (y_ + h > kBottom) {  // the header comes again on every page of the table
                new_page();
                put_header();
            }
            draw_row(cells, false, h);
        }
        y_ += 6;
    }

    // Bars (or a line) over the rows of a table, on an axis from 0 to the largest value; each
    // bar's value above it, its label below. A line labels at most a dozen of its points.
    void chart(const Directive& d) {
        const auto& data_rows = rows(d.a, d.line);
        std::vector<std::string> labels;
        std::vector<double> values;
        for (const auto& row : data_rows) {
            labels.push_back(fill_text(d.columns[0].cell, d.line, &row));
            auto text = fill_text(d.columns[1].cell, d.line, &row);
            try {
                values.push_back(std::stod(text));
            } catch (const std::exception&) {
                throw TemplateError(tpl_.source, d.line, "the chart's value “" + text + "” is not a number");
            }
        }
        const double label_h = 24, height = d.mm * kPtPerMm;
        ensure(height + label_h + 6);
        const double axis_x = kLeft + 48, top = y_ + 10, bottom = y_ + height, width = kRight - axis_x;
        const double most = values.empty() ? 0 : *std::max_element(values.begin(), values.end());
        const double scale = most > 0 ? (bottom - top) / most : 0;
        page().lines.push_back({axis_x, bottom, kRight, bottom, 0.8});
        page().lines.push_back({axis_x, top, axis_x, bottom, 0.5});
        auto number = [](double v) {
            char buf[32];
            std::snprintf(buf, sizeof buf, v == static_cast<long long>(v) ? "%.0f" : "%.2f", v);
            return std::string(buf);
        };
        page().texts.push_back({kLeft, top - 5, 44, number(most), 7, false, Align::right});
        page().texts.push_back({kLeft, bottom - 9, 44, "0", 7, false, Align::right});
        if (values.empty()) {
            y_ = bottom + label_h;
            return;
        }
        const double slot = width / static_cast<double>(values.size());
        const size_t every = d.b == "line" ? std::max<size_t>(1, (values.size() + 11) / 12) : 1;
        for (size_t i = 0; i < values.size(); ++i) {
            const double cx = axis_x + slot * (static_cast<double>(i) + 0.5), h = values[i] * scale;
            if (d.b == "bar") {
                const double w = std::min(slot * 0.6, 40.0);
                page().rects.push_back({cx - w / 2, bottom - h, w, h, 0.55});
                page().texts.push_back({cx - slot / 2, bottom - h - 10, slot, number(values[i]), 7, false, Align::center});
            } else {
                if (i > 0) {
                    const double px = cx - slot, ph = values[i - 1] * scale;
                    page().lines.push_back({px, bottom - ph, cx, bottom - h, 1.2});
                }
                page().rects.push_back({cx - 1.5, bottom - h - 1.5, 3, 3, 0});
            }
            if (i % every == 0)
                page().texts.push_back({cx - slot * every / 2, bottom + 3, slot * every, labels[i], 7.5, false, Align::center});
        }
        y_ = bottom + label_h;
    }

    void signature(const Directive& d) {
        auto label = fill_text(d.a, d.line);
        double h = 12 * kPtPerMm;
        ensure(h);
        add_text(kLeft, 60 * kPtPerMm, label + "：", 10.5, false, Align::left);
        page().lines.push_back({kLeft + 28 * kPtPerMm, y_ + 14, kLeft + 95 * kPtPerMm, y_ + 14, 0.5});
        add_text(kLeft + 102 * kPtPerMm, 80 * kPtPerMm, "日期：　　　　年　　月　　日", 10.5, false, Align::left);
        y_ += h;
    }

    void qrcode(const Directive& d) {
        auto text = fill_text(d.a, d.line);
        double size = 28 * kPtPerMm;
        ensure(size + 16);
        page().codes.push_back({kRight - size, y_, size, text});
        y_ += size + 4;
        add_text(kRight - 60 * kPtPerMm, 60 * kPtPerMm, text, 8.5, false, Align::right);
        y_ += 14;
    }

    const Template& tpl_;
    const ReportData& data_;
    const PageFrame& frame_;
    Measurer m_;
    std::vector<Page> pages_;
    double y_ = 0;
};

void draw_text(cairo_t* cr, const TextItem& t) {
    PangoLayout* layout = pango_cairo_create_layout(cr);
    configure(layout, t.text, t.size, t.bold, t.width, t.align);
    cairo_move_to(cr, t.x, t.y);
    pango_cairo_show_layout(cr, layout);
    g_object_unref(layout);
}

void draw_qr(cairo_t* cr, const QrItem& q) {
    const auto code = encode_qr(q.text);
    const double quiet = 2, module = q.size / (code.width + 2 * quiet);
    for (int row = 0; row < code.width; ++row)
        for (int col = 0; col < code.width; ++col)
            if (code.at(row, col)) cairo_rectangle(cr, q.x + (col + quiet) * module, q.y + (row + quiet) * module, module, module);
    cairo_fill(cr);
}

// Header and footer: the agency and the document's name; page x of y, time printed, operator.
void draw_frame(cairo_t* cr, const PageFrame& frame, int page, int pages) {
    const double header_y = 12 * kPtPerMm, footer_y = kA4HeightPt - 17 * kPtPerMm;
    draw_text(cr, {kLeft, header_y, kWidth / 2, frame.agency, 9, true, Align::left});
    draw_text(cr, {kLeft + kWidth / 2, header_y, kWidth / 2, frame.title, 9, false, Align::right});
    cairo_set_line_width(cr, 0.6);
    cairo_move_to(cr, kLeft, header_y + 15);
    cairo_line_to(cr, kRight, header_y + 15);
    cairo_move_to(cr, kLeft, footer_y - 4);
    cairo_line_to(cr, kRight, footer_y - 4);
    cairo_stroke(cr);
    draw_text(cr, {kLeft, footer_y, kWidth * 0.6, "打印时间：" + frame.printed_at + "　经办人：" + frame.operator_name, 8.5,
                   false, Align::left});
    draw_text(cr, {kLeft + kWidth * 0.6, footer_y, kWidth * 0.4,
                   "第 " + std::to_string(page + 1) + " 页 / 共 " + std::to_string(pages) + " 页", 8.5, false,
                   Align::right});
}

}  // namespace

struct LaidOutDocument::Impl {
    PageFrame frame;
    std::vector<Page> pages;
};

LaidOutDocument::LaidOutDocument(const Template& tpl, const ReportData& data, const PageFrame& frame)
    : impl_(std::make_unique<Impl>()) {
    checked_font_family();
    impl_->frame = frame;
    impl_->pages = Layout(tpl, data, frame).take();
}

LaidOutDocument::~LaidOutDocument() = default;
LaidOutDocument::LaidOutDocument(LaidOutDocument&&) noexcept = default;

int LaidOutDocument::pages() const { return static_cast<int>(impl_->pages.size()); }

void LaidOutDocument::draw_page(cairo_t* cr, int index) const {
    const auto& page = impl_->pages.at(static_cast<size_t>(index));
    cairo_save(cr);
    cairo_set_source_rgb(cr, 0, 0, 0);
    draw_frame(cr, impl_->frame, index, pages());
    for (const auto& t : page.texts) draw_text(cr, t);
    for (const auto& l : page.lines) {
        cairo_set_line_width(cr, l.width);
        cairo_move_to(cr, l.x1, l.y1);
        cairo_line_to(cr, l.x2, l.y2);
        cairo_stroke(cr);
    }
    for (const auto& q : page.codes) draw_qr(cr, q);
    for (const auto& b : page.rects) {
        cairo_set_source_rgb(cr, b.gray, b.gray, b.gray);
        cairo_rectangle(cr, b.x, b.y, b.w, b.h);
        cairo_fill(cr);
    }
    cairo_restore(cr);
}

void LaidOutDocument::write_pdf(const std::string& path) const {
    cairo_surface_t* surface = cairo_pdf_surface_create(path.c_str(), kA4WidthPt, kA4HeightPt);
    if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
        cairo_surface_destroy(surface);
        throw RenderError("cannot write " + path);
    }
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, impl_->frame.title.c_str());
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Gongji Desk");
    cairo_t* cr = cairo_create(surface);
    for (int i = 0; i < pages(); ++i) {
        draw_page(cr, i);
        cairo_show_page(cr);
    }
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    auto status = cairo_surface_status(surface);
    cairo_surface_destroy(surface);
    if (status != CAIRO_STATUS_SUCCESS) throw RenderError("cannot write " + path + ": " + cairo_status_to_string(status));
}

std::string checked_font_family() {
    // A family that is not installed is replaced silently; then Chinese may come out as boxes.
    static const std::string chosen = [] {
        PangoFontMap* map = pango_cairo_font_map_get_default();
        PangoContext* context = pango_font_map_create_context(map);
        PangoFontDescription* wanted = pango_font_description_from_string((std::string(kFamily) + " 10").c_str());
        PangoFont* font = pango_context_load_font(context, wanted);
        std::string family;
        if (font) {
            PangoFontDescription* got = pango_font_describe(font);
            family = pango_font_description_get_family(got);
            pango_font_description_free(got);
            g_object_unref(font);
        }
        pango_font_description_free(wanted);
        g_object_unref(context);
        return family;
    }();
    if (chosen != kFamily)
        throw RenderError(std::string("the font “") + kFamily + "” is not installed (Debian: fonts-noto-cjk); found “" +
                          chosen + "”");
    return chosen;
}

}  // namespace gongji::reports
