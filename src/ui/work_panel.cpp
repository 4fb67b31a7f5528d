#include "ui/work_panel.h"

#include "ui/labels.h"
#include "ui/problem_text.h"

namespace gongji::ui {

void WorkPanel::say(const wxString& text, bool good) {
    show_outcome(outcome_, text, good);
    Layout();
}

bool WorkPanel::attempt(const std::function<wxString()>& action, const std::function<void()>& show_again) {
    wxString done;
    try {
        done = action();
    } catch (const std::exception& e) {
        say(problem_text(e, ws_), false);
        return false;
    }
    if (show_again) show_again();
    say(done, true);
    return true;
}

}  // namespace gongji::ui
