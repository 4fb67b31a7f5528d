#pragma once
// Asks for the period of a usage statement: from and to, both days included, China time.
#include <wx/datectrl.h>
#include <wx/dialog.h>
#include <wx/stattext.h>

#include "core/civil_date.h"

namespace gongji::ui {

class PeriodDialog : public wxDialog {
public:
    PeriodDialog(wxWindow* parent, const core::CivilDate& from, const core::CivilDate& to);
    bool TransferDataFromWindow() override;  // refuses a period that ends before it starts
    core::CivilDate from() const;
    core::CivilDate to() const;
    void set_period(const core::CivilDate& from, const core::CivilDate& to);

private:
    wxDatePickerCtrl *from_ = nullptr, *to_ = nullptr;
    wxStaticText* error_ = nullptr;
};

}  // namespace gongji::ui
