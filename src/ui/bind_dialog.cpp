#include "ui/bind_dialog.h"
#include "ui/labels.h"

#include <wx/button.h>
#include <wx/dnd.h>
#include <wx/filedlg.h>
#include <wx/intl.h>
#include <wx/xrc/xmlres.h>

#include "app/case_service.h"
#include "app/eligibility_service.h"
#include "app/errors.h"
#include "app/policy_service.h"
#include "core/relation.h"
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

BindDialog::BindDialog(wxWindow* parent, app::Workspace& ws, const app::Actor& actor, const std::string& authorizer)
    : ws_(ws), actor_(actor) {
    wxXmlResource::Get()->LoadDialog(this, parent, "BindDialog");
    authorizer_ = XRCCTRL(*this, "authorizer", wxTextCtrl);
    user_ = XRCCTRL(*this, "user", wxTextCtrl);
    relation_ = XRCCTRL(*this, "relation", wxChoice);
    policy_ = XRCCTRL(*this, "policy", wxChoice);
    reasons_ = XRCCTRL(*this, "reasons", wxListBox);
    checklist_ = XRCCTRL(*this, "checklist", wxListBox);
    attached_ = XRCCTRL(*this, "attached", wxListBox);
    document_type_ = XRCCTRL(*this, "document_type", wxChoice);
    outcome_ = XRCCTRL(*this, "outcome", wxStaticText);

    // Relations grouped by category, the eligible kinds first; "other" is never eligible.
    for (auto category : {core::RelationCategory::spouse, core::RelationCategory::child, core::RelationCategory::parent,
                          core::RelationCategory::sibling, core::RelationCategory::grandparent,
                          core::RelationCategory::grandchild, core::RelationCategory::parent_in_law})
        for (const auto& r : core::all_relations())
            if (r.category == category) {
                relation_->Append(u8(std::string(core::category_label(category)) + " — " + r.code + " " + r.name));
                relation_codes_.push_back(r.code);
            }
    for (const auto& p : app::list_policies(ws_)) {
        policy_->Append(u8(p.title + "（" + p.name + "）"));
        policy_names_.push_back(p.name);
    }
    // The agency's own profile first, as the administrator set it.
    auto preferred = app::default_policy(ws_);
    auto at = preferred ? std::find(policy_names_.begin(), policy_names_.end(), *preferred) : policy_names_.end();
    if (!policy_names_.empty()) policy_->SetSelection(at == policy_names_.end() ? 0 : static_cast<int>(at - policy_names_.begin()));
    for (auto t : kTypes) document_type_->Append(u8(core::document_type_label(t)));
    document_type_->SetSelection(0);
    authorizer_->SetValue(u8(authorizer));

    auto changed = [this](wxCommandEvent&) { evaluate(); };
    authorizer_->Bind(wxEVT_TEXT, changed);
    user_->Bind(wxEVT_TEXT, changed);
    // Enter in an ID field goes on to the next field, as the clerk reads the papers in order.
    auto next = [](wxCommandEvent& e) { static_cast<wxWindow*>(e.GetEventObject())->Navigate(); };
    authorizer_->Bind(wxEVT_TEXT_ENTER, next);
    user_->Bind(wxEVT_TEXT_ENTER, next);
    relation_->Bind(wxEVT_CHOICE, changed);
    policy_->Bind(wxEVT_CHOICE, changed);
    XRCCTRL(*this, "submit", wxButton)->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { submit(); });
    XRCCTRL(*this, "print_commitment", wxButton)->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { preview("commitment"); });
    XRCCTRL(*this, "print_receipt", wxButton)->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { preview("receipt"); });
    XRCCTRL(*this, "scan", wxButton)->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { scan(); });
    attached_->SetDropTarget(new FileDrop([this](const wxArrayString& files) {
        for (const auto& f : files) attach_file(chosen_type(), utf8(f));
    }));
    XRCCTRL(*this, "add_file", wxButton)->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        wxFileDialog pick(this, _("Add a scan or file"), "", "", _("Scans (*.png;*.jpg;*.jpeg;*.tif;*.tiff;*.pdf)|*.png;*.jpg;*.jpeg;*.tif;*.tiff;*.pdf"),
                          wxFD_OPEN | wxFD_FILE_MUST_EXIST);
        if (pick.ShowModal() == wxID_OK)
            attach_file(chosen_type(), utf8(pick.GetPath()));
    });
    SetSize(FromDIP(wxSize(640, 620)));
    (authorizer.empty() ? authorizer_ : user_)->SetFocus();  // from the card: the relative is next
    evaluate();
}

wxFrame* BindDialog::preview(const std::string& kind) {
    if (case_number_.empty()) return nullptr;
    app::DocumentRequest request;
    request.kind = kind;
    request.case_number = case_number_;
    return DocumentPrinter(this, ws_, actor_, request).preview();
}

BindDialog::~BindDialog() {
    if (scanner_.joinable()) scanner_.join();  // a scan under way finishes before the dialog goes
}

core::DocumentType BindDialog::chosen_type() const { return kTypes[std::max(0, document_type_->GetSelection())]; }

