#pragma once
// This machine's devices, chosen once (hardware.md): the ID card reader's port, the document
// camera, the scanner and its resolution, each with a button that tries the device on a worker
// and says what it found. Saved to the machine's settings file, which only the machine's
// administrator may write; a refusal is said, nothing half saved.
#include <wx/choice.h>
#include <wx/combobox.h>
#include <wx/dialog.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>

#include "app/setup/device_settings.h"
#include "ui/background_task.h"

namespace gongji::ui {

class MachineSettingsDialog : public wxDialog {
public:
    explicit MachineSettingsDialog(wxWindow* parent);

    // What the buttons do; public for tests.
    void test_card_reader();
    void test_camera();
    void test_scanner();
    bool testing() const { return test_.running() || listing_.running(); }
    bool save();  // false (and said) when the settings cannot be written

private:
    app::DeviceSettings chosen() const;
    void say(const wxString& text, bool good);

    BackgroundTask test_{this}, listing_{this};
    wxComboBox *card_reader_ = nullptr, *camera_ = nullptr, *scanner_ = nullptr;
    wxSpinCtrl* dpi_ = nullptr;
    wxChoice* display_ = nullptr;  // the citizen's: None, Monitor 1, …
    wxStaticText* status_ = nullptr;
};

}  // namespace gongji::ui
