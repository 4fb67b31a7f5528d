#pragma once
// Printing the papers citizens take home: a preview on screen, the system's print dialog, a
// PDF saved where the clerk chooses. Pages are drawn by the reports renderer itself, so what is
// previewed, printed and saved is the same layout; every print is recorded in the print log.
#include <wx/print.h>

#include <wx/stattext.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "app/trust/auth.h"
#include "app/printing/printed_papers.h"
#include "app/platform/workspace.h"

namespace gongji::ui {

// Laid-out documents, one after the other, as one wxPrintout (the citizen's papers in one job);
// a real print (not a preview) of each is recorded once it ends.
class ReportPrintout : public wxPrintout {
public:
    ReportPrintout(app::Workspace& ws, const app::Actor& actor, const app::DocumentRequest& request);
    ReportPrintout(app::Workspace& ws, const app::Actor& actor, const std::vector<app::DocumentRequest>& requests);
    ~ReportPrintout() override;

    int pages() const;
    bool HasPage(int page) override;
    void GetPageInfo(int* min_page, int* max_page, int* from, int* to) override;
    bool OnPrintPage(int page) override;
    void OnEndPrinting() override;

private:
    struct Paper {
        app::DocumentRequest request;
        app::PreparedDocument prepared;
        std::unique_ptr<reports::LaidOutDocument> laid_out;
        int printed = 0;
    };
    app::Workspace& ws_;
    app::Actor actor_;
    std::vector<Paper> papers_;
};

// "GJ20261122-000017-受理回执.pdf": what a saved paper is called, by its case (or person) and kind.
std::string paper_file_name(const app::PreparedDocument& prepared);

// What a print button offers; each reports a failure to the user and returns false.
class DocumentPrinter {
public:
    DocumentPrinter(wxWindow* parent, app::Workspace& ws, const app::Actor& actor, app::DocumentRequest request);
    // Several papers printed, previewed and saved together.
    DocumentPrinter(wxWindow* parent, app::Workspace& ws, const app::Actor& actor, std::vector<app::DocumentRequest> requests);
    // Opens the preview window (with its own Print button); returns it, or nullptr on failure.
    wxFrame* preview();
    bool print();                              // the system print dialog
    bool save_pdf(const std::string& path);    // one paper to this file; recorded like a print
    bool save_pdf_as();                        // asks where (a folder for several papers)

private:
    bool failed(const std::exception& e);
    wxWindow* parent_;
    app::Workspace& ws_;
    app::Actor actor_;
    std::vector<app::DocumentRequest> requests_;
};

// A paper's tables saved as a workbook (app/oversight/oversight_papers.h): `write(path)` writes it; what
// came of it is said on `outcome` (where it went, or why not). False when it failed.
bool save_workbook(app::Workspace& ws, wxStaticText* outcome, const std::string& path,
                   const std::function<void(const std::string&)>& write);
// Asks where to save a workbook, offering `name`; then saves it as above. False when cancelled or failed.
bool ask_and_save_workbook(wxWindow* parent, app::Workspace& ws, wxStaticText* outcome, const wxString& title,
                           const std::string& name, const std::function<void(const std::string&)>& write);

}  // namespace gongji::ui
