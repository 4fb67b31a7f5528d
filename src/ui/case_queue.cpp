#include "ui/case_queue.h"

#include <wx/intl.h>

#include <algorithm>

#include "ui/labels.h"

namespace gongji::ui {
namespace {

// What a column sorts by: text, the time, or the enum's order (kinds and statuses as listed).
std::string sort_key(const core::CaseSummary& c, int column) {
    switch (column) {
        case 0: return c.number;
        case 1: return c.waiting_since.utc();
        case 2: return std::to_string(static_cast<int>(c.kind));
        case 3: return std::to_string(static_cast<int>(c.status));
        case 4: return c.user_id;
        case 6: return c.due ? c.due->to_string() : "9999";  // no limit: last
        case 7: return std::to_string(static_cast<int>(c.channel));
        default: return c.created_by;
    }
}

// What is left of the promised working days (超期预警): said the same way in every queue.
wxString time_limit_text(const core::CaseSummary& c) {
    if (!c.due) return "";
    // Waiting for papers: the day is the applicant's, the decision's clock is paused.
    if (c.status == core::CaseStatus::correction) return wxString::Format(_("papers by %s"), u8(c.due->to_string()));
    if (c.overdue) return wxString::Format(_("overdue since %s"), u8(c.due->to_string()));
    if (c.working_days_left == 0) return _("due today");
    return wxString::Format(wxPLURAL("%d working day left", "%d working days left", c.working_days_left), c.working_days_left);
}

bool kept(const core::CaseSummary& c, CaseQueue::Narrowed narrowed) {
    switch (narrowed) {
        case CaseQueue::Narrowed::online: return c.channel == core::Channel::online;
        case CaseQueue::Narrowed::window: return c.channel == core::Channel::window;
        case CaseQueue::Narrowed::due: return c.due && (c.overdue || c.working_days_left == 0);
        default: return true;
    }
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
    return s;
}

}  // namespace

CaseQueue::CaseQueue(wxWindow* parent, wxWindowID id)
    : wxListCtrl(parent, id, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_VIRTUAL | wxLC_SINGLE_SEL) {
    AppendColumn(_("Case"), wxLIST_FORMAT_LEFT, 170);
    AppendColumn(_("Submitted"), wxLIST_FORMAT_LEFT, 130);
    AppendColumn(_("Kind"), wxLIST_FORMAT_LEFT, 90);
    AppendColumn(_("Status"), wxLIST_FORMAT_LEFT, 80);
    AppendColumn(_("User"), wxLIST_FORMAT_LEFT, 230);
    AppendColumn(_("Clerk"), wxLIST_FORMAT_LEFT, 80);
    AppendColumn(_("Time limit"), wxLIST_FORMAT_LEFT, 180);
    AppendColumn(_("Channel"), wxLIST_FORMAT_LEFT, 70);
    // A click on a column heading sorts by it; a second click reverses.
    Bind(wxEVT_LIST_COL_CLICK, [this](wxListEvent& e) { sort_by(e.GetColumn()); });
}

void CaseQueue::set_cases(std::vector<core::CaseSummary> cases) {
    cases_ = std::move(cases);
    show();
}

void CaseQueue::set_filter(const std::string& text) {
    filter_ = lower(text);
    show();
}

void CaseQueue::narrow(Narrowed to) {
    narrowed_ = to;
    show();
}

void CaseQueue::sort_by(int column) {
    descending_ = column == sorted_by_ ? !descending_ : false;
    sorted_by_ = column;
    show();
}

void CaseQueue::show() {
    shown_.clear();
    for (size_t i = 0; i < cases_.size(); ++i) {
        const auto& c = cases_[i];
        if (!kept(c, narrowed_)) continue;
        if (filter_.empty() || lower(c.number).find(filter_) != std::string::npos ||
            lower(c.apply_no).find(filter_) != std::string::npos ||
            lower(c.user_id).find(filter_) != std::string::npos || c.user_name.find(filter_) != std::string::npos ||
            lower(c.created_by).find(filter_) != std::string::npos)
            shown_.push_back(i);
    }
    if (sorted_by_ >= 0)
        std::stable_sort(shown_.begin(), shown_.end(), [&](size_t a, size_t b) {
            auto x = sort_key(cases_[a], sorted_by_), y = sort_key(cases_[b], sorted_by_);
            return descending_ ? y < x : x < y;
        });
    SetItemCount(static_cast<long>(shown_.size()));
    Refresh();
}

const core::CaseSummary* CaseQueue::at(long row) const {
    return row >= 0 && row < static_cast<long>(shown_.size()) ? &cases_[shown_[static_cast<size_t>(row)]] : nullptr;
}

long CaseQueue::row_of(const std::string& number) const {
    for (size_t row = 0; row < shown_.size(); ++row)
        if (cases_[shown_[row]].number == number) return static_cast<long>(row);
    return -1;
}

void CaseQueue::highlight(long row) {
    for (long other = GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED); other != -1;
         other = GetNextItem(other, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED))
        if (other != row) SetItemState(other, 0, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
    if (row < 0 || row >= GetItemCount()) return;
    SetItemState(row, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
    EnsureVisible(row);
}

wxString CaseQueue::OnGetItemText(long item, long column) const {
    const auto* c = at(item);
    if (!c) return "";
    switch (column) {
        case 1: return u8(china_minutes(c->waiting_since));
        case 2: return case_kind_text(c->kind);
        case 3: return case_status_text(c->kind, c->status);
        case 4: return u8(c->user_name.empty() ? c->user_id : c->user_name + " " + c->user_id);
        case 0: return u8(c->number);
        case 6: return time_limit_text(*c);
        case 7: return channel_text(c->channel);
        default: return u8(c->created_by);
    }
}

}  // namespace gongji::ui
