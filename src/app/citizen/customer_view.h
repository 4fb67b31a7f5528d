#pragma once
// What the screen turned to the citizen shows (客户显示屏, domain.md §9), worked out from the same
// application the clerk's dialog holds: the window and its clerk; then the people being recorded
// (names as given, ID numbers masked), the relation, the papers captured and still missing, and
// the commitment letter's promises to read; at the end the case number, the day the decision is
// due and the rating request. Between two citizens: the window alone.
#include <string>
#include <vector>

#include "app/cases/bind_form.h"
#include "app/platform/workspace.h"
#include "app/trust/auth.h"

namespace gongji::app {

struct CustomerView {
    std::string agency, window, clerk;  // always shown
    bool serving = false;               // a citizen at the window: what follows is theirs
    struct Party {
        std::string role;  // 授权人, 使用人
        std::string name, masked_id;
    };
    std::vector<Party> parties;
    std::string relation;  // "使用人是授权人的妻"
    struct Paper {
        std::string label;
        bool captured = false;
    };
    std::vector<Paper> papers;
    std::vector<std::string> promises;  // the commitment letter's, as the agency's template has them
    std::string case_number, due_text, rating_link;  // once submitted
};

// Between two citizens.
CustomerView idle_view(Workspace& ws, const Actor& clerk);
// The application as it stands.
CustomerView view_of(Workspace& ws, const Actor& clerk, const BindForm& form);
// The same once submitted: the case, the promised day (when the agency promises one) and the
// rating request (when the agency set its template).
CustomerView submitted_view(Workspace& ws, const Actor& clerk, const BindForm& form);

}  // namespace gongji::app
