#pragma once
// What belongs to this machine, not to the agency nor to a user: the window's name (set once,
// /etc/gongji/workstation), where the OCR's data is, how soon an idle desk locks. Environment
// variables (app/platform/environment.h) override each for tests and unusual installations.
#include <optional>
#include <string>

namespace gongji::app {

// This machine's workstation name ("窗口-03"): GONGJI_WORKSTATION, else the name set once for
// the machine in workstation_file(), else the host name.
std::string workstation_name();
// Whether a name was set for this machine (or GONGJI_WORKSTATION gives one).
bool workstation_configured();
// GONGJI_WORKSTATION_FILE (for root only), else /etc/gongji/workstation.
std::string workstation_file();
// Sets the machine's name once; BadInput for an empty or over-long name or a file that cannot
// be written (naming it).
void set_workstation_name(const std::string& name);

// Idle minutes before the desktop app locks, when this machine sets them (else the app's own).
std::optional<int> lock_minutes();
// The OCR's trained data, when this machine names a folder (else the installed one is found).
std::string tessdata_dir();

}  // namespace gongji::app
