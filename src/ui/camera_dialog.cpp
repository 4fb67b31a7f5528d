#include "ui/camera_dialog.h"

#include <wx/button.h>
#include <wx/dcbuffer.h>
#include <wx/image.h>
#include <wx/xrc/xmlres.h>

#include "ui/labels.h"
#include "ui/problem_text.h"

namespace gongji::ui {

namespace {

constexpr int kFramesPerSecond = 15;

wxImage image_of(const devices::VideoFrame& frame) {
    wxImage image(frame.width, frame.height, false);
    unsigned char* rgb = image.GetData();
    for (int y = 0; y < frame.height; ++y) {
        const std::uint8_t* row = frame.pixels.data() + static_cast<std::size_t>(y) * static_cast<std::size_t>(frame.stride);
        for (int x = 0; x < frame.width; ++x, rgb += 3) {
            rgb[0] = row[4 * x + 2];  // B, G, R, unused
            rgb[1] = row[4 * x + 1];
            rgb[2] = row[4 * x];
        }
    }
    return image;
}

// GStreamer's reason (in the system's language where it has one) inside a sentence of ours.
wxString camera_problem_text(const std::exception& e) {
    if (!dynamic_cast<const devices::CaptureError*>(&e)) return problem_text(e);
    return wxString::Format(_("The document camera cannot be used: %s"), u8(e.what()));
}

}  // namespace

CameraDialog::CameraDialog(wxWindow* parent, const std::string& camera, core::DocumentType type) : type_(type), frames_(this) {
    wxXmlResource::Get()->LoadDialog(this, parent, "CameraDialog");
    SetTitle(wxString::Format(_("Document camera: %s"), document_type_text(type)));
    preview_ = XRCCTRL(*this, "camera_preview", wxPanel);
    pages_label_ = XRCCTRL(*this, "camera_pages", wxStaticText);
    status_ = XRCCTRL(*this, "camera_status", wxStaticText);
    preview_->SetBackgroundStyle(wxBG_STYLE_PAINT);
    preview_->Bind(wxEVT_PAINT, [this](wxPaintEvent&) {
        wxAutoBufferedPaintDC dc(preview_);
        dc.SetBackground(*wxBLACK_BRUSH);
        dc.Clear();
        if (!frame_.IsOk()) return;
        // The whole paper in view, as large as the panel allows.
        auto area = preview_->GetClientSize();
        double scale = std::min(double(area.x) / frame_.GetWidth(), double(area.y) / frame_.GetHeight());
        dc.SetUserScale(scale, scale);
        dc.DrawBitmap(frame_, int((area.x / scale - frame_.GetWidth()) / 2), int((area.y / scale - frame_.GetHeight()) / 2));
    });
    XRCCTRL(*this, "camera_capture", wxButton)->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { capture(); });
    Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { keep_pages(); }, wxID_OK);
    // Space takes a page and Enter keeps them, wherever the focus is (a focused button would
    // otherwise take Enter as its own press).
    Bind(wxEVT_CHAR_HOOK, [this](wxKeyEvent& e) {
        bool plain = !e.HasAnyModifiers();
        if (plain && e.GetKeyCode() == WXK_SPACE) capture();
        else if (plain && (e.GetKeyCode() == WXK_RETURN || e.GetKeyCode() == WXK_NUMPAD_ENTER)) keep_pages();
        else e.Skip();
    });
    Bind(wxEVT_TIMER, [this](wxTimerEvent&) { show_next_frame(); }, frames_.GetId());
    show_page_count();
    say(_("Starting the camera..."), true);
    open_task_.start<std::shared_ptr<devices::Camera>>(
        [camera](app::Progress&) { return std::make_shared<devices::Camera>(camera); },
        [this](std::shared_ptr<devices::Camera> opened) {
            camera_ = std::move(opened);
            say(wxString::Format(_("Lay the %s under the camera and press Space for each page, Enter when done."),
                                 document_type_text(type_)),
                true);
            frames_.Start(1000 / kFramesPerSecond);
        },
        [this](const std::exception& e) { say(camera_problem_text(e), false); });
    Fit();
    XRCCTRL(*this, "camera_capture", wxButton)->SetFocus();
}

void CameraDialog::show_next_frame() {
    if (!camera_) return;
    try {
        auto frame = camera_->preview();
        if (!frame) return;
        frame_ = wxBitmap(image_of(*frame));
        preview_->Refresh(false);
    } catch (const std::exception& e) {  // unplugged while showing: said, the pages kept so far stay
        frames_.Stop();
        camera_.reset();
        say(camera_problem_text(e), false);
    }
}

void CameraDialog::capture() {
    if (!camera_ || capture_task_.running()) return;
    say(_("Taking the page..."), true);
    capture_task_.start<std::string>(
        [camera = camera_](app::Progress&) { return camera->capture_png(); },
        [this](std::string png) {
            pages_.push_back(std::move(png));
            show_page_count();
            say(_("Lay the next page and press Space, or Enter when done."), true);
        },
        [this](const std::exception& e) { say(camera_problem_text(e), false); });
}

bool CameraDialog::finish() {
    if (capture_task_.running()) {
        say(_("Wait until the page is taken."), false);
        return false;
    }
    if (pages_.empty()) {
        say(_("No page yet: press Space to take one."), false);
        return false;
    }
    try {
        paper_ = app::camera_upload(type_, pages_);
    } catch (const std::exception& e) {
        say(problem_text(e), false);
        return false;
    }
    frames_.Stop();
    return true;
}

void CameraDialog::keep_pages() {
    if (!finish()) return;
    if (IsModal()) EndModal(wxID_OK);
    else Hide();  // shown without waiting (tests): the paper is there all the same
}

void CameraDialog::show_page_count() {
    pages_label_->SetLabel(wxString::Format(wxPLURAL("%zu page taken", "%zu pages taken", pages_.size()), pages_.size()));
}

void CameraDialog::say(const wxString& text, bool good) {
    show_outcome(status_, text, good);
    if (good) status_->SetForegroundColour(GetForegroundColour());
    Layout();
}

}  // namespace gongji::ui
