#include "ui/bind_dialog.h"
#include "ui/labels.h"
#include "ui/problem_text.h"
#include "ui/camera_dialog.h"

#include <wx/button.h>
#include <wx/dnd.h>
#include <wx/filedlg.h>
#include <wx/msgdlg.h>
#include <wx/utils.h>
#include <wx/intl.h>
#include <wx/xrc/xmlres.h>

#include "app/case_service.h"
#include "app/eligibility_service.h"
#include "app/errors.h"
#include "app/policy_service.h"
#include "core/id_number.h"
#include "core/relation.h"
#include "devices/camera.h"
#include "devices/scanner.h"

#include <algorithm>
#include <functional>
#include "ui/printing.h"

namespace gongji::ui {
namespace {

// Files dropped from the desktop are attached as the chosen document type.
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

const core::DocumentType kTypes[] = {core::DocumentType::id_card, core::DocumentType::hukou,
                                     core::DocumentType::birth_certificate, core::DocumentType::marriage_certificate,
                                     core::DocumentType::commitment_letter, core::DocumentType::other};

}  // namespace

BindDialog::BindDialog(wxWindow* parent, app::Workspace& ws, const app::Actor& actor, const std::string& authorizer,
                       std::vector<app::CardRead> reads)
    : ws_(ws), actor_(actor), initial_authorizer_(authorizer), card_reads_(std::move(reads)) {
    wxXmlResource::Get()->LoadDialog(this, parent, "BindDialog");
    authorizer_ = XRCCTRL(*this, "authorizer", wxTextCtrl);
    user_ = XRCCTRL(*this, "user", wxTextCtrl);
    relation_text_ = XRCCTRL(*this, "relation", wxTextCtrl);
    relation_matches_ = XRCCTRL(*this, "relation_matches", wxListBox);
    policy_ = XRCCTRL(*this, "policy", wxChoice);
    reasons_ = XRCCTRL(*this, "reasons", wxListBox);
    checklist_ = XRCCTRL(*this, "checklist", wxListBox);
    attached_ = XRCCTRL(*this, "attached", wxListBox);
    document_type_ = XRCCTRL(*this, "document_type", wxChoice);
    outcome_ = XRCCTRL(*this, "outcome", wxStaticText);

    profiles_ = app::list_policies(ws_);
    for (const auto& p : profiles_) {
        policy_->Append(wxString::Format(_("%s (%s)"), u8(p.title), u8(p.name)));
        policy_names_.push_back(p.name);
    }
    // The agency's own profile first, as the administrator set it (until the authorizer's
    // pooling region says which profile governs him).
    auto preferred = agency_default_ = app::default_policy(ws_);
    auto at = preferred ? std::find(policy_names_.begin(), policy_names_.end(), *preferred) : policy_names_.end();
    if (!policy_names_.empty()) policy_->SetSelection(at == policy_names_.end() ? 0 : static_cast<int>(at - policy_names_.begin()));
    for (auto t : kTypes) document_type_->Append(document_type_text(t));
    document_type_->SetSelection(0);
    authorizer_->SetValue(u8(authorizer));

    // The relations offered follow what the two numbers say of the people (sex, age), the one
    // chosen kept while it still fits.
    auto changed = [this](wxCommandEvent&) { type_relation(relation_text_->GetValue(), relation_); };
    authorizer_->Bind(wxEVT_TEXT, changed);
    user_->Bind(wxEVT_TEXT, changed);
    // Enter in an ID field goes on to the next field, as the clerk reads the papers in order.
    // A scanned e-certificate token stays, said and selected: the card or the number replaces it.
    auto next = [this](wxCommandEvent& e) {
        auto* field = static_cast<wxTextCtrl*>(e.GetEventObject());
        if (core::looks_like_ecert_token(core::id_input(utf8(field->GetValue()))))
            return CallAfter([field] { field->SelectAll(); });  // once GTK is done with the key
        field->Navigate();
    };
    authorizer_->Bind(wxEVT_TEXT_ENTER, next);
    user_->Bind(wxEVT_TEXT_ENTER, next);
    relation_text_->Bind(wxEVT_TEXT, [this](wxCommandEvent& e) { type_relation(e.GetString()); });
    // Up and Down choose among the matches without leaving the field; Enter takes the one chosen
    // and goes on to the first paper still missing.
    relation_text_->Bind(wxEVT_KEY_DOWN, [this](wxKeyEvent& e) {
        int by = e.GetKeyCode() == WXK_DOWN ? 1 : e.GetKeyCode() == WXK_UP ? -1 : 0;
        int count = static_cast<int>(relation_matches_->GetCount());
        if (!by || count == 0) return e.Skip();
        int to = std::clamp(relation_matches_->GetSelection() + by, 0, count - 1);
        relation_matches_->SetSelection(to);
        relation_ = relation_codes_[static_cast<size_t>(to)];
        evaluate();
    });
    relation_text_->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) {
        if (relation_.empty()) return;
        checklist_->SetFocus();
    });
    relation_matches_->Bind(wxEVT_LISTBOX, [this](wxCommandEvent& e) {
        int i = e.GetSelection();
        if (i >= 0 && i < static_cast<int>(relation_codes_.size())) relation_ = relation_codes_[static_cast<size_t>(i)];
        evaluate();
    });
    policy_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
        policy_by_hand_ = true;
        evaluate();
    });
    // Enter (or a double click) on a paper still missing captures it.
    auto capture_chosen = [this] {
        int i = checklist_->GetSelection();
        if (i < 0 || i >= static_cast<int>(needs_.size()) || needs_[static_cast<size_t>(i)].any_of.empty()) return;
        capture(needs_[static_cast<size_t>(i)].any_of.front());
    };
    checklist_->Bind(wxEVT_KEY_DOWN, [capture_chosen](wxKeyEvent& e) {
        if (e.GetKeyCode() == WXK_RETURN || e.GetKeyCode() == WXK_NUMPAD_ENTER) capture_chosen();
        else e.Skip();
    });
    checklist_->Bind(wxEVT_LISTBOX_DCLICK, [capture_chosen](wxCommandEvent&) { capture_chosen(); });
    XRCCTRL(*this, "submit", wxButton)->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { submit(); });
    XRCCTRL(*this, "print_commitment", wxButton)->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { preview(app::Paper::commitment); });
    XRCCTRL(*this, "print_receipt", wxButton)->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { preview(app::Paper::receipt); });
    XRCCTRL(*this, "print_papers", wxButton)->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { print_papers(); });
    enum { kPrintPapers = wxID_HIGHEST + 200, kPreviewPapers };
    wxAcceleratorEntry keys[] = {{wxACCEL_CTRL, 'P', kPrintPapers}, {wxACCEL_CTRL | wxACCEL_SHIFT, 'P', kPreviewPapers}};
    SetAcceleratorTable(wxAcceleratorTable(2, keys));
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { print_papers(); }, kPrintPapers);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { preview_papers(); }, kPreviewPapers);
    XRCCTRL(*this, "scan", wxButton)->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { scan(); });
    // The camera is offered only where this machine has one, plugged in.
    try {
        devices_ = app::device_settings();
    } catch (const std::exception&) {  // an unreadable settings file: no devices, files still work
    }
    if (!devices::camera_present(devices_.camera)) devices_.camera.clear();
    auto* camera = XRCCTRL(*this, "camera", wxButton);
    camera->Show(!devices_.camera.empty());
    camera->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { take_with_camera(chosen_type()); });
    XRCCTRL(*this, "signed_letter", wxButton)->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        capture(core::DocumentType::commitment_letter);
    });
    attached_->SetDropTarget(new FileDrop([this](const wxArrayString& files) {
        for (const auto& f : files) attach_file(chosen_type(), utf8(f));
    }));
    XRCCTRL(*this, "add_file", wxButton)->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { pick_file(chosen_type()); });
    // Escape, Close and the window's own close button all come here.
    Bind(wxEVT_BUTTON, &BindDialog::on_close_request, this, wxID_CANCEL);
    Bind(wxEVT_CLOSE_WINDOW, [this](wxCloseEvent& e) {
        wxCommandEvent cancel(wxEVT_BUTTON, wxID_CANCEL);
        if (e.CanVeto()) on_close_request(cancel);
        else e.Skip();
    });
    SetSize(FromDIP(wxSize(660, 720)));
    title_ = GetTitle();
    type_relation("");
    (authorizer.empty() ? authorizer_ : user_)->SetFocus();  // from the card: the relative is next
    evaluate();
    // A card read on the clerk's card that came along is said again: a differing name or an
    // expired card is not forgotten between the two windows.
    if (!card_reads_.empty()) {
        bool good = false;
        auto text = card_read_text(ws_, card_reads_.back(), good);
        if (!good) say(text, false);
    }
    reader_.start();
}

