#pragma once
// What went wrong, in the user's language. The application layer says it as a code with
// values; this is where the desktop app chooses the words, through its catalogue. Anything
// else (a database or a device that went away) is shown as the system said it.
#include <wx/string.h>

#include <exception>
#include <map>
#include <string>
#include <vector>

#include "app/platform/errors.h"
#include "app/platform/workspace.h"
#include "core/eligibility.h"

namespace gongji::ui {

wxString problem_text(const app::Problem& problem);
wxString problem_text(const std::exception& e);
// The same, but a connection to the database that broke is said as such, whatever the error.
wxString problem_text(const std::exception& e, app::Workspace& ws);
// The same for one kept as a value (app::BindForm's outcomes); empty for none.
wxString problem_text(const std::exception_ptr& e, app::Workspace& ws);
// A line of an import refused (roster), by its code and values; `fallback` when the code is new.
wxString line_issue_text(const std::string& code, const std::map<std::string, std::string>& params,
                         const std::string& fallback);
// Why an ID number is not valid, by core's error code ("check_character", …).
// What is wrong with an ID number; a check character said with the one it should be where the
// values give it.
wxString id_error_text(const std::string& code, const std::map<std::string, std::string>& params = {});
// A 医保电子凭证 QR code scanned into an ID field: what it is, and what to do instead (both, or
// each for a list that shows them a line each).
wxString ecert_token_text();
wxString ecert_token_what();
wxString ecert_token_advice();
// One of the §5 reasons a binding is refused.
// Missing papers are named from the checklist when it is given.
wxString reason_text(const core::Reason& reason, const std::vector<core::DocumentNeed>& checklist = {});

}  // namespace gongji::ui
