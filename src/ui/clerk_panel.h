#pragma once
// The clerk's workspace: an ID number checked as it is typed, the person's card and their
// bindings in both directions. Rules and data come from the application layer.
#include <wx/choice.h>
#include <wx/frame.h>
#include <wx/listctrl.h>
#include <wx/panel.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <functional>
#include <optional>
#include <utility>
#include <vector>

#include "app/trust/auth.h"
#include "app/cases/case_service.h"
#include "app/platform/workspace.h"
#include "ui/card_reader_watch.h"
#include "ui/work_panel.h"

namespace gongji::ui {

class ClerkPanel : public WorkPanel {
public:
    ClerkPanel(wxWindow* parent, app::Workspace& ws, const app::Actor& actor);

    void look_up(const wxString& text);  // what typing does; public for tests
    // Opens the new-binding dialog with the person looked up as the authorizer.
    void new_binding();
    // Asks for a period (this year so far unless changed), then previews the usage statement
    // of the person on the card for it.
    wxFrame* ask_statement();
    wxFrame* preview_statement(const core::CivilDate& from, const core::CivilDate& to);
    // Ends the binding of the selected row at once, for the chosen reason; the new case's number
    // in `case_number` when given.
    bool unbind_selected(std::string* case_number = nullptr);
    // What Alt+U does: asks once, naming the two people, ends the binding, then offers the
    // unbinding notice to print as binding offers the receipt.
    void confirm_unbind();
    // Moves the selected binding (the person on the card as its user) one place up or down the
    // deduction order; takes effect at once.
    bool move_selected(int by);
    // Submits the renewal of the selected legacy binding for review.
    bool renew_selected();
    void focus_id_entry() { id_entry_->SetFocus(); id_entry_->SelectAll(); }
    // The card reader left alone while another window uses or chooses it; resumed with the
    // machine's settings as they are then.
    void pause_devices() { reader_.stop(); }
    void resume_devices() { reader_.start(); }
    // The cases taken in at this window today (China time), newest first.
    void show_today();

private:
    void on_text(wxCommandEvent& event);
    void clear_card();
    void show_limits(const app::PersonCard& card);
    const core::Binding* selected_binding();
    bool act(const std::function<wxString()>& action);
    void card_read(const app::CardRead& read);

    app::Actor actor_;
    wxTextCtrl* id_entry_ = nullptr;
    wxStaticText* status_ = nullptr;
    wxStaticText *name_ = nullptr, *gender_ = nullptr, *insurance_ = nullptr, *insured_status_ = nullptr,
                 *region_ = nullptr, *balance_ = nullptr, *limits_ = nullptr, *waiting_ = nullptr;
    wxListCtrl* bindings_ = nullptr;
    std::string person_;  // the ID number on the card
    std::vector<core::Binding> rows_;  // the binding on each row
    std::map<std::string, std::string> names_;  // ID number → name, of everyone on the card
    wxChoice* unbind_reason_ = nullptr;
    wxListCtrl* today_ = nullptr;
    std::vector<std::string> today_people_;  // the user of each row, for Enter
    std::optional<app::CardRead> last_read_;  // the last card read here, for a new binding of its holder
    // A card laid on the reader is looked up as if its number were typed; paused while the
    // new-binding dialog reads cards itself.
    CardReaderWatch reader_{this, [this](const app::CardRead& read) { card_read(read); },
                            [this](const wxString& problem) {
                                if (IsShownOnScreen()) say(problem, false);
                            }};
};

}  // namespace gongji::ui
