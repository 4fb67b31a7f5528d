#pragma once
// The main window: who is working (user, role, workstation) and the workspaces their role uses.
#include <wx/frame.h>

#include "app/auth.h"
#include "app/workspace.h"

namespace gongji::ui {

class ClerkPanel;
class ReviewPanel;
class AdminPanel;

class MainFrame : public wxFrame {
public:
    MainFrame(app::Workspace& ws, const app::Actor& actor);
    ClerkPanel* clerk_panel() const { return clerk_; }
    ReviewPanel* review_panel() const { return review_; }  // supervisors only
    AdminPanel* admin_panel() const { return admin_; }     // administrators only

private:
    ClerkPanel* clerk_ = nullptr;
    ReviewPanel* review_ = nullptr;
    AdminPanel* admin_ = nullptr;
};

}  // namespace gongji::ui
