#include "ui/supervision_panel.h"

#include <wx/accel.h>
#include <wx/button.h>
#include <wx/dateevt.h>
#include <wx/intl.h>
#include <wx/xrc/xmlres.h>

#include "app/oversight/oversight_papers.h"
#include "app/printing/printed_papers.h"
#include "ui/labels.h"
#include "ui/printing.h"
#include "ui/problem_text.h"

namespace gongji::ui {
namespace {

// The last calendar month: what an agency checks at the start of the next.
std::pair<core::CivilDate, core::CivilDate> last_month(const core::CivilDate& today) {
    auto first_of_this = core::CivilDate{today.year, today.month, 1};
    auto end = core::CivilDate::from_days_since_epoch(first_of_this.days_since_epoch() - 1);
    return {core::CivilDate{end.year, end.month, 1}, end};
}

}  // namespace

SupervisionPanel::SupervisionPanel(wxWindow* parent, app::Workspace& ws, const app::Actor& actor) : ws_(ws), actor_(actor) {
    wxXmlResource::Get()->LoadPanel(this, parent, "SupervisionPanel");
    from_ = XRCCTRL(*this, "supervision_from", wxDatePickerCtrl);
    to_ = XRCCTRL(*this, "supervision_to", wxDatePickerCtrl);
    list_ = XRCCTRL(*this, "supervision_list", wxListCtrl);
    outcome_ = XRCCTRL(*this, "supervision_outcome", wxStaticText);
    detail_ = XRCCTRL(*this, "supervision_detail", wxStaticText);
    check_ = XRCCTRL(*this, "supervision_check", wxButton);
    print_ = XRCCTRL(*this, "supervision_print", wxButton);
    export_ = XRCCTRL(*this, "supervision_export", wxButton);
    list_->AppendColumn(_("Settled"), wxLIST_FORMAT_LEFT, 140);
    list_->AppendColumn(_("Settlement"), wxLIST_FORMAT_LEFT, 210);
    list_->AppendColumn(_("Finding"), wxLIST_FORMAT_LEFT, 190);
    list_->AppendColumn(_("User"), wxLIST_FORMAT_LEFT, 220);
    list_->AppendColumn(_("Paid by"), wxLIST_FORMAT_LEFT, 220);
    list_->AppendColumn(_("Amount"), wxLIST_FORMAT_RIGHT, 100);
    list_->AppendColumn(_("Cases behind it"), wxLIST_FORMAT_LEFT, 200);
    auto [from, to] = last_month(app::china_today());
    set_period(from, to);
    check_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { check(); });
    // Alt+C from anywhere on the tab: a date picker's text field keeps the button's mnemonic.
    const int check_key = wxWindow::NewControlId();
    wxAcceleratorEntry keys[] = {wxAcceleratorEntry(wxACCEL_ALT, 'C', check_key)};
    SetAcceleratorTable(wxAcceleratorTable(1, keys));
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { check(); }, check_key);
    // Findings stay only beside the period they are of.
    auto period_changed = [this](wxDateEvent&) {
        if (!report_) return;
        clear();
        show_outcome(outcome_, _("The period changed: press Check to check it."), true);
        Layout();
    };
    from_->Bind(wxEVT_DATE_CHANGED, period_changed);
    to_->Bind(wxEVT_DATE_CHANGED, period_changed);
    list_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent& e) { show_detail(e.GetIndex()); });
    print_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (!report_) return;
        app::DocumentRequest r;
        r.kind = app::Paper::supervision;
        r.from = report_->from;
        r.to = report_->to;
        DocumentPrinter(this, ws_, actor_, r).preview();
    });
    export_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (!report_) return;
        ask_and_save_workbook(this, ws_, outcome_, _("Export the findings"),
                              "共济支付核查-" + report_->from.to_string() + "至" + report_->to.to_string() + ".xlsx",
                              [this](const std::string& path) { app::export_supervision(ws_, actor_, *report_, path); });
    });
}

