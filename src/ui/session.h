#pragma once
// A working session at the window: the login, then the main window of whoever logged in. Log
// out (Ctrl+Shift+L) ends it and asks for the next person, on the same machine and database.
#include <wx/gdicmn.h>

#include "app/platform/workspace.h"

namespace gongji::ui {

class MainFrame;

// Shows the login; on success opens the main window (maximised, or in `where` when given) and
// returns it; nullptr when the login was cancelled.
MainFrame* open_session(app::Workspace& ws, const wxRect& where = wxRect());

}  // namespace gongji::ui
