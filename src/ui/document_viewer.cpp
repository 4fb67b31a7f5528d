#include "ui/document_viewer.h"

#include <wx/button.h>
#include <wx/dcbuffer.h>
#include <wx/imaglist.h>
#include <wx/intl.h>
#include <wx/mstream.h>
#include <wx/xrc/xmlres.h>

#include <algorithm>
#include <stdexcept>

#include "core/documents.h"
#include "devices/pdf_page.h"
#include "ui/labels.h"
#include "ui/problem_text.h"

namespace gongji::ui {
namespace {

constexpr int kPdfDpi = 150;  // sharp enough to read a certificate's small print at 100 %
constexpr int kThumbnail = 72;  // pixels, square
constexpr double kMinZoom = 0.05, kMaxZoom = 8.0;

// One page of a stored document as an image; throws with the reason when it cannot be drawn.
wxImage decode_page(const std::string& bytes, const std::string& mime, int page, int pdf_dpi) {
    wxImage image;
    if (mime == "application/pdf") {
        auto pixels = devices::render_pdf_page(bytes, page, pdf_dpi);
        image = wxImage(pixels.width, pixels.height, pixels.rgb.data(), true).Copy();
    } else {
        wxMemoryInputStream in(bytes.data(), bytes.size());
        image.LoadFile(in, wxBITMAP_TYPE_ANY, page);  // the index picks a TIFF's page
    }
    if (!image.IsOk()) throw std::runtime_error(utf8(_("This document cannot be shown")));
    return image;
}

// The first page shrunk onto a white square; a grey square for a document that cannot be shown.
wxBitmap thumbnail(const wxImage& page) {
    wxImage square(kThumbnail, kThumbnail);
    square.SetRGB(wxRect(0, 0, kThumbnail, kThumbnail), page.IsOk() ? 255 : 200, page.IsOk() ? 255 : 200,
                  page.IsOk() ? 255 : 200);
    if (page.IsOk()) {
        double scale = std::min(double(kThumbnail) / page.GetWidth(), double(kThumbnail) / page.GetHeight());
        int w = std::max(1, int(page.GetWidth() * scale)), h = std::max(1, int(page.GetHeight() * scale));
        square.Paste(page.Scale(w, h, wxIMAGE_QUALITY_HIGH), (kThumbnail - w) / 2, (kThumbnail - h) / 2);
    }
    return wxBitmap(square);
}

}  // namespace

PageCanvas::PageCanvas(wxWindow* parent, wxWindowID id)
    : wxScrolledWindow(parent, id, wxDefaultPosition, wxDefaultSize, wxHSCROLL | wxVSCROLL | wxFULL_REPAINT_ON_RESIZE) {
    SetBackgroundStyle(wxBG_STYLE_PAINT);
    SetScrollRate(20, 20);
    Bind(wxEVT_PAINT, &PageCanvas::on_paint, this);
}

void PageCanvas::set_page(const wxImage& image) {
    page_ = image;
    turns_ = 0;
    fit();
}

void PageCanvas::zoom_by(double factor) {
    zoom_ = std::clamp(zoom_ * factor, kMinZoom, kMaxZoom);
    render();
}

void PageCanvas::rotate() {
    turns_ = (turns_ + 1) % 4;
    fit();
}

void PageCanvas::fit() {
    if (!page_.IsOk()) return;
    wxSize room = GetClientSize();
    bool sideways = turns_ % 2 == 1;
    double w = sideways ? page_.GetHeight() : page_.GetWidth(), h = sideways ? page_.GetWidth() : page_.GetHeight();
    if (room.x < 50 || room.y < 50) room = wxSize(800, 600);  // not laid out yet
    zoom_ = std::clamp(std::min((room.x - 4) / w, (room.y - 4) / h), kMinZoom, kMaxZoom);
    render();
}

void PageCanvas::render() {
    if (!page_.IsOk()) return;
    wxImage turned = page_;
    for (int i = 0; i < turns_; ++i) turned = turned.Rotate90(true);
    int w = std::max(1, static_cast<int>(turned.GetWidth() * zoom_)), h = std::max(1, static_cast<int>(turned.GetHeight() * zoom_));
    shown_ = wxBitmap(turned.Scale(w, h, wxIMAGE_QUALITY_HIGH));
    SetVirtualSize(w, h);
    Refresh();
}

void PageCanvas::on_paint(wxPaintEvent&) {
    wxAutoBufferedPaintDC dc(this);
    DoPrepareDC(dc);
    dc.SetBackground(wxBrush(wxColour(96, 96, 96)));
    dc.Clear();
    if (!shown_.IsOk()) return;
    wxSize room = GetClientSize();
    // Centred while smaller than the window; from the corner (scrolling) when larger.
    int x = std::max(0, (room.x - shown_.GetWidth()) / 2), y = std::max(0, (room.y - shown_.GetHeight()) / 2);
    dc.DrawBitmap(shown_, x, y);
}

DocumentViewer::DocumentViewer(wxWindow* parent, app::Workspace& ws, const app::Actor& actor,
                               const std::string& case_number)
    : ws_(ws), actor_(actor) {
    wxXmlResource::Get()->LoadDialog(this, parent, "DocumentViewer");
    list_ = XRCCTRL(*this, "documents", wxListCtrl);
    info_ = XRCCTRL(*this, "page_info", wxStaticText);
    canvas_ = new PageCanvas(this, wxXmlResource::GetXRCID("canvas"));
    wxXmlResource::Get()->AttachUnknownControl("canvas", canvas_, this);
    SetTitle(wxString::Format(_("Documents of case %s"), u8(case_number)));
    // Each document with a thumbnail of its first page, its kind, file and page count.
    auto* thumbnails = new wxImageList(kThumbnail, kThumbnail);
    list_->AssignImageList(thumbnails, wxIMAGE_LIST_SMALL);
    list_->AppendColumn("", wxLIST_FORMAT_LEFT, FromDIP(320));
    for (const auto& d : app::list_documents(ws_, case_number)) {
        if (d.removed_at) continue;
        wxImage first;
        try {
            first = decode_page(app::read_document(ws_, actor_, d.id), d.mime, 0, 24);
        } catch (const std::exception&) {  // shown when chosen, with the reason
        }
        auto label = wxString::Format(wxPLURAL("%s, %d page: %s", "%s, %d pages: %s", d.pages), document_type_text(d.type),
                                      d.pages, u8(d.file_name));
        list_->InsertItem(list_->GetItemCount(), label, thumbnails->Add(thumbnail(first)));
        documents_.push_back(d);
    }
    list_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent& e) { show_document(static_cast<size_t>(e.GetIndex())); });
    auto button = [this](const char* name, std::function<void()> action) {
        XRCCTRL(*this, name, wxButton)->Bind(wxEVT_BUTTON, [action](wxCommandEvent&) { action(); });
    };
    button("previous_page", [this] { turn_page(-1); });
    button("next_page", [this] { turn_page(+1); });
    button("zoom_in", [this] { canvas_->zoom_by(1.25); show_info(); });
    button("zoom_out", [this] { canvas_->zoom_by(0.8); show_info(); });
    button("fit", [this] { canvas_->fit(); show_info(); });
    button("rotate", [this] { canvas_->rotate(); show_info(); });

    // The keys the buttons name, wherever the focus is.
    enum { kPrevious = wxID_HIGHEST + 100, kNext, kZoomIn, kZoomOut, kFit, kRotate };
    wxAcceleratorEntry keys[] = {{wxACCEL_NORMAL, WXK_PAGEUP, kPrevious}, {wxACCEL_NORMAL, WXK_PAGEDOWN, kNext},
                                 {wxACCEL_CTRL, '+', kZoomIn},           {wxACCEL_CTRL, '=', kZoomIn},
                                 {wxACCEL_CTRL, WXK_NUMPAD_ADD, kZoomIn}, {wxACCEL_CTRL, '-', kZoomOut},
                                 {wxACCEL_CTRL, WXK_NUMPAD_SUBTRACT, kZoomOut}, {wxACCEL_CTRL, '0', kFit},
                                 {wxACCEL_CTRL, 'R', kRotate}};
    SetAcceleratorTable(wxAcceleratorTable(static_cast<int>(std::size(keys)), keys));
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { turn_page(-1); }, kPrevious);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { turn_page(+1); }, kNext);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { canvas_->zoom_by(1.25); show_info(); }, kZoomIn);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { canvas_->zoom_by(0.8); show_info(); }, kZoomOut);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { canvas_->fit(); show_info(); }, kFit);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { canvas_->rotate(); show_info(); }, kRotate);

    SetSize(parent ? parent->FromDIP(wxSize(1100, 720)) : wxSize(1100, 720));
    CentreOnParent();
    Layout();
    if (!documents_.empty()) {
        list_->SetItemState(0, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
        show_document(0);
    } else {
        show_info(_("This case has no documents"));
    }
    list_->SetFocus();
}

