#pragma once
// What the desktop app's tests share: letting wx deliver what is pending, a screenshot of a
// window, a child control by its XRC name, and a demo database to work on.
#include <wx/app.h>
#include <wx/dcclient.h>
#include <wx/dcmemory.h>
#include <wx/image.h>
#include <wx/xrc/xmlres.h>

#include <boost/test/unit_test.hpp>

#include <wx/stopwatch.h>

#include <functional>
#include <string>

#include "app/setup/init_service.h"
#include "app/platform/workspace.h"
#include "support/test_database.h"

namespace gongji::test {

inline void pump() {
    for (int i = 0; i < 5; ++i) {
        wxTheApp->ProcessPendingEvents();
        wxTheApp->Yield(true);
    }
}

// A screenshot of a window's client area, from the window itself (not the stale screen).
inline wxImage screenshot(wxWindow* w, const std::string& name) {
    // GTK paints when it gets round to it: ask for a repaint and let it happen before copying.
    w->Refresh();
    w->Update();
    for (int i = 0; i < 10; ++i) {
        pump();
        wxMilliSleep(20);
    }
    wxClientDC source(w);
    wxSize size = w->GetClientSize();
    wxBitmap bitmap(size.x, size.y);
    wxMemoryDC target(bitmap);
    target.Blit(0, 0, size.x, size.y, &source, 0, 0);
    target.SelectObject(wxNullBitmap);
    auto image = bitmap.ConvertToImage();
    image.SaveFile(wxString::FromUTF8((std::string(GONGJI_SCREENSHOT_DIR) + "/" + name).c_str()), wxBITMAP_TYPE_PNG);
    return image;
}

inline long dark_pixels(const wxImage& image, const wxRect& area) {
    long dark = 0;
    for (int y = area.y; y < area.GetBottom() && y < image.GetHeight(); ++y)
        for (int x = area.x; x < area.GetRight() && x < image.GetWidth(); ++x)
            if (image.GetRed(x, y) < 100 && image.GetGreen(x, y) < 100 && image.GetBlue(x, y) < 100) ++dark;
    return dark;
}

// The demo as `gongji init --demo` makes it, copied for each test (made once per process).
struct Demo {
    test::FreshDatabase fresh{"demo", [](const std::string& url) {
                                  app::Workspace made(url);
                                  app::InitOptions options;
                                  options.demo = true;
                                  app::initialize(made, options);
                              }};
    app::Workspace ws{fresh.url()};
};

template <class T>
T* child(wxWindow* w, const char* name) {
    auto* found = dynamic_cast<T*>(w->FindWindow(wxXmlResource::GetXRCID(name)));
    BOOST_REQUIRE_MESSAGE(found, name);
    return found;
}

// Lets the window work until `done` holds; how long it took, in milliseconds (-1: it never did).
inline long wait_until(const std::function<bool()>& done, long limit_ms = 8000) {
    wxStopWatch watch;
    while (!done()) {
        if (watch.Time() > limit_ms) return -1;
        pump();
        wxMilliSleep(10);
    }
    return watch.Time();
}

}  // namespace gongji::test