void BindDialog::show_paper_count() {
    SetTitle(uploads_.empty() ? title_ : title_ + L" — " + wxString::Format(_("%zu papers captured"), uploads_.size()));
}

bool BindDialog::half_filled() const {
    return case_number_.empty() && (!user_->IsEmpty() || !relation_text_->IsEmpty() || !uploads_.empty() ||
                                    utf8(authorizer_->GetValue()) != initial_authorizer_);
}

void BindDialog::on_close_request(wxCommandEvent&) {
    if (half_filled()) {
        wxMessageDialog ask(this, _("Discard this application? What was typed and captured is not kept."),
                            _("New binding"), wxYES_NO | wxNO_DEFAULT | wxICON_QUESTION);
        ask.SetYesNoLabels(_("&Discard"), _("&Keep working"));
        if (ask.ShowModal() != wxID_YES) return;
    }
    if (IsModal()) EndModal(wxID_CANCEL);
    else Hide();
}

bool BindDialog::complete() const {
    auto today = app::china_today();
    return core::check_id_number(utf8(authorizer_->GetValue()), today).valid &&
           core::check_id_number(utf8(user_->GetValue()), today).valid && !relation_.empty() &&
           policy_->GetSelection() != wxNOT_FOUND;
}

void BindDialog::type_relation(const wxString& text, const std::string& keep) {
    // What the two ID numbers say of the people: relations that cannot hold are not offered.
    core::RelationPeople people;
    auto today = app::china_today();
    auto a = core::check_id_number(utf8(authorizer_->GetValue()), today);
    auto u = core::check_id_number(utf8(user_->GetValue()), today);
    if (a.valid) people.authorizer_gender = a.gender, people.authorizer_birth = a.birth_date;
    if (u.valid) people.user_gender = u.gender, people.user_birth = u.birth_date;
    auto matches = core::suggest_relations(utf8(text).c_str(), people);
    relation_matches_->Clear();
    relation_codes_.clear();
    for (const auto& r : matches) {
        relation_matches_->Append(wxString::Format(_("%s (%s)"), u8(r.code) + " " + relation_text(r), relation_category_text(r.category)));
        relation_codes_.push_back(r.code);
    }
    // Nothing typed: nothing chosen yet. Otherwise the best match, until Up or Down says otherwise.
    relation_ = text.empty() || relation_codes_.empty() ? std::string() : relation_codes_.front();
    auto kept = std::find(relation_codes_.begin(), relation_codes_.end(), keep);
    if (!text.empty() && !keep.empty() && kept != relation_codes_.end()) relation_ = keep;
    if (!relation_.empty())
        relation_matches_->SetSelection(static_cast<int>(std::find(relation_codes_.begin(), relation_codes_.end(), relation_) -
                                                         relation_codes_.begin()));
    evaluate();
}

