#pragma once
// A list of cases that holds them itself and shows only the rows on screen (a virtual list),
// so 100,000 of them scroll as fast as ten; sorted by any column heading clicked.
#include <wx/listctrl.h>

#include <vector>

#include "app/case_service.h"

namespace gongji::ui {

class CaseQueue : public wxListCtrl {
public:
    CaseQueue(wxWindow* parent, wxWindowID id);
    void set_cases(std::vector<storage::CaseRecord> cases);
    const storage::CaseRecord* at(long row) const;
    void sort_by(int column);  // what a click on its heading does

private:
    wxString OnGetItemText(long item, long column) const override;
    std::vector<storage::CaseRecord> cases_;
    int sorted_by_ = -1;  // as loaded (oldest first) until a heading is clicked
    bool descending_ = false;
};

}  // namespace gongji::ui