void BindDialog::scan() {
    if (scanning_) return;
    if (scanner_.joinable()) scanner_.join();
    scanning_ = true;
    auto* button = XRCCTRL(*this, "scan", wxButton);
    button->Disable();
    outcome_->SetForegroundColour(GetForegroundColour());
    outcome_->SetLabel(_("Scanning..."));
    auto type = chosen_type();
    // SANE blocks for seconds: the window keeps answering while the scanner works.
    scanner_ = std::thread([this, type] {
        std::optional<app::Upload> upload;
        std::string problem;
        try {
            auto scanners = devices::list_scanners();
            if (scanners.empty()) throw std::runtime_error(utf8(_("No scanner found")));
            devices::ScanRequest request;
            request.device = scanners.front().name;
            request.color = type == core::DocumentType::id_card;  // cards in colour, paper in grey
            upload = app::scan_upload(type, request);
        } catch (const std::exception& e) {
            problem = e.what();
        }
        CallAfter([this, upload, problem] { scanned(upload, problem); });
    });
}

void BindDialog::scanned(std::optional<app::Upload> upload, const std::string& problem) {
    scanning_ = false;
    XRCCTRL(*this, "scan", wxButton)->Enable();
    if (!upload) {
        show_outcome(outcome_, u8(problem), false);
        return;
    }
    add_upload(*upload);
}

void BindDialog::add_upload(const app::Upload& upload) {
    // Once the case is submitted, a paper added (the signed commitment letter) goes to the case.
    if (!case_number_.empty()) {
        try {
            app::attach_document(ws_, actor_, case_number_, upload);
        } catch (const std::exception& e) {
            show_outcome(outcome_, u8(e.what()), false);
            return;
        }
    }
    uploads_.push_back(upload);
    attached_->Append(u8(std::string(core::document_type_label(upload.type)) + "：" + upload.file_name));
    outcome_->SetLabel("");
    evaluate();
}

void BindDialog::show_name(wxStaticText* label, const std::string& id_text) {
    wxString name;
    try {
        if (id_text.size() >= 15) name = u8(app::person_card(ws_, id_text).person.name);
    } catch (const std::exception&) {  // not (yet) a number in the roster: the reasons say why
    }
    label->SetLabel(name);
}

std::string BindDialog::relation_code() const {
    int i = relation_->GetSelection();
    return i == wxNOT_FOUND ? std::string() : relation_codes_[static_cast<size_t>(i)];
}

void BindDialog::attach_file(core::DocumentType type, const std::string& path) {
    app::Upload upload;
    try {
        upload = app::read_upload(type, path);
    } catch (const app::BadInput& e) {
        show_outcome(outcome_, u8(e.what()), false);
        return;
    }
    add_upload(upload);
}

void BindDialog::evaluate() {
    reasons_->Clear();
    checklist_->Clear();
    auto a = authorizer_->GetValue().ToStdString(wxConvUTF8), u = user_->GetValue().ToStdString(wxConvUTF8);
    // The names beside the numbers, to compare with the ID cards on the counter.
    show_name(XRCCTRL(*this, "authorizer_name", wxStaticText), a);
    show_name(XRCCTRL(*this, "user_name", wxStaticText), u);
    if (a.size() < 15 || u.size() < 15 || relation_code().empty() || policy_->GetSelection() == wxNOT_FOUND) {
        reasons_->Append(_("Enter both ID numbers and choose the relation"));
        return;
    }
    app::EligibilityQuery q;
    q.policy = policy_names_[static_cast<size_t>(policy_->GetSelection())];
    q.authorizer_id = a;
    q.user_id = u;
    q.relation = relation_code();
    std::set<core::DocumentType> attached;
    for (const auto& up : uploads_) attached.insert(up.type);
    q.documents = attached;
    try {
        auto result = app::check_eligibility(ws_, q);
        if (result.eligible) reasons_->Append(_("Eligible"));
        for (const auto& r : result.reasons) reasons_->Append(u8(r.message));
        for (const auto& need : result.documents_needed)
            checklist_->Append(u8(need.satisfied.value_or(false) ? "✔ " : "✘ ") + u8(need.label));
    } catch (const std::exception& e) {  // bad input, or a database that went away
        reasons_->Append(u8(e.what()));
    }
}

bool BindDialog::submit() {
    app::BindApplication application;
    application.policy = policy_->GetSelection() == wxNOT_FOUND ? "" : policy_names_[static_cast<size_t>(policy_->GetSelection())];
    application.authorizer_id = authorizer_->GetValue().ToStdString(wxConvUTF8);
    application.user_id = user_->GetValue().ToStdString(wxConvUTF8);
    application.relation = relation_code();
    application.uploads = uploads_;
    try {
        auto c = app::submit_bind(ws_, actor_, application);
        case_number_ = c.number;
        show_outcome(outcome_, wxString::Format(_("Case %s submitted"), u8(c.number)), true);
        // Submitted once: the papers can be printed now, and the case is not submitted twice.
        XRCCTRL(*this, "submit", wxButton)->Disable();
        XRCCTRL(*this, "print_commitment", wxButton)->Enable();
        XRCCTRL(*this, "print_receipt", wxButton)->Enable();
        XRCCTRL(*this, "print_receipt", wxButton)->SetFocus();
        return true;
    } catch (const std::exception& e) {  // refused, bad input, or a database that went away: nothing stored
        show_outcome(outcome_, u8(e.what()), false);
    }
    return false;
}

}  // namespace gongji::ui