namespace {
app::DocumentRequest paper_of_case(app::Paper kind, const std::string& case_number) {
    app::DocumentRequest request;
    request.kind = kind;
    request.case_number = case_number;
    return request;
}
}  // namespace

std::vector<app::DocumentRequest> BindDialog::papers() const {
    std::vector<app::DocumentRequest> papers;
    bool signed_letter = std::any_of(uploads_.begin(), uploads_.end(),
                                     [](const app::Upload& u) { return u.type == core::DocumentType::commitment_letter; });
    if (!case_number_.empty()) {
        if (!signed_letter) papers.push_back(paper_of_case(app::Paper::commitment, case_number_));
        papers.push_back(paper_of_case(app::Paper::receipt, case_number_));
    } else if (complete() && !signed_letter) {  // signed before submission, it may stand in for proof
        app::DocumentRequest letter;
        letter.kind = app::Paper::commitment;
        letter.policy = policy_names_[static_cast<size_t>(policy_->GetSelection())];
        letter.authorizer = utf8(authorizer_->GetValue());
        letter.user = utf8(user_->GetValue());
        letter.relation = relation_;
        papers.push_back(letter);
    }
    return papers;
}

bool BindDialog::print_papers() {
    auto all = papers();
    return !all.empty() && DocumentPrinter(this, ws_, actor_, all).print();
}

