#pragma once
// The document camera at the window (hardware.md §2): the paper seen live, a page captured at
// full resolution with Space (on a worker: the picture keeps moving), several pages in a row,
// Enter to keep them as one paper. The camera starts on a worker too, so a slow one never
// freezes the window.
#include <wx/bitmap.h>
#include <wx/dialog.h>
#include <wx/panel.h>
#include <wx/stattext.h>
#include <wx/timer.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/cases/captured_papers.h"
#include "devices/camera.h"
#include "ui/background_task.h"

namespace gongji::ui {

class CameraDialog : public wxDialog {
public:
    CameraDialog(wxWindow* parent, const std::string& camera, core::DocumentType type);

    // What the keys do; public for tests.
    void capture();
    bool finish();  // false (and said) while a page is being taken or none was
    void keep_pages();  // Enter or Done: finishes and closes
    bool busy() const { return open_task_.running() || capture_task_.running(); }
    bool showing() const { return frame_.IsOk(); }
    std::size_t pages() const { return pages_.size(); }
    // The pages kept as one paper, once finished.
    const std::optional<app::Upload>& paper() const { return paper_; }

private:
    void show_next_frame();
    void say(const wxString& text, bool good);
    void show_page_count();

    core::DocumentType type_;
    std::shared_ptr<devices::Camera> camera_;
    BackgroundTask open_task_{this}, capture_task_{this};
    wxTimer frames_;
    wxBitmap frame_;
    std::vector<std::string> pages_;
    std::optional<app::Upload> paper_;
    wxPanel* preview_ = nullptr;
    wxStaticText *pages_label_ = nullptr, *status_ = nullptr;
};

}  // namespace gongji::ui
