#pragma once
// Files and folders chosen by the user. Never GTK's own chooser: to show a file it may open it
// and close it again, and closing any descriptor of the window's embedded database drops every
// POSIX lock this process holds on it, SQLite's included. Another program (the CLI, a backup)
// then takes the app's write-ahead log for abandoned and deletes it while the app still writes
// into it: saved work lost (sqlite.org, "How To Corrupt An SQLite Database File", 2.2). wx's
// generic dialogs list names and sizes only.
#include <wx/string.h>
#include <wx/window.h>

namespace gongji::ui {

// The path chosen, or "" when the user cancelled. Without `folder` the dialogs open in the user's
// home folder, never in the one the app was started from (often the database's own).
wxString choose_file_to_open(wxWindow* parent, const wxString& title, const wxString& wildcard,
                             const wxString& folder = "");
wxString choose_file_to_save(wxWindow* parent, const wxString& title, const wxString& name, const wxString& wildcard);
wxString choose_folder(wxWindow* parent, const wxString& title);

}  // namespace gongji::ui
