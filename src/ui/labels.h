#pragma once
// How the desktop app shows the application layer's values: UTF-8 text, case kinds and
// statuses in the chosen language, instants in China time, people by name and ID number, and
// the outcome of an action in one pair of colours.
#include <wx/datetime.h>
#include <wx/stattext.h>
#include <wx/string.h>

#include <optional>
#include <set>
#include <string>

#include "app/platform/workspace.h"
#include "core/binding.h"
#include "core/case_record.h"
#include "core/case_rules.h"
#include "core/documents.h"
#include "core/instant.h"
#include "core/relation.h"
#include "core/role.h"

namespace gongji::ui {

inline wxString u8(const std::string& s) { return wxString::FromUTF8(s.c_str()); }
inline std::string utf8(const wxString& s) { return s.ToStdString(wxConvUTF8); }

wxString role_text(core::Role role);
// The role, or an administrator's duty where the agency separates them (系统/安全/审计管理员).
wxString role_text(core::Role role, core::Duty duty);
wxString case_kind_text(core::CaseKind kind);
wxString case_status_text(core::CaseStatus status);
// The same for a case of `kind`: one that had no review is "done", never "approved".
wxString case_status_text(core::CaseKind kind, core::CaseStatus status);
// Where a case came from: the channel and its number for one made online (and when it was
// accepted, if it was), or who submitted it at which time at the window.
wxString taken_in_text(const core::Case& c);
wxString binding_status_text(const core::Binding& b);  // active, active (old rules), pending review, ended
// "2026-11-22 09:30" in China time; empty for none.
inline std::string china_minutes(const std::optional<core::Instant>& t) {
    return core::china_text(t, core::ChinaFormat::minutes);
}
// "张伟 450802196503120117", or the bare number when the person is not in the roster.
wxString person_label(app::Workspace& ws, const std::optional<std::string>& id_number);
wxString document_type_text(core::DocumentType type);
wxString rejection_reason_text(core::RejectionReason reason);
wxString not_accepted_reason_text(core::NotAcceptedReason reason);
wxString channel_text(core::Channel channel);
wxString unbind_reason_text(core::UnbindReason reason);
wxString insurance_type_text(const std::string& code);    // 310, 390, 391, other
wxString insurance_status_text(int status);               // 0, 1, 2, 4
wxString relation_text(const core::Relation& relation);  // 妻 in Chinese, "Wife" in English
wxString relation_category_text(core::RelationCategory category);  // ID card, household register, …
// A line of the checklist: "Relation: marriage certificate or household register".
wxString need_text(const core::DocumentNeed& need);
// The papers' names, "ID card, marriage certificate".
wxString document_list_label(const std::set<core::DocumentType>& types);
// A day as a date picker holds it, and back.
wxDateTime to_wx(const core::CivilDate& d);
core::CivilDate from_wx(const wxDateTime& d);
// Money for people: "1,234.50 元".
wxString yuan_text(long long fen);
// What an action came to, on its label: green when done, red with the reason when not.
void show_outcome(wxStaticText* label, const wxString& text, bool good);

}  // namespace gongji::ui
