#pragma once
// The audit administrator's view of who looked at whose personal data: each card, bindings,
// statement or scanned paper read, with when, by whom and from which window (app/trust/audit.h).
// Empty fields list everything; an ID number lists that person's, a user name that member of
// staff's.
#include <wx/listctrl.h>
#include <wx/panel.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "app/trust/auth.h"
#include "app/platform/workspace.h"

namespace gongji::ui {

class AccessLogPanel : public wxPanel {
public:
    AccessLogPanel(wxWindow* parent, app::Workspace& ws, const app::Actor& actor);
    // Lists the look-ups the two fields ask for; false (with the reason shown) when refused.
    bool search();
    long rows() const { return list_->GetItemCount(); }

private:
    app::Workspace& ws_;
    app::Actor actor_;
    wxTextCtrl *person_ = nullptr, *by_ = nullptr;
    wxListCtrl* list_ = nullptr;
    wxStaticText* outcome_ = nullptr;
};

}  // namespace gongji::ui
