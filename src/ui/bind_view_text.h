#pragma once
// The binding form in the window's words: the lines of the eligibility result and of the
// checklist, for the clerk's dialog (and the citizen's display, which shows the same).
#include <wx/arrstr.h>

#include "app/cases/bind_form.h"

namespace gongji::ui {

// The verdict first, then its reasons, one paper missing a line where only papers are missing.
wxArrayString reason_lines(const app::BindForm& form, app::Workspace& ws);
// Each paper of the checklist with ✔ or ✘; `first_missing` the line of the first still missing,
// or -1 when none is.
wxArrayString checklist_lines(const app::BindView& view, int& first_missing);
// What a submission that did not go through says: the papers still missing, the card to look at
// (and that submitting again says it was looked at), or why it was refused.
wxString not_submitted_text(const app::SubmitOutcome& outcome, app::Workspace& ws);

}  // namespace gongji::ui
