#include "ui/session.h"

#include <wx/display.h>

#include <algorithm>

#include "ui/login_dialog.h"
#include "ui/main_frame.h"

namespace gongji::ui {

MainFrame* open_session(app::Workspace& ws, const wxRect& where) {
    LoginDialog login(nullptr, ws);
    if (login.ShowModal() != wxID_OK) return nullptr;
    auto* frame = new MainFrame(ws, login.actor());
    if (where.IsEmpty()) {
        frame->SetSize(wxDisplay(static_cast<unsigned>(std::max(0, wxDisplay::GetFromWindow(&login)))).GetClientArea());
        frame->Maximize();  // the window is the clerk's whole working day
    } else {
        frame->SetSize(where);
    }
    frame->Show();
    return frame;
}

}  // namespace gongji::ui
