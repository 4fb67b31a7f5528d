#include "ui/machine_settings_dialog.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/display.h>
#include <wx/xrc/xmlres.h>

#include <algorithm>
#include <chrono>
#include <thread>

#include "devices/camera.h"
#include "devices/document_file.h"
#include "devices/id_card_reader.h"
#include "devices/scanner.h"
#include "ui/card_reader_watch.h"
#include "ui/labels.h"
#include "ui/problem_text.h"

namespace gongji::ui {

namespace {

struct Size {
    int width = 0, height = 0;
};

Size picture_size(const std::string& png) {
    auto file = devices::inspect_document_file(png);
    return {file.width, file.height};
}

void offer(wxComboBox* box, const std::vector<std::string>& choices, const std::string& current) {
    for (const auto& c : choices) box->Append(u8(c));
    box->SetValue(u8(current));
}

}  // namespace

MachineSettingsDialog::MachineSettingsDialog(wxWindow* parent) {
    wxXmlResource::Get()->LoadDialog(this, parent, "MachineSettingsDialog");
    card_reader_ = XRCCTRL(*this, "device_card_reader", wxComboBox);
    camera_ = XRCCTRL(*this, "device_camera", wxComboBox);
    scanner_ = XRCCTRL(*this, "device_scanner", wxComboBox);
    dpi_ = XRCCTRL(*this, "device_scanner_dpi", wxSpinCtrl);
    display_ = XRCCTRL(*this, "device_customer_display", wxChoice);
    status_ = XRCCTRL(*this, "device_status", wxStaticText);
    app::DeviceSettings current;
    try {
        current = app::device_settings();
    } catch (const std::exception& e) {
        say(problem_text(e), false);
    }
    offer(card_reader_, devices::list_serial_ports(), current.card_reader);
    dpi_->SetValue(current.scanner_dpi);
    // None, or one of the monitors beside the clerk's first (and the one named before, should it
    // be unplugged): the citizen's display never covers the clerk's own screen.
    display_->Append(_("None"));
    const int monitors = std::max(static_cast<int>(wxDisplay::GetCount()), current.customer_display + 1);
    for (int m = 2; m <= monitors; ++m) display_->Append(wxString::Format(_("Monitor %d"), m));
    display_->SetSelection(std::max(0, current.customer_display));
    scanner_->SetValue(u8(current.scanner));
    camera_->SetValue(u8(current.camera));
    // Cameras and scanners are found by probing, which can take seconds: on a worker.
    using Found = std::pair<std::vector<std::string>, std::vector<std::string>>;
    listing_.start<Found>(
        [](app::Progress&) {
            Found found;
            for (const auto& c : devices::list_cameras()) found.first.push_back(c.source);
            for (const auto& s : devices::list_scanners()) found.second.push_back(s.name);
            return found;
        },
        [this](Found found) {
            offer(camera_, found.first, utf8(camera_->GetValue()));
            offer(scanner_, found.second, utf8(scanner_->GetValue()));
        },
        [](const std::exception&) {});  // nothing found: the clerk may still type a device's name
    XRCCTRL(*this, "test_card_reader", wxButton)->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { test_card_reader(); });
    XRCCTRL(*this, "test_camera", wxButton)->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { test_camera(); });
    XRCCTRL(*this, "test_scanner", wxButton)->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { test_scanner(); });
    Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (save()) EndModal(wxID_OK);
    }, wxID_OK);
    Fit();
    card_reader_->SetFocus();
}

app::DeviceSettings MachineSettingsDialog::chosen() const {
    app::DeviceSettings s;
    s.card_reader = utf8(card_reader_->GetValue().Trim().Trim(false));
    s.camera = utf8(camera_->GetValue().Trim().Trim(false));
    s.scanner = utf8(scanner_->GetValue().Trim().Trim(false));
    s.scanner_dpi = dpi_->GetValue();
    s.customer_display = display_->GetSelection() > 0 ? display_->GetSelection() : -1;  // "Monitor 2" is index 1
    return s;
}

void MachineSettingsDialog::test_card_reader() {
    auto device = chosen().card_reader;
    if (device.empty() || test_.running()) return say(_("Choose the reader's port first."), false);
    say(_("Asking the card reader..."), true);
    test_.start<bool>(
        [device](app::Progress&) {
            devices::CardReader reader(device);
            reader.check();
            return true;
        },
        [this](bool) { say(_("The card reader answers and its security module works."), true); },
        [this](const std::exception& e) { say(card_problem_text(e), false); });
}

void MachineSettingsDialog::test_camera() {
    auto camera = chosen().camera;
    if (camera.empty() || test_.running()) return say(_("Choose the camera first."), false);
    say(_("Starting the camera..."), true);
    test_.start<Size>([camera](app::Progress&) { return picture_size(devices::Camera(camera).capture_png()); },
                      [this](Size size) {
                          say(wxString::Format(_("The camera gives a picture of %d x %d pixels."), size.width, size.height), true);
                      },
                      [this](const std::exception& e) {
                          say(wxString::Format(_("The document camera cannot be used: %s"), u8(e.what())), false);
                      });
}

void MachineSettingsDialog::test_scanner() {
    auto settings = chosen();
    if (test_.running()) return;
    say(_("Scanning a test page..."), true);
    test_.start<Size>(
        [settings](app::Progress&) {
            devices::ScanRequest request;
            request.device = settings.scanner;
            if (request.device.empty()) {
                auto found = devices::list_scanners();
                if (found.empty()) throw devices::CaptureError("no scanner is attached");
                request.device = found.front().name;
            }
            request.dpi = settings.scanner_dpi;
            request.preview = true;
            return picture_size(devices::scan_to_png(request));
        },
        [this](Size size) { say(wxString::Format(_("The scanner scanned a page of %d x %d pixels."), size.width, size.height), true); },
        [this](const std::exception& e) { say(wxString::Format(_("The scanner cannot be used: %s"), u8(e.what())), false); });
}

bool MachineSettingsDialog::save() {
    try {
        app::save_device_settings(chosen());
    } catch (const std::exception& e) {
        say(wxString::Format(_("Not saved: %s. Only the machine's administrator may change its devices."), problem_text(e)),
            false);
        return false;
    }
    return true;
}

void MachineSettingsDialog::say(const wxString& text, bool good) {
    show_outcome(status_, text, good);
    status_->Wrap(FromDIP(560));
    Layout();
    Fit();
}

}  // namespace gongji::ui