bool DocumentViewer::show_document(size_t index) {
    if (index >= documents_.size()) return false;
    current_ = index;
    page_ = 0;
    try {
        bytes_ = app::read_document(ws_, actor_, documents_[index].id);
    } catch (const std::exception& e) {  // document_damaged: the bytes no longer match their hash
        bytes_.clear();
        canvas_->set_page(wxImage());
        show_info(problem_text(e, ws_));
        return false;
    }
    return load_page();
}

bool DocumentViewer::turn_page(int by) {
    if (documents_.empty()) return false;
    int to = page_ + by;
    if (to < 0 || to >= documents_[current_].pages) return false;
    page_ = to;
    return load_page();
}

bool DocumentViewer::load_page() {
    wxImage image;
    try {
        image = decode_page(bytes_, documents_[current_].mime, page_, kPdfDpi);
    } catch (const std::exception& e) {
        canvas_->set_page(wxImage());
        show_info(problem_text(e, ws_));
        return false;
    }
    canvas_->set_page(image);
    show_info();
    return true;
}

void DocumentViewer::show_info(const wxString& problem) {
    if (!problem.empty()) {
        show_outcome(info_, problem, false);
    } else if (!documents_.empty()) {
        info_->SetForegroundColour(GetForegroundColour());
        info_->SetLabel(wxString::Format(_("Page %d of %d, %d%%"), page_ + 1, documents_[current_].pages,
                                         static_cast<int>(canvas_->zoom() * 100 + 0.5)));
    }
    Layout();
}

}  // namespace gongji::ui
