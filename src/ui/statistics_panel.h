#pragma once
// The agency's monthly figures on screen (统计), for supervisors and administrators: the same
// pages, tables and charts as the printed report, drawn by the report renderer; printed, or
// exported as a spreadsheet.
#include <wx/choice.h>
#include <wx/panel.h>
#include <wx/scrolwin.h>
#include <wx/stattext.h>

#include <optional>
#include <string>

#include "app/trust/auth.h"
#include "app/oversight/stats_service.h"
#include "app/platform/workspace.h"
#include "ui/background_task.h"

namespace gongji::ui {

class StatisticsPanel : public wxPanel {
public:
    StatisticsPanel(wxWindow* parent, app::Workspace& ws, const app::Actor& actor);
    void choose_month(const std::string& month);  // "YYYY-MM": this month or one of the two years before
    // Gathers the chosen month's figures off the UI thread, then shows their pages.
    void show_month();
    bool working() const { return task_.running(); }
    int pages_shown() const { return pages_shown_; }
    bool export_to(const std::string& path);  // false (with the reason shown) on failure

private:
    void show(app::MonthlyFigures figures);
    void clear();  // no pages shown, nothing to print or export

    app::Workspace& ws_;
    app::Actor actor_;
    wxChoice* month_ = nullptr;
    wxScrolledWindow* pages_ = nullptr;
    wxStaticText* outcome_ = nullptr;
    wxWindow *show_ = nullptr, *print_ = nullptr, *export_ = nullptr;
    std::optional<app::MonthlyFigures> figures_;
    int pages_shown_ = 0;
    BackgroundTask task_{this};
};

}  // namespace gongji::ui
