#include "ui/file_dialogs.h"
#include "ui/printing.h"
#include "ui/labels.h"
#include "ui/problem_text.h"

#include <wx/app.h>
#include <wx/button.h>
#include <wx/weakref.h>
#include <wx/dcgraph.h>
#include <wx/dcprint.h>
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
        // The pages turn from the keyboard wherever the focus is in the preview, and Esc closes it.
        wxAcceleratorEntry keys[] = {{wxACCEL_NORMAL, WXK_ESCAPE, wxID_CLOSE}, {wxACCEL_CTRL, 'S', wxID_SAVE},
                                     {wxACCEL_NORMAL, WXK_PAGEUP, wxID_BACKWARD}, {wxACCEL_NORMAL, WXK_PAGEDOWN, wxID_FORWARD},
                                     {wxACCEL_NORMAL, WXK_HOME, wxID_FIRST}, {wxACCEL_NORMAL, WXK_END, wxID_LAST}};
        SetAcceleratorTable(wxAcceleratorTable(static_cast<int>(std::size(keys)), keys));
        Bind(wxEVT_MENU, [this](wxCommandEvent&) { Close(); }, wxID_CLOSE);
        Bind(wxEVT_MENU, [this](wxCommandEvent&) { save_(); }, wxID_SAVE);
        Bind(wxEVT_MENU, [this](wxCommandEvent&) { m_controlBar->OnPrevious(); }, wxID_BACKWARD);
        Bind(wxEVT_MENU, [this](wxCommandEvent&) { m_controlBar->OnNext(); }, wxID_FORWARD);
        Bind(wxEVT_MENU, [this](wxCommandEvent&) { m_controlBar->OnFirst(); }, wxID_FIRST);
        Bind(wxEVT_MENU, [this](wxCommandEvent&) { m_controlBar->OnLast(); }, wxID_LAST);
        // The keyboard goes back to the window the preview was opened from, to the control it
        // was on (with no window manager to do it, it would stay nowhere and the clerk's next key
        // would be lost; given to the window, it would land on its first field, an ID number
        // selected whole, for a stray key to replace).
        wxWeakRef<wxWindow> was_on(wxWindow::FindFocus());
        Bind(wxEVT_CLOSE_WINDOW, [this, was_on](wxCloseEvent& e) {
            wxWeakRef<wxWindow> opener(GetParent());
            wxTheApp->CallAfter([opener, was_on] {
                if (!opener || !opener->IsEnabled()) return;
                opener->Raise();
                if (was_on && was_on->IsEnabled() && wxGetTopLevelParent(was_on) == wxGetTopLevelParent(opener))
                    was_on->SetFocus();
                else
                    opener->SetFocus();
            });
            e.Skip();
        });
    }
    // The preview has the keyboard as soon as it is shown: with no window manager to give it, the
    // clerk's keys would otherwise still go to the window behind it.
    void take_keyboard() {
        auto focus = [weak = wxWeakRef<ReportPreviewFrame>(this)] {
            if (!weak) return;
            weak->Raise();
            if (auto* canvas = weak->m_printPreview ? weak->m_printPreview->GetCanvas() : nullptr)
                canvas->SetFocus();
            else
                weak->SetFocus();
        };
        focus();
        wxTheApp->CallAfter(focus);  // again once it is mapped
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
    : ReportPrintout(ws, actor, std::vector<app::DocumentRequest>{request}) {}

ReportPrintout::ReportPrintout(app::Workspace& ws, const app::Actor& actor, const std::vector<app::DocumentRequest>& requests)
    : wxPrintout(_("Gongji Desk")), ws_(ws), actor_(actor) {
    for (const auto& request : requests) {
        Paper paper{request, app::prepare_document(ws, actor, request), nullptr, 0};
        paper.laid_out = std::make_unique<reports::LaidOutDocument>(paper.prepared.tpl, paper.prepared.data, paper.prepared.frame);
        papers_.push_back(std::move(paper));
    }
}

ReportPrintout::~ReportPrintout() = default;

int ReportPrintout::pages() const {
    int total = 0;
    for (const auto& p : papers_) total += p.laid_out->pages();
    return total;
}

bool ReportPrintout::HasPage(int page) { return page >= 1 && page <= pages(); }

void ReportPrintout::GetPageInfo(int* min_page, int* max_page, int* from, int* to) {
    *min_page = *from = 1;
    *max_page = *to = pages();
}

bool ReportPrintout::OnPrintPage(int page) {
    wxDC* dc = GetDC();
    if (!dc) return false;
    // Which paper the page belongs to, and its page within it.
    int local = page - 1;
    auto paper = papers_.begin();
    while (paper != papers_.end() && local >= paper->laid_out->pages()) local -= (paper++)->laid_out->pages();
    if (paper == papers_.end()) return false;
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
    paper->laid_out->draw_page(cr, local);
    cairo_restore(cr);
    if (!IsPreview()) ++paper->printed;
    return true;
}

void ReportPrintout::OnEndPrinting() {
    for (auto& p : papers_) {
        if (p.printed > 0) app::record_print(ws_, actor_, p.request.kind, p.prepared.subject, p.printed);
        p.printed = 0;
    }
}

std::string paper_file_name(const app::PreparedDocument& prepared) {
    std::string name = prepared.subject.empty() ? prepared.frame.title : prepared.subject + "-" + prepared.frame.title;
    for (char& c : name)
        if (c == '/' || c == '>' || c == '@' || c == ' ') c = '-';
    return name + ".pdf";
}

DocumentPrinter::DocumentPrinter(wxWindow* parent, app::Workspace& ws, const app::Actor& actor, app::DocumentRequest request)
    : DocumentPrinter(parent, ws, actor, std::vector<app::DocumentRequest>{std::move(request)}) {}

DocumentPrinter::DocumentPrinter(wxWindow* parent, app::Workspace& ws, const app::Actor& actor,
                                 std::vector<app::DocumentRequest> requests)
    : parent_(parent), ws_(ws), actor_(actor), requests_(std::move(requests)) {}

bool DocumentPrinter::failed(const std::exception& e) {
    wxMessageBox(problem_text(e, ws_), _("Cannot print"), wxOK | wxICON_ERROR, parent_);
    return false;
}

wxFrame* DocumentPrinter::preview() {
    try {
        wxPrintDialogData data(a4_print_data());
        auto* preview = new wxPrintPreview(new ReportPrintout(ws_, actor_, requests_),
                                           new ReportPrintout(ws_, actor_, requests_), &data);
        if (!preview->IsOk()) {
            delete preview;
            wxMessageBox(_("No printer is set up for the preview"), _("Cannot print"), wxOK | wxICON_ERROR, parent_);
            return nullptr;
        }
        auto* frame = new ReportPreviewFrame(preview, parent_, [printer = *this]() mutable { printer.save_pdf_as(); });
        frame->Initialize();
        frame->Show();
        frame->take_keyboard();
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
        ReportPrintout printout(ws_, actor_, requests_);
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
        app::print_document(ws_, actor_, requests_.front(), path);
        return true;
    } catch (const std::exception& e) {
        return failed(e);
    }
}

bool DocumentPrinter::save_pdf_as() {
    try {
        std::vector<std::string> names;  // named by case and kind, so a folder of them sorts itself
        for (const auto& r : requests_) names.push_back(paper_file_name(app::prepare_document(ws_, actor_, r)));
        if (requests_.size() == 1) {
            auto path = choose_file_to_save(parent_, _("Save as PDF"), u8(names.front()), _("PDF files (*.pdf)|*.pdf"));
            return !path.empty() && save_pdf(utf8(path));
        }
        auto folder = choose_folder(parent_, _("Save the papers as PDF files in"));
        if (folder.empty()) return false;
        for (size_t i = 0; i < requests_.size(); ++i)
            app::print_document(ws_, actor_, requests_[i], utf8(folder) + "/" + names[i]);
        return true;
    } catch (const std::exception& e) {
        return failed(e);
    }
}

bool save_workbook(app::Workspace& ws, wxStaticText* outcome, const std::string& path,
                   const std::function<void(const std::string&)>& write) {
    bool saved = true;
    try {
        write(path);
        show_outcome(outcome, wxString::Format(_("Saved %s"), u8(path)), true);
    } catch (const std::exception& e) {
        show_outcome(outcome, problem_text(e, ws), false);
        saved = false;
    }
    outcome->GetParent()->Layout();
    return saved;
}

bool ask_and_save_workbook(wxWindow* parent, app::Workspace& ws, wxStaticText* outcome, const wxString& title,
                           const std::string& name, const std::function<void(const std::string&)>& write) {
    auto path = choose_file_to_save(parent, title, u8(name), _("Excel workbook (*.xlsx)|*.xlsx"));
    return !path.empty() && save_workbook(ws, outcome, utf8(path), write);
}

}  // namespace gongji::ui
