#include "ui/admin_panel.h"
#include "ui/labels.h"

#include <wx/app.h>
#include <wx/filedlg.h>
#include <wx/intl.h>
#include <wx/weakref.h>
#include <wx/xrc/xmlres.h>

#include "app/errors.h"
#include "app/report_service.h"
#include "app/roster_import.h"
#include "app/settings.h"

namespace gongji::ui {
namespace {

// Reports progress to the window on its own thread; asks the panel whether to stop.
class PanelProgress : public app::Progress {
public:
    PanelProgress(wxWeakRef<wxGauge> gauge, const std::atomic<bool>& cancel) : gauge_(gauge), cancel_(cancel) {}
    void report(std::size_t done, std::size_t total) override {
        int permille = total ? static_cast<int>(done * 1000 / total) : 0;
        wxWeakRef<wxGauge> gauge = gauge_;
        wxTheApp->CallAfter([gauge, permille] {
            if (gauge) gauge->SetValue(permille);
        });
    }
    bool cancelled() const override { return cancel_; }

private:
    wxWeakRef<wxGauge> gauge_;
    const std::atomic<bool>& cancel_;
};

}  // namespace

AdminPanel::AdminPanel(wxWindow* parent, app::Workspace& ws, const app::Actor& actor) : ws_(ws), actor_(actor) {
    wxXmlResource::Get()->LoadPanel(this, parent, "AdminPanel");
    agency_ = XRCCTRL(*this, "agency_name", wxTextCtrl);
    agency_->SetValue(u8(app::agency_name(ws_)));
    XRCCTRL(*this, "agency_phone", wxTextCtrl)->SetValue(u8(app::setting(ws_, "agency_phone").value_or("")));
    XRCCTRL(*this, "processing_days", wxTextCtrl)->SetValue(u8(app::setting(ws_, "processing_days").value_or("")));
    auto save_agency = [this](wxCommandEvent&) { this->save_agency(); };
    XRCCTRL(*this, "save_agency_name", wxButton)->Bind(wxEVT_BUTTON, save_agency);
    for (const char* field : {"agency_name", "agency_phone", "processing_days"})
        XRCCTRL(*this, field, wxTextCtrl)->Bind(wxEVT_TEXT_ENTER, save_agency);
    import_ = XRCCTRL(*this, "import_roster", wxButton);
    cancel_ = XRCCTRL(*this, "cancel_import", wxButton);
    progress_ = XRCCTRL(*this, "progress", wxGauge);
    summary_ = XRCCTRL(*this, "import_summary", wxStaticText);
    rejected_ = XRCCTRL(*this, "rejected", wxListCtrl);
    rejected_->AppendColumn(_("Line"), wxLIST_FORMAT_RIGHT, 70);
    rejected_->AppendColumn(_("Code"), wxLIST_FORMAT_LEFT, 160);
    rejected_->AppendColumn(_("Reason"), wxLIST_FORMAT_LEFT, 700);
    import_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        wxFileDialog pick(this, _("Roster file"), "", "", _("CSV files (*.csv)|*.csv"), wxFD_OPEN | wxFD_FILE_MUST_EXIST);
        if (pick.ShowModal() == wxID_OK) import_file(pick.GetPath().ToStdString(wxConvUTF8));
    });
    cancel_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { cancel(); });
}

AdminPanel::~AdminPanel() {
    cancel_requested_ = true;
    if (worker_.joinable()) worker_.join();
}

void AdminPanel::import_file(const std::string& path) {
    if (importing()) return;
    if (worker_.joinable()) worker_.join();
    finished_ = false;
    cancel_requested_ = false;
    import_->Disable();
    cancel_->Enable();
    progress_->SetValue(0);
    rejected_->DeleteAllItems();
    summary_->SetLabel(_("Importing..."));
    wxWeakRef<AdminPanel> self(this);
    wxWeakRef<wxGauge> gauge(progress_);
    std::string url = ws_.url();
    app::Actor actor = actor_;
    // Its own connection: a SOCI session belongs to one thread.
    worker_ = std::thread([self, gauge, url, actor, path, this] {
        std::string error;
        app::RosterImportReport report;
        try {
            app::Workspace own(url);
            PanelProgress progress(gauge, cancel_requested_);
            report = app::import_roster(own, actor, path, app::Encoding::auto_detect, &progress);
        } catch (const std::exception& e) {
            error = e.what();
        }
        finished_ = true;
        wxTheApp->CallAfter([self, report, error] {
            if (!self) return;
            auto* panel = self.get();
            panel->import_->Enable();
            panel->cancel_->Disable();
            if (!error.empty()) {
                show_outcome(panel->summary_, u8(error), false);
                return;
            }
            panel->progress_->SetValue(1000);
            show_outcome(panel->summary_, wxString::Format(_("%zu lines read: %zu added, %zu updated, %zu rejected, %d bindings ended"),
                                                       report.read, report.inserted, report.updated,
                                                       report.rejected.size(), report.bindings_ended), true);
            for (const auto& line : report.rejected) {
                long row = panel->rejected_->InsertItem(panel->rejected_->GetItemCount(), wxString::Format("%zu", line.line));
                panel->rejected_->SetItem(row, 1, u8(line.code));
                panel->rejected_->SetItem(row, 2, u8(line.message));
            }
            panel->Layout();
        });
    });
}

bool AdminPanel::save_agency() {
    auto* outcome = XRCCTRL(*this, "agency_outcome", wxStaticText);
    auto value = [this](const char* field) { return utf8(XRCCTRL(*this, field, wxTextCtrl)->GetValue().Trim().Trim(false)); };
    try {
        app::set_agency_name(ws_, actor_, value("agency_name"));
        if (auto phone = value("agency_phone"); !phone.empty() && phone != app::setting(ws_, "agency_phone"))
            app::set_agency_phone(ws_, actor_, phone);
        if (auto days = value("processing_days"); !days.empty() && days != app::setting(ws_, "processing_days"))
            app::set_processing_days(ws_, actor_, days);
    } catch (const std::exception& e) {
        show_outcome(outcome, u8(e.what()), false);
        Layout();
        return false;
    }
    show_outcome(outcome, _("Saved"), true);
    Layout();
    return true;
}

}  // namespace gongji::ui
