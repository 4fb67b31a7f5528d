#include "ui/file_dialogs.h"
#include "ui/paper_capture.h"

#include <wx/dnd.h>
#include <wx/intl.h>

#include <optional>

#include "app/platform/errors.h"
#include "devices/camera.h"
#include "devices/scanner.h"
#include "ui/camera_dialog.h"
#include "ui/labels.h"
#include "ui/problem_text.h"

namespace gongji::ui {
namespace {

class FileDrop : public wxFileDropTarget {
public:
    explicit FileDrop(std::function<void(const wxArrayString&)> on_drop) : on_drop_(std::move(on_drop)) {}
    bool OnDropFiles(wxCoord, wxCoord, const wxArrayString& files) override {
        on_drop_(files);
        return true;
    }

private:
    std::function<void(const wxArrayString&)> on_drop_;
};

}  // namespace

PaperCapture::PaperCapture(wxWindow* owner, app::Workspace& ws, Hooks hooks)
    : owner_(owner), ws_(ws), hooks_(std::move(hooks)), scan_task_(owner) {
    try {
        devices_ = app::device_settings();
    } catch (const std::exception&) {  // an unreadable settings file: no devices, files still work
    }
    if (!devices::camera_present(devices_.camera)) devices_.camera.clear();  // offered only when plugged in
}

void PaperCapture::capture(core::DocumentType type) {
    if (has_camera()) take_with_camera(type);
    else scan_or_pick(type);
}

void PaperCapture::take_with_camera(core::DocumentType type) {
    if (scanning()) return;
    CameraDialog camera(owner_, devices_.camera, type);
    if (camera.ShowModal() == wxID_OK && camera.paper()) hooks_.captured(*camera.paper());
}

void PaperCapture::pick_file(core::DocumentType type) {
    auto path = choose_file_to_open(owner_, wxString::Format(_("Add a scan or file: %s"), document_type_text(type)),
                                    _("Scans (*.png;*.jpg;*.jpeg;*.tif;*.tiff;*.pdf)|*.png;*.jpg;*.jpeg;*.tif;*.tiff;*.pdf"));
    if (!path.empty()) attach_file(type, utf8(path));
}

void PaperCapture::attach_file(core::DocumentType type, const std::string& path) {
    app::Upload upload;
    try {
        upload = app::read_upload(ws_, type, path);
    } catch (const app::BadInput& e) {
        return hooks_.failed(problem_text(e, ws_));
    }
    hooks_.captured(upload);
}

void PaperCapture::accept_drops(wxWindow* target, std::function<core::DocumentType()> type_of_drop) {
    target->SetDropTarget(new FileDrop([this, type_of_drop](const wxArrayString& files) {
        for (const auto& f : files) attach_file(type_of_drop(), utf8(f));
    }));
}

void PaperCapture::scan_or_pick(core::DocumentType type) {
    if (scanning()) return;
    hooks_.scanning(wxString::Format(_("Scanning: %s..."), document_type_text(type)));
    // SANE blocks for seconds: the window keeps answering while the scanner works.
    scan_task_.start<std::optional<app::Upload>>(
        [type, chosen = devices_.scanner, dpi = devices_.scanner_dpi](app::Progress&) -> std::optional<app::Upload> {
            devices::ScanRequest request;
            request.device = chosen;  // the machine's scanner, else the first one found
            request.dpi = dpi;
            if (request.device.empty()) {
                auto scanners = devices::list_scanners();
                if (scanners.empty()) return std::nullopt;  // no scanner at this window: the paper comes from a file
                request.device = scanners.front().name;
            }
            request.color = type == core::DocumentType::id_card;  // cards in colour, paper in grey
            return app::scan_upload(type, request);
        },
        [this, type](std::optional<app::Upload> upload) {
            hooks_.scanning("");
            if (upload) hooks_.captured(*upload);
            else pick_file(type);
        },
        [this](const std::exception& e) {
            hooks_.scanning("");
            hooks_.failed(problem_text(e, ws_));
        });
}

}  // namespace gongji::ui
