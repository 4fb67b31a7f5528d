#include "ui/access_log_panel.h"

#include <wx/button.h>
#include <wx/intl.h>
#include <wx/xrc/xmlres.h>

#include "app/trust/audit.h"
#include "app/trust/data_reads.h"
#include "core/documents.h"
#include "ui/labels.h"
#include "ui/problem_text.h"

namespace gongji::ui {
namespace {

// What an entry says was read, in the reader's words.
wxString what_was_read(const core::AuditEntry& e) {
    const auto read = app::data_read(e);
    using What = app::DataRead::What;
    switch (read.what) {
        case What::card: return _("the person card");
        case What::bindings_as_user: return _("the bindings, as user");
        case What::bindings_as_authorizer: return _("the bindings, as authorizer");
        case What::statement:
            return wxString::Format(read.printed ? _("the usage statement %s to %s, printed")
                                                 : _("the usage statement %s to %s, on screen"),
                                    u8(read.from), u8(read.to));
        case What::paper:
            return wxString::Format(_("the paper %s of case %s"),
                                    read.paper_type ? document_type_text(*read.paper_type) : u8(read.paper_type_code),
                                    u8(read.paper_case));
        case What::other: break;
    }
    return u8(read.record);
}

}  // namespace

AccessLogPanel::AccessLogPanel(wxWindow* parent, app::Workspace& ws, const app::Actor& actor) : ws_(ws), actor_(actor) {
    wxXmlResource::Get()->LoadPanel(this, parent, "AccessLogPanel");
    person_ = XRCCTRL(*this, "access_person", wxTextCtrl);
    by_ = XRCCTRL(*this, "access_by", wxTextCtrl);
    list_ = XRCCTRL(*this, "access_list", wxListCtrl);
    outcome_ = XRCCTRL(*this, "access_outcome", wxStaticText);
    list_->AppendColumn(_("Time"), wxLIST_FORMAT_LEFT, 170);
    list_->AppendColumn(_("Staff"), wxLIST_FORMAT_LEFT, 110);
    list_->AppendColumn(_("Workstation"), wxLIST_FORMAT_LEFT, 110);
    list_->AppendColumn(_("Person or paper"), wxLIST_FORMAT_LEFT, 170);
    list_->AppendColumn(_("What was read"), wxLIST_FORMAT_LEFT, 520);
    auto run = [this](wxCommandEvent&) { search(); };
    XRCCTRL(*this, "access_search", wxButton)->Bind(wxEVT_BUTTON, run);
    person_->Bind(wxEVT_TEXT_ENTER, run);
    by_->Bind(wxEVT_TEXT_ENTER, run);
}

bool AccessLogPanel::search() {
    list_->DeleteAllItems();
    try {
        auto views = app::personal_data_views(ws_, actor_, utf8(person_->GetValue().Trim().Trim(false)),
                                              utf8(by_->GetValue().Trim().Trim(false)));
        for (const auto& e : views) {
            long row = list_->InsertItem(list_->GetItemCount(), u8(china_minutes(core::Instant::parse(e.at))));
            list_->SetItem(row, 1, u8(e.actor));
            list_->SetItem(row, 2, u8(e.workstation));
            const bool paper = app::data_read(e).what == app::DataRead::What::paper;
            list_->SetItem(row, 3, paper ? wxString::Format(_("paper %s"), u8(e.entity_key)) : u8(e.entity_key));
            list_->SetItem(row, 4, what_was_read(e));
        }
        const int n = static_cast<int>(views.size());
        show_outcome(outcome_, wxString::Format(wxPLURAL("%d look-up", "%d look-ups", n), n), true);
    } catch (const std::exception& e) {
        show_outcome(outcome_, problem_text(e, ws_), false);
        Layout();
        return false;
    }
    Layout();
    return true;
}

}  // namespace gongji::ui
