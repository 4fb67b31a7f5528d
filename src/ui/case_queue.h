#pragma once
// A list of cases that holds them itself and shows only the rows on screen (a virtual list),
// so 100,000 of them scroll as fast as ten; sorted by any column heading clicked, narrowed by
// a filter text and by channel or time limit.
#include <wx/listctrl.h>

#include <string>
#include <vector>

#include "app/cases/case_service.h"

namespace gongji::ui {

class CaseQueue : public wxListCtrl {
public:
    CaseQueue(wxWindow* parent, wxWindowID id);
    void set_cases(std::vector<core::CaseSummary> cases);
    // Shows only the cases whose number, online application number, user ID number or name, or
    // clerk contains `text` (any case).
    void set_filter(const std::string& text);
    // Which cases the queue shows besides the filter: every one, one channel's, or those due today
    // or overdue (超期预警).
    enum class Narrowed { all, online, window, due };
    void narrow(Narrowed to);
    const core::CaseSummary* at(long row) const;
    long row_of(const std::string& number) const;  // -1 when the case is not shown
    // Only `row` highlighted (none for -1): a row's highlight belongs to the case shown on it, not
    // to the index it had before the queue was narrowed or reloaded.
    void highlight(long row);
    void sort_by(int column);  // what a click on its heading does

private:
    wxString OnGetItemText(long item, long column) const override;
    void show();  // applies the filter and the sort to what is loaded

    std::vector<core::CaseSummary> cases_;
    std::vector<size_t> shown_;  // indexes into cases_, in display order
    std::string filter_;
    Narrowed narrowed_ = Narrowed::all;
    int sorted_by_ = -1;  // as loaded (oldest first) until a heading is clicked
    bool descending_ = false;
};

}  // namespace gongji::ui
