#pragma once
// What the panels of the main window share: the workspace, the outcome line under their buttons,
// and an action that says either what it did or, in the window's words, why not. One base for
// what every panel repeated (KiCad's DIALOG_SHIM is the model).
#include <wx/panel.h>
#include <wx/stattext.h>

#include <functional>

#include "app/platform/workspace.h"

namespace gongji::ui {

class WorkPanel : public wxPanel {
protected:
    explicit WorkPanel(app::Workspace& ws) : ws_(ws) {}

    // The outcome line: green for done, red for a refusal; the panel laid out again for its length.
    void say(const wxString& text, bool good);
    // Runs `action`, which returns what it did, then `show_again` (the panel as it is now), and
    // says it; a failure is said instead and nothing is shown again. True when it was done.
    bool attempt(const std::function<wxString()>& action, const std::function<void()>& show_again = {});

    app::Workspace& ws_;
    wxStaticText* outcome_ = nullptr;  // the panel finds it in its form
};

}  // namespace gongji::ui
