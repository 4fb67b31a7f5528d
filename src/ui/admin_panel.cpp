#include "ui/file_dialogs.h"
#include "ui/admin_panel.h"
#include "ui/labels.h"
#include "ui/problem_text.h"

#include <wx/intl.h>
#include <wx/xrc/xmlres.h>

#include "app/platform/errors.h"
#include "app/printing/printed_papers.h"
#include "app/imports/roster_import.h"
#include "app/setup/settings.h"

namespace gongji::ui {

AdminPanel::AdminPanel(wxWindow* parent, app::Workspace& ws, const app::Actor& actor) : ws_(ws), actor_(actor) {
    wxXmlResource::Get()->LoadPanel(this, parent, "AdminPanel");
    agency_ = XRCCTRL(*this, "agency_name", wxTextCtrl);
    auto agency = app::agency_settings(ws_);
    agency_->SetValue(u8(agency.name));
    XRCCTRL(*this, "agency_phone", wxTextCtrl)->SetValue(u8(agency.phone.value_or("")));
    XRCCTRL(*this, "processing_days", wxTextCtrl)->SetValue(u8(agency.processing_days.value_or("")));
    auto save_agency = [this](wxCommandEvent&) { this->save_agency(); };
    XRCCTRL(*this, "save_agency_name", wxButton)->Bind(wxEVT_BUTTON, save_agency);
    for (const char* field : {"agency_name", "agency_phone", "processing_days"})
        XRCCTRL(*this, field, wxTextCtrl)->Bind(wxEVT_TEXT_ENTER, save_agency);
    remind_what_receipts_lack();
    import_ = XRCCTRL(*this, "import_roster", wxButton);
    cancel_ = XRCCTRL(*this, "cancel_import", wxButton);
    progress_ = XRCCTRL(*this, "progress", wxGauge);
    summary_ = XRCCTRL(*this, "import_summary", wxStaticText);
    rejected_ = XRCCTRL(*this, "rejected", wxListCtrl);
    rejected_->AppendColumn(_("Line"), wxLIST_FORMAT_RIGHT, 70);
    rejected_->AppendColumn(_("Code"), wxLIST_FORMAT_LEFT, 160);
    rejected_->AppendColumn(_("Reason"), wxLIST_FORMAT_LEFT, 700);
    import_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        auto path = choose_file_to_open(this, _("Roster file"), _("CSV files (*.csv)|*.csv"));
        if (!path.empty()) import_file(utf8(path));
    });
    cancel_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { cancel(); });
}

void AdminPanel::import_file(const std::string& path) {
    if (importing()) return;
    import_->Disable();
    cancel_->Enable();
    progress_->SetValue(0);
    rejected_->DeleteAllItems();
    summary_->SetForegroundColour(GetForegroundColour());  // not the red of a last failure
    summary_->SetLabel(_("Importing..."));
    auto finish = [this] {
        import_->Enable();
        cancel_->Disable();
    };
    // Its own connection: a SOCI session belongs to one thread.
    import_task_.start<app::RosterImportReport>(
        [url = ws_.url(), actor = actor_, path](app::Progress& progress) {
            app::Workspace own(url);
            return app::import_roster(own, actor, path, app::Encoding::auto_detect, &progress);
        },
        [this, finish](app::RosterImportReport report) {
            finish();
            progress_->SetValue(1000);
            show_outcome(summary_, wxString::Format(_("%zu lines read: %zu added, %zu updated, %zu unchanged, %zu rejected, %d bindings ended"),
                                                    report.read, report.inserted, report.updated, report.unchanged,
                                                    report.rejected.size(), report.bindings_ended),
                         true);
            for (const auto& line : report.rejected) {
                long row = rejected_->InsertItem(rejected_->GetItemCount(), wxString::Format("%zu", line.line));
                rejected_->SetItem(row, 1, u8(line.code));
                rejected_->SetItem(row, 2, line_issue_text(line.code, line.params, line.message));
            }
            Layout();
        },
        [this, finish](const std::exception& e) {
            finish();
            show_outcome(summary_, problem_text(e, ws_), false);
        },
        [this](int permille) { progress_->SetValue(permille); });
}

bool AdminPanel::save_agency() {
    auto* outcome = XRCCTRL(*this, "agency_outcome", wxStaticText);
    auto value = [this](const char* field) { return utf8(XRCCTRL(*this, field, wxTextCtrl)->GetValue().Trim().Trim(false)); };
    try {
        app::set_agency_details(ws_, actor_, value("agency_name"), value("agency_phone"), value("processing_days"));
    } catch (const std::exception& e) {
        show_outcome(outcome, problem_text(e, ws_), false);
        Layout();
        return false;
    }
    show_outcome(outcome, _("Saved"), true);
    remind_what_receipts_lack();
    Layout();
    return true;
}

void AdminPanel::remind_what_receipts_lack() {
    auto agency = app::agency_settings(ws_);
    wxString missing;
    if (!agency.phone) missing = _("the phone number for questions");
    if (!agency.processing_days)
        missing += (missing.empty() ? wxString() : _(" and ")) + _("the working days promised for a decision");
    if (missing.empty()) return;
    show_outcome(XRCCTRL(*this, "agency_outcome", wxStaticText),
                 wxString::Format(_("Receipts are printed without %s until it is set here."), missing), false);
    Layout();
}

}  // namespace gongji::ui
