#include "ui/statistics_panel.h"

#include <wx/button.h>
#include <wx/image.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/statbmp.h>
#include <wx/xrc/xmlres.h>

#include <cairo.h>


#include "app/oversight/oversight_papers.h"
#include "app/printing/printed_papers.h"
#include "ui/labels.h"
#include "ui/printing.h"
#include "ui/problem_text.h"

namespace gongji::ui {
namespace {

constexpr double kScreenScale = 1.5;  // an A4 page about as wide as it reads on paper

std::string month_text(int year, int month) { return core::CivilDate{year, month, 1}.to_string().substr(0, 7); }

// One page as the renderer draws it, onto a bitmap.
wxBitmap page_bitmap(const reports::LaidOutDocument& doc, int page) {
    const int w = static_cast<int>(reports::kA4WidthPt * kScreenScale), h = static_cast<int>(reports::kA4HeightPt * kScreenScale);
    cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
    cairo_t* cr = cairo_create(surface);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    cairo_scale(cr, kScreenScale, kScreenScale);
    doc.draw_page(cr, page);
    cairo_destroy(cr);
    cairo_surface_flush(surface);
    wxImage image(w, h, false);
    const unsigned char* data = cairo_image_surface_get_data(surface);
    const int stride = cairo_image_surface_get_stride(surface);
    unsigned char* rgb = image.GetData();
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            const auto pixel = *reinterpret_cast<const uint32_t*>(data + y * stride + x * 4);
            unsigned char* out = rgb + (y * w + x) * 3;
            out[0] = static_cast<unsigned char>(pixel >> 16);
            out[1] = static_cast<unsigned char>(pixel >> 8);
            out[2] = static_cast<unsigned char>(pixel);
        }
    cairo_surface_destroy(surface);
    return wxBitmap(image);
}

}  // namespace

StatisticsPanel::StatisticsPanel(wxWindow* parent, app::Workspace& ws, const app::Actor& actor) : ws_(ws), actor_(actor) {
    wxXmlResource::Get()->LoadPanel(this, parent, "StatisticsPanel");
    month_ = XRCCTRL(*this, "stats_month", wxChoice);
    pages_ = XRCCTRL(*this, "stats_pages", wxScrolledWindow);
    outcome_ = XRCCTRL(*this, "stats_outcome", wxStaticText);
    show_ = XRCCTRL(*this, "stats_show", wxButton);
    print_ = XRCCTRL(*this, "stats_print", wxButton);
    export_ = XRCCTRL(*this, "stats_export", wxButton);
    pages_->SetScrollRate(20, 20);
    // This month so far and the two years before it; last month chosen: the figures an agency
    // reports up.
    auto today = app::china_today();
    int year = today.year, month = today.month;
    for (int i = 0; i < 25; ++i) {
        month_->Append(u8(month_text(year, month)));
        if (--month == 0) month = 12, --year;
    }
    month_->SetSelection(1);
    // What is shown is always the month chosen.
    month_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
        if (!figures_) return;
        clear();
        show_outcome(outcome_, _("The month changed: press Show to see it."), true);
        Layout();
    });
    show_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { show_month(); });
    print_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (!figures_) return;
        app::DocumentRequest r;
        r.kind = app::Paper::stats;
        r.month = figures_->month_text();
        DocumentPrinter(this, ws_, actor_, r).preview();
    });
    export_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (!figures_) return;
        ask_and_save_workbook(this, ws_, outcome_, _("Export the figures"), "月度统计-" + figures_->month_text() + ".xlsx",
                              [this](const std::string& path) { app::export_stats(ws_, actor_, *figures_, path); });
    });
}

void StatisticsPanel::choose_month(const std::string& month) { month_->SetStringSelection(u8(month)); }

void StatisticsPanel::show_month() {
    if (task_.running() || month_->GetSelection() == wxNOT_FOUND) return;
    const auto month = utf8(month_->GetStringSelection());
    show_->Disable();
    show_outcome(outcome_, _("Counting..."), true);
    task_.start<app::MonthlyFigures>(
        [url = ws_.url(), actor = actor_, month](app::Progress&) {
            app::Workspace own(url);
            return app::monthly_figures(own, actor, month);
        },
        [this](app::MonthlyFigures figures) {
            show_->Enable();
            show(std::move(figures));
        },
        [this](const std::exception& e) {
            show_->Enable();
            clear();
            show_outcome(outcome_, problem_text(e, ws_), false);
            Layout();
        });
}

void StatisticsPanel::clear() {
    figures_.reset();
    pages_->DestroyChildren();
    pages_->FitInside();
    pages_shown_ = 0;
    print_->Disable();
    export_->Disable();
}

void StatisticsPanel::show(app::MonthlyFigures figures) {
    clear();
    try {
        auto doc = app::start_document(ws_, actor_, app::Paper::stats);
        app::stats_fields(ws_, figures, doc.data, doc.subject);
        reports::LaidOutDocument laid_out(doc.tpl, doc.data, doc.frame);
        for (int p = 0; p < laid_out.pages(); ++p) {
            auto* bitmap = new wxStaticBitmap(pages_, wxID_ANY, page_bitmap(laid_out, p));
            pages_->GetSizer()->Add(bitmap, 0, wxALL | wxALIGN_CENTER_HORIZONTAL, 8);
            ++pages_shown_;
        }
    } catch (const std::exception& e) {
        show_outcome(outcome_, problem_text(e, ws_), false);
        Layout();
        return;
    }
    pages_->FitInside();
    pages_->Scroll(0, 0);
    show_outcome(outcome_,
                 wxString::Format(_("%s: %lld mutual-aid payments, %s"), u8(figures.month_text()),
                                  figures.mutual_aid_count, yuan_text(figures.mutual_aid_fen)),
                 true);
    print_->Enable();
    export_->Enable();
    figures_ = std::move(figures);
    Layout();
}

bool StatisticsPanel::export_to(const std::string& path) {
    return figures_ && save_workbook(ws_, outcome_, path, [this](const std::string& p) {
               app::export_stats(ws_, actor_, *figures_, p);
           });
}

}  // namespace gongji::ui