wxFrame* BindDialog::preview_papers() {
    auto all = papers();
    return all.empty() ? nullptr : DocumentPrinter(this, ws_, actor_, all).preview();
}

wxFrame* BindDialog::preview(app::Paper kind) {
    if (!case_number_.empty()) return DocumentPrinter(this, ws_, actor_, paper_of_case(kind, case_number_)).preview();
    for (const auto& paper : papers())
        if (paper.kind == kind) return DocumentPrinter(this, ws_, actor_, paper).preview();
    return nullptr;
}

core::DocumentType BindDialog::chosen_type() const { return kTypes[std::max(0, document_type_->GetSelection())]; }

void BindDialog::scan() { scan_or_pick(chosen_type()); }

void BindDialog::capture(core::DocumentType type) {
    if (devices_.camera.empty()) scan_or_pick(type);
    else take_with_camera(type);
}

void BindDialog::take_with_camera(core::DocumentType type) {
    if (scanning()) return;
    CameraDialog camera(this, devices_.camera, type);
    if (camera.ShowModal() == wxID_OK && camera.paper()) add_upload(*camera.paper());
}

void BindDialog::pick_file(core::DocumentType type) {
    wxFileDialog pick(this, wxString::Format(_("Add a scan or file: %s"), document_type_text(type)), "", "",
                      _("Scans (*.png;*.jpg;*.jpeg;*.tif;*.tiff;*.pdf)|*.png;*.jpg;*.jpeg;*.tif;*.tiff;*.pdf"),
                      wxFD_OPEN | wxFD_FILE_MUST_EXIST);
    if (pick.ShowModal() == wxID_OK) attach_file(type, utf8(pick.GetPath()));
}

void BindDialog::scan_or_pick(core::DocumentType type) {
    if (scanning()) return;
    auto* button = XRCCTRL(*this, "scan", wxButton);
    button->Disable();
    outcome_->SetForegroundColour(GetForegroundColour());
    // Said where the clerk looks and in the title, which stays visible behind the scanner's lid.
    auto scanning = wxString::Format(_("Scanning: %s..."), document_type_text(type));
    outcome_->SetLabel(scanning);
    SetTitle(title_ + L" — " + scanning);
    auto finish = [this] {
        XRCCTRL(*this, "scan", wxButton)->Enable();
        show_paper_count();
        outcome_->SetLabel("");
    };
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
        [this, type, finish](std::optional<app::Upload> upload) {
            finish();
            if (upload)
                add_upload(*upload);
            else
                pick_file(type);
        },
        [this, finish](const std::exception& e) {
            finish();
            say(problem_text(e, ws_), false);
        });
}