void SupervisionPanel::set_period(const core::CivilDate& from, const core::CivilDate& to) {
    from_->SetValue(to_wx(from));
    to_->SetValue(to_wx(to));
}

void SupervisionPanel::check() {
    if (task_.running()) return;
    const auto from = from_wx(from_->GetValue()), to = from_wx(to_->GetValue());
    if (to < from) {
        clear();
        show_outcome(outcome_, _("The period ends before it starts."), false);
        Layout();
        return;
    }
    check_->Disable();
    show_outcome(outcome_, _("Checking the recorded settlements..."), true);
    task_.start<app::SupervisionReport>(
        [url = ws_.url(), actor = actor_, from, to](app::Progress&) {
            app::Workspace own(url);  // the check reads millions of rows: not on the window's connection
            return app::supervise(own, actor, from, to);
        },
        [this](app::SupervisionReport report) {
            check_->Enable();
            show(std::move(report));
        },
        [this](const std::exception& e) {
            check_->Enable();
            clear();
            show_outcome(outcome_, problem_text(e, ws_), false);
            Layout();
        });
}

void SupervisionPanel::clear() {
    report_.reset();
    list_->DeleteAllItems();
    detail_->SetLabel("");
    print_->Disable();
    export_->Disable();
}

void SupervisionPanel::show(app::SupervisionReport report) {
    list_->DeleteAllItems();
    detail_->SetLabel("");
    for (const auto& [f, cases] : report.findings) {
        long row = list_->InsertItem(list_->GetItemCount(), u8(china_minutes(core::Instant{f.time})));
        list_->SetItem(row, 1, u8(f.setl_id));
        list_->SetItem(row, 2, u8(app::finding_label(f.code)));
        list_->SetItem(row, 3, person_label(ws_, f.user_id));
        list_->SetItem(row, 4, f.authorizer_id.empty() ? wxString("—") : person_label(ws_, f.authorizer_id));
        list_->SetItem(row, 5, yuan_text(f.amount_fen));
        wxString numbers;
        for (const auto& c : cases) numbers += (numbers.empty() ? "" : ", ") + u8(c);
        list_->SetItem(row, 6, numbers);
    }
    const int n = static_cast<int>(report.findings.size());
    show_outcome(outcome_,
                 wxString::Format(wxPLURAL("%lld recorded settlements checked: %d finding", "%lld recorded settlements checked: %d findings", n),
                                  report.checked, n),
                 n == 0);
    print_->Enable();
    export_->Enable(n > 0);
    report_ = std::move(report);
    if (n > 0) {
        list_->SetItemState(0, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
        list_->SetFocus();
    }
    Layout();
}

void SupervisionPanel::show_detail(long row) {
    if (!report_ || row < 0 || static_cast<size_t>(row) >= report_->findings.size()) return;
    const auto& [f, cases] = report_->findings[static_cast<size_t>(row)];
    wxString numbers;
    for (const auto& c : cases) numbers += (numbers.empty() ? "" : ", ") + u8(c);
    // A finding about the settlement as a whole has no second person, and so no cases of two.
    if (f.authorizer_id.empty())
        detail_->SetLabel(wxString::Format(_("%s: %s."), u8(app::finding_label(f.code)), u8(f.message)));
    else
        detail_->SetLabel(wxString::Format(_("%s: %s. Cases of the two by then: %s."), u8(app::finding_label(f.code)),
                                           u8(f.message), numbers.empty() ? _("none") : numbers));
    detail_->Wrap(GetClientSize().GetWidth() - 24);
    Layout();
}

bool SupervisionPanel::export_to(const std::string& path) {
    return report_ && save_workbook(ws_, outcome_, path, [this](const std::string& p) {
               app::export_supervision(ws_, actor_, *report_, p);
           });
}

}  // namespace gongji::ui
