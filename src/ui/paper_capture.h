#pragma once
// How a paper comes into an application at the window: the document camera where the machine
// has one plugged in, else the scanner (on a worker: SANE blocks for seconds), else a file chosen
// or dropped. What is captured, or why not, goes back to the window that asked.
#include <wx/window.h>

#include <functional>
#include <string>

#include "app/cases/captured_papers.h"
#include "app/setup/device_settings.h"
#include "app/platform/workspace.h"
#include "ui/background_task.h"

namespace gongji::ui {

class PaperCapture {
public:
    struct Hooks {
        std::function<void(const app::Upload&)> captured;
        std::function<void(const wxString&)> failed;
        // "Scanning: 身份证..." while the scanner works, then empty: said where the clerk looks.
        std::function<void(const wxString&)> scanning;
    };
    PaperCapture(wxWindow* owner, app::Workspace& ws, Hooks hooks);

    bool has_camera() const { return !devices_.camera.empty(); }
    bool scanning() const { return scan_task_.running(); }
    // With the camera where there is one, else scanned where a scanner is, else from a file.
    void capture(core::DocumentType type);
    void take_with_camera(core::DocumentType type);
    // Scanned on the machine's scanner (else the first one found); with none, a file is asked for.
    void scan_or_pick(core::DocumentType type);
    void pick_file(core::DocumentType type);
    void attach_file(core::DocumentType type, const std::string& path);
    // Files dropped onto `target` come in as papers of the type `type_of_drop` says.
    void accept_drops(wxWindow* target, std::function<core::DocumentType()> type_of_drop);

private:
    wxWindow* owner_;
    app::Workspace& ws_;
    Hooks hooks_;
    app::DeviceSettings devices_;  // this machine's, read when the window opens
    BackgroundTask scan_task_;
};

}  // namespace gongji::ui
