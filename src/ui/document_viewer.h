#pragma once
// The documents of a case on screen: each one chosen from a list of thumbnails, its pages
// turned, zoomed, rotated in quarter turns or fitted to the window. Damaged documents say so
// instead.
#include <wx/dialog.h>
#include <wx/image.h>
#include <wx/listctrl.h>
#include <wx/scrolwin.h>
#include <wx/stattext.h>

#include <vector>

#include "app/platform/workspace.h"
#include "app/cases/captured_papers.h"

namespace gongji::ui {

// Draws one page image at a zoom and a rotation; scrolls when it is larger than the window.
class PageCanvas : public wxScrolledWindow {
public:
    PageCanvas(wxWindow* parent, wxWindowID id);
    void set_page(const wxImage& image);  // shown fitted to the window
    void zoom_by(double factor);
    void rotate();  // a quarter turn clockwise
    void fit();
    double zoom() const { return zoom_; }
    int quarter_turns() const { return turns_; }
    wxSize shown_size() const { return shown_.IsOk() ? shown_.GetSize() : wxSize(); }

private:
    void render();  // the image turned and scaled, ready to paint
    void on_paint(wxPaintEvent&);
    wxImage page_;
    wxBitmap shown_;
    double zoom_ = 1.0;
    int turns_ = 0;
};

class DocumentViewer : public wxDialog {
public:
    // Each document read is logged as `actor`'s look-up.
    DocumentViewer(wxWindow* parent, app::Workspace& ws, const app::Actor& actor, const std::string& case_number);

    size_t count() const { return documents_.size(); }
    bool show_document(size_t index);  // false (with the reason shown) when it cannot be drawn
    bool turn_page(int by);
    PageCanvas* canvas() const { return canvas_; }
    int page() const { return page_; }

private:
    bool load_page();
    void show_info(const wxString& problem = wxString());

    app::Workspace& ws_;
    app::Actor actor_;
    std::vector<core::StoredDocument> documents_;
    std::string bytes_;  // the document on screen, as stored (checked on reading)
    size_t current_ = 0;
    int page_ = 0;
    wxListCtrl* list_ = nullptr;
    wxStaticText* info_ = nullptr;
    PageCanvas* canvas_ = nullptr;
};

}  // namespace gongji::ui
