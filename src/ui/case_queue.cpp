#include "ui/case_queue.h"

#include <wx/intl.h>

#include <algorithm>

#include "ui/labels.h"

namespace gongji::ui {

CaseQueue::CaseQueue(wxWindow* parent, wxWindowID id)
    : wxListCtrl(parent, id, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_VIRTUAL | wxLC_SINGLE_SEL) {
    AppendColumn(_("Case"), wxLIST_FORMAT_LEFT, 170);
    AppendColumn(_("Submitted"), wxLIST_FORMAT_LEFT, 130);
    AppendColumn(_("Kind"), wxLIST_FORMAT_LEFT, 90);
    AppendColumn(_("Status"), wxLIST_FORMAT_LEFT, 80);
    AppendColumn(_("User"), wxLIST_FORMAT_LEFT, 200);
    AppendColumn(_("Clerk"), wxLIST_FORMAT_LEFT, 80);
    // A click on a column heading sorts by it; a second click reverses.
    Bind(wxEVT_LIST_COL_CLICK, [this](wxListEvent& e) { sort_by(e.GetColumn()); });
}

void CaseQueue::set_cases(std::vector<storage::CaseRecord> cases) {
    cases_ = std::move(cases);
    if (sorted_by_ >= 0) {
        int column = sorted_by_;
        sorted_by_ = -1;
        descending_ = !descending_;  // sort_by flips it back: the chosen order stays
        sort_by(column);
    }
    SetItemCount(static_cast<long>(cases_.size()));
    Refresh();
}

void CaseQueue::sort_by(int column) {
    descending_ = column == sorted_by_ ? !descending_ : false;
    sorted_by_ = column;
    auto key = [column](const storage::CaseRecord& c) -> std::string {
        switch (column) {
            case 0: return c.number;
            case 1: return c.submitted_at.value_or(c.created_at);
            case 2: return c.kind;
            case 3: return c.status;
            case 4: return c.user_id;
            default: return c.created_by;
        }
    };
    std::stable_sort(cases_.begin(), cases_.end(), [&](const auto& a, const auto& b) {
        return descending_ ? key(b) < key(a) : key(a) < key(b);
    });
    Refresh();
}

const storage::CaseRecord* CaseQueue::at(long row) const {
    return row >= 0 && row < static_cast<long>(cases_.size()) ? &cases_[static_cast<size_t>(row)] : nullptr;
}

wxString CaseQueue::OnGetItemText(long item, long column) const {
    const auto* c = at(item);
    if (!c) return "";
    switch (column) {
        case 0: return u8(c->number);
        case 1: return u8(china_time(c->submitted_at ? c->submitted_at : std::optional<std::string>(c->created_at)));
        case 2: return case_kind_label(c->kind);
        case 3: return case_status_label(c->status);
        case 4: return u8(c->user_id);
        default: return u8(c->created_by);
    }
}

}  // namespace gongji::ui