void BindDialog::add_upload(const app::Upload& upload) {
    // Once the case is submitted, a paper added (the signed commitment letter) goes to the case.
    if (!case_number_.empty()) {
        try {
            app::attach_document(ws_, actor_, case_number_, upload);
        } catch (const std::exception& e) {
            say(problem_text(e, ws_), false);
            return;
        }
    }
    uploads_.push_back(upload);
    show_paper_count();
    attached_->Append(wxString::Format(_("%s: %s"), document_type_text(upload.type), u8(upload.file_name)));
    attached_->SetSelection(static_cast<int>(attached_->GetCount()) - 1);  // the file just added, in view
    attached_->EnsureVisible(static_cast<int>(attached_->GetCount()) - 1);
    if (!case_number_.empty()) {
        show_checklist();
        say(wxString::Format(_("%s added to case %s"), document_type_text(upload.type),
                                                u8(case_number_)),
                     true);
        return;
    }
    evaluate();
}

std::string BindDialog::show_name(wxStaticText* label, const std::string& id_text) {
    auto person = app::find_person(ws_, id_text);
    label->SetLabel(person ? u8(person->name) : wxString());  // not (yet) in the roster: the reasons say why
    return person ? person->pooling_region : std::string();
}

void BindDialog::fit_policy(const std::string& authorizer_region) {
    if (policy_by_hand_ || authorizer_region.empty()) return;
    auto name = app::policy_for_region(profiles_, agency_default_, authorizer_region);
    auto at = name ? std::find(policy_names_.begin(), policy_names_.end(), *name) : policy_names_.end();
    if (at != policy_names_.end()) policy_->SetSelection(static_cast<int>(at - policy_names_.begin()));
}

std::string BindDialog::relation_code() const { return relation_; }

void BindDialog::attach_file(core::DocumentType type, const std::string& path) {
    app::Upload upload;
    try {
        upload = app::read_upload(ws_, type, path);
    } catch (const app::BadInput& e) {
        say(problem_text(e, ws_), false);
        return;
    }
    add_upload(upload);
}

std::set<core::DocumentType> BindDialog::attached_types() const {
    std::set<core::DocumentType> attached;
    for (const auto& up : uploads_) attached.insert(up.type);
    if (app::proves_identity(card_reads_, core::id_input(utf8(user_->GetValue()))))
        attached.insert(core::DocumentType::id_card_read);
    return attached;
}

void BindDialog::card_read(const app::CardRead& read) {
    if (!case_number_.empty()) return;  // submitted: the case is what it was
    auto* focused = FindFocus();
    wxTextCtrl* field = focused == authorizer_ ? authorizer_ : focused == user_ ? user_ : nullptr;
    if (!field) field = authorizer_->IsEmpty() ? authorizer_ : user_->IsEmpty() ? user_ : nullptr;
    if (!field) {
        say(_("Put the cursor in the ID field the card is for, and lay the card again."), false);
        return;
    }
    auto same = [&](const app::CardRead& r) { return r.card.id_number == read.card.id_number; };
    card_reads_.erase(std::remove_if(card_reads_.begin(), card_reads_.end(), same), card_reads_.end());
    card_reads_.push_back(read);
    field->SetValue(u8(read.card.id_number));  // evaluates, with the read counted
    bool good = false;
    auto text = card_read_text(ws_, read, good);  // sets `good`: before it is passed on
    say(text, good);
    // On to what the clerk does next: the other card, then the relation.
    if (authorizer_->IsEmpty()) authorizer_->SetFocus();
    else if (user_->IsEmpty()) user_->SetFocus();
    else relation_text_->SetFocus();
}

void BindDialog::show_checklist() {
    // The first paper still missing stays chosen, so that Enter captures it.
    auto attached = attached_types();
    checklist_->Clear();
    int first_missing = wxNOT_FOUND;
    for (size_t i = 0; i < needs_.size(); ++i) {
        bool have = core::is_satisfied(needs_[i], attached);
        checklist_->Append(u8(have ? "✔ " : "✘ ") + need_text(needs_[i]));
        if (!have && first_missing == wxNOT_FOUND) first_missing = static_cast<int>(i);
    }
    if (first_missing != wxNOT_FOUND) checklist_->SetSelection(first_missing);
}

