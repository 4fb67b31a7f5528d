#include "ui/printing.h"
#include "ui/labels.h"

#include <wx/button.h>
#include <wx/dcgraph.h>
#include <wx/dcprint.h>
#include <wx/filedlg.h>
#include <wx/intl.h>
#include <wx/msgdlg.h>
#include <wx/printdlg.h>
#include <wx/sizer.h>

#include <cairo.h>

#include <functional>

namespace gongji::ui {
namespace {

// The paper every document is laid out on; the printer's own settings apply otherwise.
wxPrintData& a4_print_data() {
    static wxPrintData data = [] {
        wxPrintData d;
        d.SetPaperId(wxPAPER_A4);
        return d;
    }();
    return data;
}

// The standard preview with a "Save as PDF" button beside Print; Escape closes it.
class SaveablePreviewBar : public wxPreviewControlBar {
public:
    SaveablePreviewBar(wxPrintPreviewBase* preview, long buttons, wxWindow* parent, std::function<void()> save)
        : wxPreviewControlBar(preview, buttons, parent), save_(std::move(save)) {}
    void CreateButtons() override {
        wxPreviewControlBar::CreateButtons();
        if (!GetSizer()) return;
        auto* save = new wxButton(this, wxID_SAVE, _("Save as &PDF"));
        save->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { save_(); });
        GetSizer()->Add(save, 0, wxALIGN_CENTER_VERTICAL | wxALL, 5);
        Layout();
    }

private:
    std::function<void()> save_;
};

class ReportPreviewFrame : public wxPreviewFrame {
public:
    ReportPreviewFrame(wxPrintPreview* preview, wxWindow* parent, std::function<void()> save)
        : wxPreviewFrame(preview, parent, _("Print preview"), wxDefaultPosition,
                         parent ? parent->FromDIP(wxSize(900, 720)) : wxSize(900, 720)),
          save_(std::move(save)) {
        wxAcceleratorEntry keys[] = {{wxACCEL_NORMAL, WXK_ESCAPE, wxID_CLOSE}, {wxACCEL_CTRL, 'S', wxID_SAVE}};
        SetAcceleratorTable(wxAcceleratorTable(2, keys));
        Bind(wxEVT_MENU, [this](wxCommandEvent&) { Close(); }, wxID_CLOSE);
        Bind(wxEVT_MENU, [this](wxCommandEvent&) { save_(); }, wxID_SAVE);
    }
    void CreateControlBar() override {
        m_controlBar = new SaveablePreviewBar(m_printPreview, wxPREVIEW_DEFAULT | wxPREVIEW_PRINT, this, save_);
        m_controlBar->CreateButtons();
    }

private:
    std::function<void()> save_;
};

}  // namespace

ReportPrintout::ReportPrintout(app::Workspace& ws, const app::Actor& actor, const app::DocumentRequest& request)
    : wxPrintout(_("Gongji Desk")), ws_(ws), actor_(actor), request_(request),
      prepared_(app::prepare_document(ws, actor, request)),
      laid_out_(std::make_unique<reports::LaidOutDocument>(prepared_.tpl, prepared_.data, prepared_.frame)) {}

ReportPrintout::~ReportPrintout() = default;

int ReportPrintout::pages() const { return laid_out_->pages(); }

bool ReportPrintout::HasPage(int page) { return page >= 1 && page <= pages(); }

void ReportPrintout::GetPageInfo(int* min_page, int* max_page, int* from, int* to) {
    *min_page = *from = 1;
    *max_page = *to = pages();
}

bool ReportPrintout::OnPrintPage(int page) {
    wxDC* dc = GetDC();
    if (!dc) return false;
    // The page in points onto the whole sheet; the DC's scale reaches cairo through its
    // graphics context (GTK draws every DC, printer or preview bitmap, with cairo).
    FitThisSizeToPaper(wxSize(static_cast<int>(reports::kA4WidthPt), static_cast<int>(reports::kA4HeightPt)));
    std::unique_ptr<wxGCDC> wrapped;
    wxGraphicsContext* gc = dc->GetGraphicsContext();
    if (!gc) {
        auto* printer_dc = dynamic_cast<wxPrinterDC*>(dc);
        if (!printer_dc) return false;
        wrapped = std::make_unique<wxGCDC>(*printer_dc);
        gc = wrapped->GetGraphicsContext();
    }
    auto* cr = gc ? static_cast<cairo_t*>(gc->GetNativeContext()) : nullptr;
    if (!cr) return false;
    cairo_save(cr);
    laid_out_->draw_page(cr, page - 1);
    cairo_restore(cr);
    if (!IsPreview()) ++printed_;
    return true;
}

void ReportPrintout::OnEndPrinting() {
    if (printed_ > 0) app::record_print(ws_, actor_, request_.kind, prepared_.subject, printed_);
    printed_ = 0;
}

DocumentPrinter::DocumentPrinter(wxWindow* parent, app::Workspace& ws, const app::Actor& actor, app::DocumentRequest request)
    : parent_(parent), ws_(ws), actor_(actor), request_(std::move(request)) {}

bool DocumentPrinter::failed(const std::exception& e) {
    wxMessageBox(u8(e.what()), _("Cannot print"), wxOK | wxICON_ERROR, parent_);
    return false;
}

wxFrame* DocumentPrinter::preview() {
    try {
        wxPrintDialogData data(a4_print_data());
        auto* preview = new wxPrintPreview(new ReportPrintout(ws_, actor_, request_),
                                           new ReportPrintout(ws_, actor_, request_), &data);
        if (!preview->IsOk()) {
            delete preview;
            wxMessageBox(_("No printer is set up for the preview"), _("Cannot print"), wxOK | wxICON_ERROR, parent_);
            return nullptr;
        }
        auto* frame = new ReportPreviewFrame(preview, parent_, [printer = *this]() mutable { printer.save_pdf_as(); });
        frame->Initialize();
        frame->Show();
        return frame;
    } catch (const std::exception& e) {
        failed(e);
        return nullptr;
    }
}

bool DocumentPrinter::print() {
    try {
        wxPrintDialogData data(a4_print_data());
        wxPrinter printer(&data);
        ReportPrintout printout(ws_, actor_, request_);
        if (printer.Print(parent_, &printout, true)) {
            a4_print_data() = printer.GetPrintDialogData().GetPrintData();
            return true;
        }
        if (wxPrinter::GetLastError() == wxPRINTER_ERROR)
            wxMessageBox(_("The printer reported an error; nothing was printed"), _("Cannot print"), wxOK | wxICON_ERROR, parent_);
        return false;
    } catch (const std::exception& e) {
        return failed(e);
    }
}

bool DocumentPrinter::save_pdf(const std::string& path) {
    try {
        app::print_document(ws_, actor_, request_, path);
        return true;
    } catch (const std::exception& e) {
        return failed(e);
    }
}

bool DocumentPrinter::save_pdf_as() {
    wxFileDialog ask(parent_, _("Save as PDF"), "", u8(request_.kind + ".pdf"), _("PDF files (*.pdf)|*.pdf"),
                     wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (ask.ShowModal() != wxID_OK) return false;
    return save_pdf(ask.GetPath().ToStdString(wxConvUTF8));
}

}  // namespace gongji::ui
