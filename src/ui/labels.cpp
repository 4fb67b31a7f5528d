#include "ui/labels.h"

#include <wx/intl.h>

#include "core/documents.h"
#include "core/instant.h"

namespace gongji::ui {

wxString role_label(const std::string& role) {
    if (role == "clerk") return _("clerk");
    if (role == "supervisor") return _("supervisor");
    return _("administrator");
}

wxString case_kind_label(const std::string& kind) {
    if (kind == "bind") return _("binding");
    if (kind == "unbind") return _("unbinding");
    if (kind == "reorder") return _("deduction order");
    if (kind == "rebind") return _("renewal");
    return u8(kind);
}

wxString case_status_label(const std::string& status) {
    if (status == "draft") return _("draft");
    if (status == "submitted") return _("submitted");
    if (status == "approved") return _("approved");
    if (status == "rejected") return _("rejected");
    if (status == "withdrawn") return _("withdrawn");
    return u8(status);
}

std::string china_time(const std::optional<std::string>& utc) {
    if (!utc) return "";
    auto s = core::parse_iso_instant(*utc);
    if (!s) return *utc;
    auto text = core::format_china(*s).substr(0, 16);
    text[10] = ' ';
    return text;
}

wxString person_label(app::Workspace& ws, const std::optional<std::string>& id_number) {
    if (!id_number) return "";
    auto p = ws.persons().find(*id_number);
    return u8((p ? p->name + " " : std::string()) + *id_number);
}

wxString document_list_label(const std::string& codes) {
    wxString out;
    size_t start = 0;
    while (start < codes.size()) {
        auto end = codes.find(',', start);
        if (end == std::string::npos) end = codes.size();
        auto code = codes.substr(start, end - start);
        auto type = core::parse_document_type(code);
        if (!out.empty()) out += _(", ");
        out += type ? u8(core::document_type_label(*type)) : u8(code);
        start = end + 1;
    }
    return out;
}

void show_outcome(wxStaticText* label, const wxString& text, bool good) {
    label->SetForegroundColour(good ? wxColour(0, 110, 40) : wxColour(176, 0, 32));
    label->SetLabel(text);
}

}  // namespace gongji::ui
