// The floor for the desktop app's start: a bare wx frame with a line of Chinese text, nothing
// else. tests/bench/startup.sh times it against gongji-desk's login window.
#include <wx/wx.h>

namespace {

class MinimalApp : public wxApp {
public:
    bool OnInit() override {
        auto* frame = new wxFrame(nullptr, wxID_ANY, wxString::FromUTF8("最小窗口"));
        new wxStaticText(frame, wxID_ANY, wxString::FromUTF8("共济窗口：用户名和密码"));
        frame->Show();
        return true;
    }
};

}  // namespace

wxIMPLEMENT_APP(MinimalApp);
