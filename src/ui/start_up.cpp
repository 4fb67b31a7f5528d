#include "ui/start_up.h"

#include <wx/image.h>

#include "ui/background_task.h"
#include "ui/resources.h"

namespace gongji::ui {

bool start_up(const std::string& language) {
    // The viewer shows scans as the scanners and cameras write them: without these decoders every
    // PNG, JPEG and TIFF reads as "unknown image data format".
    wxInitAllImageHandlers();
    set_language(language);
    return load_forms();
}

void shut_down() { BackgroundTask::wait_for_all(); }

}  // namespace gongji::ui