void BindDialog::evaluate() {
    auto chosen = core::find_relation(relation_);
    XRCCTRL(*this, "relation_chosen", wxStaticText)->SetLabel(chosen ? u8(chosen->code) + " " + relation_text(*chosen) : wxString());
    auto a = utf8(authorizer_->GetValue()), u = utf8(user_->GetValue());
    // The names beside the numbers, to compare with the ID cards on the counter.
    auto region = show_name(XRCCTRL(*this, "authorizer_name", wxStaticText), a);
    show_name(XRCCTRL(*this, "user_name", wxStaticText), u);
    if (case_number_.empty()) fit_policy(region);
    XRCCTRL(*this, "print_commitment", wxButton)->Enable(complete());
    XRCCTRL(*this, "print_papers", wxButton)->Enable(!papers().empty());
    if (!case_number_.empty()) return;  // submitted: the case is what it was judged to be
    outcome_->SetLabel("");  // what the last submission said no longer holds once anything changes
    reasons_->Clear();
    if (!complete()) {
        needs_.clear();
        checklist_->Clear();
        // A number typed in full that cannot be right is said at once, before anything else.
        auto today = app::china_today();
        bool said_wrong = false;
        for (auto [field, label] : {std::pair{authorizer_, _("Authorizer")}, std::pair{user_, _("User")}}) {
            auto text = core::id_input(utf8(field->GetValue()));
            if (core::looks_like_ecert_token(text)) {
                reasons_->Append(wxString::Format(_("%s: %s"), label, ecert_token_what()));
                reasons_->Append(ecert_token_advice());  // a line of its own: the list does not wrap
                said_wrong = true;
                continue;
            }
            auto check = core::check_id_number(text, today);
            if (core::character_count(text) >= 15 && !check.valid) {
                reasons_->Append(wxString::Format(_("%s: %s"), label, id_error_text(check.errors.front().code)));
                said_wrong = true;
            }
        }
        // The authorizer alone may already be refused (黄明 at 7 of 7): said before any paper.
        if (!region.empty() && policy_->GetSelection() != wxNOT_FOUND) {
            try {
                for (const auto& r : app::authorizer_reasons(ws_, policy_names_[static_cast<size_t>(policy_->GetSelection())], a))
                    reasons_->Append(reason_text(r));
            } catch (const std::exception&) {  // the database went away: said when submitting
            }
        }
        if (!said_wrong) reasons_->Append(_("Enter both ID numbers and choose the relation"));
        return;
    }
    app::EligibilityQuery q;
    q.policy = policy_names_[static_cast<size_t>(policy_->GetSelection())];
    q.authorizer_id = a;
    q.user_id = u;
    q.relation = relation_;
    q.documents = attached_types();
    try {
        auto result = app::check_eligibility(ws_, q);
        needs_ = result.documents_needed;
        // Papers still to come are not a refusal: say which, and what may stand in.
        bool only_papers = !result.reasons.empty() &&
                           std::all_of(result.reasons.begin(), result.reasons.end(),
                                       [](const core::Reason& r) { return r.code == "documents_missing"; });
        // A profile chosen by hand that is not the authorizer's region's is said first.
        const auto& chosen = profiles_[static_cast<size_t>(policy_->GetSelection())];
        if (!region.empty() && !chosen.governs(region))
            reasons_->Append(wxString::Format(_("Note: the profile %s is not for the authorizer's pooling region %s"),
                                              u8(chosen.title), u8(region)));
        if (result.eligible) reasons_->Append(_("Eligible"));
        else if (only_papers) reasons_->Append(_("Eligible once the papers below are in"));
        else reasons_->Append(_("Not eligible:"));
        for (const auto& r : result.reasons) {
            if (r.code != "documents_missing") {
                reasons_->Append("  " + reason_text(r));
            } else if (only_papers) {  // otherwise the checklist says it; one paper a line, to be read whole
                reasons_->Append("  " + _("Papers missing:"));
                for (const auto& need : result.documents_needed)
                    if (need.satisfied == false) reasons_->Append("    " + need_text(need));
            }
        }
        show_checklist();
    } catch (const std::exception& e) {  // bad input, or a database that went away
        reasons_->Append(problem_text(e, ws_));
    }
}

