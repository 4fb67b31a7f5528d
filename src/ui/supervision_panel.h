#pragma once
// The fund-supervision check on screen (基金监管, domain.md §8), for supervisors and
// administrators: the recorded settlements of a period judged against the register and the
// rules, each finding with its settlement, the people, the binding and the cases behind it;
// printed, or exported as a spreadsheet. The check runs off the UI thread.
#include <wx/datectrl.h>
#include <wx/listctrl.h>
#include <wx/panel.h>
#include <wx/stattext.h>

#include <optional>

#include "app/trust/auth.h"
#include "app/oversight/supervision_service.h"
#include "app/platform/workspace.h"
#include "ui/background_task.h"

namespace gongji::ui {

class SupervisionPanel : public wxPanel {
public:
    SupervisionPanel(wxWindow* parent, app::Workspace& ws, const app::Actor& actor);
    // Starts the check of the period in the two fields; its findings are listed when it ends.
    void check();
    void set_period(const core::CivilDate& from, const core::CivilDate& to);
    bool checking() const { return task_.running(); }
    long rows() const { return list_->GetItemCount(); }
    // Writes the last check's findings as a workbook; false (with the reason shown) on failure.
    bool export_to(const std::string& path);

private:
    void show(app::SupervisionReport report);
    void show_detail(long row);
    void clear();  // no findings shown, nothing to print or export

    app::Workspace& ws_;
    app::Actor actor_;
    wxDatePickerCtrl *from_ = nullptr, *to_ = nullptr;
    wxListCtrl* list_ = nullptr;
    wxStaticText *outcome_ = nullptr, *detail_ = nullptr;
    wxWindow *check_ = nullptr, *print_ = nullptr, *export_ = nullptr;
    std::optional<app::SupervisionReport> report_;
    BackgroundTask task_{this};
};

}  // namespace gongji::ui
