#pragma once
// Printing the papers citizens take home: a preview on screen, the system's print dialog, a
// PDF saved where the clerk chooses. Pages are drawn by the reports renderer itself, so what is
// previewed, printed and saved is the same layout; every print is recorded in the print log.
#include <wx/print.h>

#include <memory>

#include "app/auth.h"
#include "app/report_service.h"
#include "app/workspace.h"

namespace gongji::ui {

// One laid-out document as a wxPrintout; a real print (not a preview) is recorded once it ends.
class ReportPrintout : public wxPrintout {
public:
    ReportPrintout(app::Workspace& ws, const app::Actor& actor, const app::DocumentRequest& request);
    ~ReportPrintout() override;

    int pages() const;
    bool HasPage(int page) override;
    void GetPageInfo(int* min_page, int* max_page, int* from, int* to) override;
    bool OnPrintPage(int page) override;
    void OnEndPrinting() override;

private:
    app::Workspace& ws_;
    app::Actor actor_;
    app::DocumentRequest request_;
    app::PreparedDocument prepared_;
    std::unique_ptr<reports::LaidOutDocument> laid_out_;
    int printed_ = 0;
};

// What a print button offers; each reports a failure to the user and returns false.
class DocumentPrinter {
public:
    DocumentPrinter(wxWindow* parent, app::Workspace& ws, const app::Actor& actor, app::DocumentRequest request);
    // Opens the preview window (with its own Print button); returns it, or nullptr on failure.
    wxFrame* preview();
    bool print();                              // the system print dialog
    bool save_pdf(const std::string& path);    // recorded like a print
    bool save_pdf_as();                        // asks where

private:
    bool failed(const std::exception& e);
    wxWindow* parent_;
    app::Workspace& ws_;
    app::Actor actor_;
    app::DocumentRequest request_;
};

}  // namespace gongji::ui