void BindDialog::say(const wxString& text, bool good) {
    show_outcome(outcome_, text, good);
    const int room = GetClientSize().GetWidth() - outcome_->GetPosition().x - 16;
    if (room > 100 && outcome_->GetTextExtent(text).GetWidth() > room) {
        outcome_->Wrap(room);
        Layout();
    }
}

bool BindDialog::submit() {
    app::BindApplication application;
    application.policy = policy_->GetSelection() == wxNOT_FOUND ? "" : policy_names_[static_cast<size_t>(policy_->GetSelection())];
    application.authorizer_id = utf8(authorizer_->GetValue());
    application.user_id = utf8(user_->GetValue());
    application.relation = relation_code();
    application.uploads = uploads_;
    application.card_reads = card_reads_;
    application.ocr_acknowledged = ocr_acknowledged_;
    application.card_name_acknowledged = card_name_acknowledged_;
    application.request_key = request_key_;
    // Submission reads the ID card scan (OCR) and stores every paper: seconds, said while it runs.
    outcome_->SetForegroundColour(GetForegroundColour());
    outcome_->SetLabel(_("Submitting..."));
    outcome_->Update();
    wxBusyCursor busy;
    try {
        auto c = app::submit_bind(ws_, actor_, application);
        case_number_ = c.number;
        say(wxString::Format(_("Case %s submitted"), u8(c.number)), true);
        // Submitted once: the papers can be printed now, and the case is not submitted twice.
        XRCCTRL(*this, "submit", wxButton)->Disable();
        for (auto* field : {static_cast<wxWindow*>(authorizer_), static_cast<wxWindow*>(user_),
                            static_cast<wxWindow*>(relation_text_), static_cast<wxWindow*>(relation_matches_),
                            static_cast<wxWindow*>(policy_)})
            field->Disable();  // the case is what was submitted
        XRCCTRL(*this, "print_commitment", wxButton)->Enable();
        XRCCTRL(*this, "print_receipt", wxButton)->Enable();
        XRCCTRL(*this, "print_papers", wxButton)->Enable();
        XRCCTRL(*this, "print_papers", wxButton)->SetFocus();
        return true;
    } catch (const app::NotEligible& e) {  // nothing stored
        const auto& reasons = e.result().reasons;
        bool only_papers = std::all_of(reasons.begin(), reasons.end(),
                                       [](const core::Reason& r) { return r.code == "documents_missing"; });
        wxString missing;
        for (const auto& need : e.result().documents_needed)
            if (need.satisfied == false) missing += (missing.empty() ? wxString() : _("; ")) + need_text(need);
        say(only_papers ? wxString::Format(_("Not submitted, papers still missing: %s"), missing)
                                           : problem_text(e, ws_),
                     false);
    } catch (const app::Refused& e) {
        if (e.code() == "ocr_mismatch" || e.code() == "card_name_differs") {
            // The clerk looks at the card; submitting again says it was checked.
            (e.code() == "ocr_mismatch" ? ocr_acknowledged_ : card_name_acknowledged_) = true;
            XRCCTRL(*this, "submit", wxButton)->SetLabel(_("&Submit, the card was checked"));
            Layout();  // the longer label whole, not cut at the button's old width
            say(e.code() == "ocr_mismatch"
                    ? wxString::Format(_("%s. Compare the card with the numbers, then submit again"), problem_text(e, ws_))
                    : problem_text(e, ws_) + " " + _("Submit again once the card is checked."),
                false);
        } else {
            say(problem_text(e, ws_), false);
        }
    } catch (const std::exception& e) {  // refused, bad input, or a database that went away: nothing stored
        say(problem_text(e, ws_), false);
    }
    return false;
}

}  // namespace gongji::ui
