#include "ui/labels.h"

#include <wx/intl.h>

#include <map>
#include <string>

#include "app/cases/case_service.h"
#include "core/money.h"

namespace gongji::ui {

wxString role_text(core::Role role, core::Duty duty) {
    if (role != core::Role::admin) return role_text(role);
    switch (duty) {
        case core::Duty::system: return _("system administrator");
        case core::Duty::security: return _("security administrator");
        case core::Duty::audit: return _("audit administrator");
        default: return role_text(role);
    }
}

wxString role_text(core::Role role) {
    switch (role) {
        case core::Role::clerk: return _("clerk");
        case core::Role::supervisor: return _("supervisor");
        case core::Role::admin: return _("administrator");
    }
    return "";
}

wxString case_kind_text(core::CaseKind kind) {
    switch (kind) {
        case core::CaseKind::bind: return _("binding");
        case core::CaseKind::unbind: return _("unbinding");
        case core::CaseKind::reorder: return _("deduction order");
        case core::CaseKind::rebind: return _("renewal");
    }
    return "";
}

wxString case_status_text(core::CaseStatus status) {
    switch (status) {
        case core::CaseStatus::draft: return _("draft");
        case core::CaseStatus::submitted: return _("submitted");
        case core::CaseStatus::approved: return _("approved");
        case core::CaseStatus::rejected: return _("rejected");
        case core::CaseStatus::withdrawn: return _("withdrawn");
        case core::CaseStatus::applied: return _("applied online");
        case core::CaseStatus::not_accepted: return _("not accepted");
        case core::CaseStatus::correction: return _("waiting for papers");
    }
    return "";
}

wxString case_status_text(core::CaseKind kind, core::CaseStatus status) {
    if (status == core::CaseStatus::approved && !core::is_reviewed(kind)) return _("done");
    return case_status_text(status);
}

wxString binding_status_text(const core::Binding& b) {
    switch (b.status) {
        case core::BindingStatus::active: return b.legacy ? _("active (old rules)") : _("active");
        case core::BindingStatus::pending: return _("pending review");
        case core::BindingStatus::ended: return _("ended");
    }
    return "";
}

wxString person_label(app::Workspace& ws, const std::optional<std::string>& id_number) {
    if (!id_number) return "";
    auto names = app::names_of(ws, {*id_number});
    return u8((names.empty() ? std::string() : names.begin()->second + " ") + *id_number);
}

wxString document_type_text(core::DocumentType type) {
    switch (type) {
        case core::DocumentType::id_card: return _("ID card");
        case core::DocumentType::hukou: return _("household register");
        case core::DocumentType::birth_certificate: return _("birth certificate");
        case core::DocumentType::marriage_certificate: return _("marriage certificate");
        case core::DocumentType::commitment_letter: return _("commitment letter");
        case core::DocumentType::other: return _("other paper");
        case core::DocumentType::id_card_read: return _("ID card read at the window");
    }
    return "";
}

wxString rejection_reason_text(core::RejectionReason reason) {
    switch (reason) {
        case core::RejectionReason::documents_unclear: return _("papers unclear");
        case core::RejectionReason::relation_unproven: return _("relation not proven");
        case core::RejectionReason::information_mismatch: return _("information does not match");
        case core::RejectionReason::not_eligible: return _("not eligible");
        case core::RejectionReason::other: break;
    }
    return _("other reason");
}

wxString not_accepted_reason_text(core::NotAcceptedReason reason) {
    switch (reason) {
        case core::NotAcceptedReason::not_eligible: return _("not eligible");
        case core::NotAcceptedReason::out_of_scope: return _("not this agency's region");
        case core::NotAcceptedReason::duplicate: return _("applied already");
        case core::NotAcceptedReason::incomplete_identity: return _("identity incomplete");
        case core::NotAcceptedReason::other: break;
    }
    return _("other reason");
}

wxString channel_text(core::Channel channel) {
    return channel == core::Channel::online ? _("online") : _("window");
}

wxString unbind_reason_text(core::UnbindReason reason) {
    switch (reason) {
        case core::UnbindReason::request: return _("at their request");
        case core::UnbindReason::divorce: return _("divorce");
        case core::UnbindReason::death: return _("death");
        case core::UnbindReason::other: break;
    }
    return _("other reason");
}

wxString insurance_type_text(const std::string& code) {
    if (code == "310") return _("employee basic medical insurance");
    if (code == "390") return _("urban and rural resident medical insurance");
    if (code == "391") return _("urban resident medical insurance");
    return _("other insurance");
}

wxString insurance_status_text(int status) {
    switch (status) {
        case 0: return _("not insured");
        case 1: return _("insured");
        case 2: return _("suspended");
        case 4: return _("terminated");
    }
    return _("unknown status");
}

wxString relation_category_text(core::RelationCategory category) {
    switch (category) {
        case core::RelationCategory::spouse: return _("spouse");
        case core::RelationCategory::child: return _("child");
        case core::RelationCategory::parent: return _("parent");
        case core::RelationCategory::sibling: return _("sibling");
        case core::RelationCategory::grandparent: return _("grandparent");
        case core::RelationCategory::grandchild: return _("grandchild");
        case core::RelationCategory::parent_in_law: return _("parent-in-law");
        case core::RelationCategory::other: return _("other relative");
    }
    return "";
}

wxString relation_text(const core::Relation& relation) {
    // GB/T 4761's names; the standard's own Chinese is their translation.
    static const std::map<std::string, const char*> english = {
        {"01", wxTRANSLATE("Self")},
        {"02", wxTRANSLATE("Head of household")},
        {"10", wxTRANSLATE("Spouse")},
        {"11", wxTRANSLATE("Husband")},
        {"12", wxTRANSLATE("Wife")},
        {"20", wxTRANSLATE("Son")},
        {"21", wxTRANSLATE("Only son")},
        {"22", wxTRANSLATE("Eldest son")},
        {"23", wxTRANSLATE("Second son")},
        {"24", wxTRANSLATE("Third son")},
        {"25", wxTRANSLATE("Fourth son")},
        {"26", wxTRANSLATE("Fifth son")},
        {"27", wxTRANSLATE("Adopted son or stepson")},
        {"28", wxTRANSLATE("Son-in-law")},
        {"29", wxTRANSLATE("Other son")},
        {"30", wxTRANSLATE("Daughter")},
        {"31", wxTRANSLATE("Only daughter")},
        {"32", wxTRANSLATE("Eldest daughter")},
        {"33", wxTRANSLATE("Second daughter")},
        {"34", wxTRANSLATE("Third daughter")},
        {"35", wxTRANSLATE("Fourth daughter")},
        {"36", wxTRANSLATE("Fifth daughter")},
        {"37", wxTRANSLATE("Adopted daughter or stepdaughter")},
        {"38", wxTRANSLATE("Daughter-in-law")},
        {"39", wxTRANSLATE("Other daughter")},
        {"40", wxTRANSLATE("Grandchild")},
        {"41", wxTRANSLATE("Grandson (son's son)")},
        {"42", wxTRANSLATE("Granddaughter (son's daughter)")},
        {"43", wxTRANSLATE("Grandson (daughter's son)")},
        {"44", wxTRANSLATE("Granddaughter (daughter's daughter)")},
        {"45", wxTRANSLATE("Grandson's wife")},
        {"46", wxTRANSLATE("Granddaughter's husband")},
        {"47", wxTRANSLATE("Great-grandson")},
        {"48", wxTRANSLATE("Great-granddaughter")},
        {"49", wxTRANSLATE("Other grandchild")},
        {"50", wxTRANSLATE("Parent")},
        {"51", wxTRANSLATE("Father")},
        {"52", wxTRANSLATE("Mother")},
        {"53", wxTRANSLATE("Father-in-law (husband's father)")},
        {"54", wxTRANSLATE("Mother-in-law (husband's mother)")},
        {"55", wxTRANSLATE("Father-in-law (wife's father)")},
        {"56", wxTRANSLATE("Mother-in-law (wife's mother)")},
        {"57", wxTRANSLATE("Stepfather or adoptive father")},
        {"58", wxTRANSLATE("Stepmother or adoptive mother")},
        {"59", wxTRANSLATE("Other parent")},
        {"60", wxTRANSLATE("Grandparent")},
        {"61", wxTRANSLATE("Grandfather (father's father)")},
        {"62", wxTRANSLATE("Grandmother (father's mother)")},
        {"63", wxTRANSLATE("Grandfather (mother's father)")},
        {"64", wxTRANSLATE("Grandmother (mother's mother)")},
        {"65", wxTRANSLATE("Great-grandfather (father's side)")},
        {"66", wxTRANSLATE("Great-grandmother (father's side)")},
        {"67", wxTRANSLATE("Great-grandfather (mother's side)")},
        {"68", wxTRANSLATE("Great-grandmother (mother's side)")},
        {"69", wxTRANSLATE("Other grandparent")},
        {"70", wxTRANSLATE("Sibling")},
        {"71", wxTRANSLATE("Elder brother")},
        {"72", wxTRANSLATE("Elder brother's wife")},
        {"73", wxTRANSLATE("Younger brother")},
        {"74", wxTRANSLATE("Younger brother's wife")},
        {"75", wxTRANSLATE("Elder sister")},
        {"76", wxTRANSLATE("Elder sister's husband")},
        {"77", wxTRANSLATE("Younger sister")},
        {"78", wxTRANSLATE("Younger sister's husband")},
        {"79", wxTRANSLATE("Other sibling")},
        {"80", wxTRANSLATE("Other relation")},
        {"81", wxTRANSLATE("Uncle (father's elder brother)")},
        {"82", wxTRANSLATE("Aunt (wife of father's elder brother)")},
        {"83", wxTRANSLATE("Uncle (father's younger brother)")},
        {"84", wxTRANSLATE("Aunt (wife of father's younger brother)")},
        {"85", wxTRANSLATE("Uncle (mother's brother)")},
        {"86", wxTRANSLATE("Aunt (wife of mother's brother)")},
        {"87", wxTRANSLATE("Uncle (husband of mother's sister)")},
        {"88", wxTRANSLATE("Aunt (mother's sister)")},
        {"89", wxTRANSLATE("Uncle (husband of father's sister)")},
        {"90", wxTRANSLATE("Aunt (father's sister)")},
        {"91", wxTRANSLATE("Cousin (father's brother's child)")},
        {"92", wxTRANSLATE("Cousin (other)")},
        {"93", wxTRANSLATE("Nephew (brother's son)")},
        {"94", wxTRANSLATE("Niece (brother's daughter)")},
        {"95", wxTRANSLATE("Nephew (sister's son)")},
        {"96", wxTRANSLATE("Niece (sister's daughter)")},
        {"97", wxTRANSLATE("Other relative")},
        {"98", wxTRANSLATE("Other relation")},
        {"99", wxTRANSLATE("Not a relative")},
    };
    auto found = english.find(relation.code);
    return found != english.end() ? wxGetTranslation(found->second) : u8(relation.name);
}

wxString need_text(const core::DocumentNeed& need) {
    wxString any;
    for (auto t : need.any_of) any += (any.empty() ? wxString() : _(" or ")) + document_type_text(t);
    return wxString::Format(need.purpose == core::DocumentPurpose::identity ? _("Identity: %s") : _("Relation: %s"), any);
}

wxString document_list_label(const std::set<core::DocumentType>& types) {
    wxString out;
    for (auto t : types) out += (out.empty() ? wxString() : _(", ")) + document_type_text(t);
    return out;
}

wxDateTime to_wx(const core::CivilDate& d) {
    return wxDateTime(static_cast<wxDateTime::wxDateTime_t>(d.day), static_cast<wxDateTime::Month>(d.month - 1), d.year);
}

core::CivilDate from_wx(const wxDateTime& d) {
    return core::CivilDate{d.GetYear(), static_cast<int>(d.GetMonth()) + 1, d.GetDay()};
}

wxString yuan_text(long long fen) { return u8(core::format_yuan(fen)) + " " + _("yuan"); }

void show_outcome(wxStaticText* label, const wxString& text, bool good) {
    label->SetForegroundColour(good ? wxColour(0, 110, 40) : wxColour(176, 0, 32));
    label->SetLabel(text);
}

// Where the case came from: the channel and its number for one made online, then who accepted it.
wxString taken_in_text(const core::Case& c) {
    wxString text;
    if (c.channel == core::Channel::online)
        text = wxString::Format(_("Applied online (%s) at %s\nApplication number %s"), u8(c.via ? core::kVias.label(*c.via) : ""),
                                u8(china_minutes(c.created_at)), u8(c.service_number()));
    if (c.channel == core::Channel::window)
        text = wxString::Format(_("Submitted by %s at %s"), u8(c.created_by), u8(china_minutes(c.submitted_at)));
    else if (c.submitted_at)
        text += "\n" + wxString::Format(_("Accepted at %s"), u8(china_minutes(c.submitted_at)));
    return text;
}

}  // namespace gongji::ui
