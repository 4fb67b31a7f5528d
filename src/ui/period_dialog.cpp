#include "ui/period_dialog.h"

#include <wx/intl.h>
#include <wx/xrc/xmlres.h>

#include "ui/labels.h"

namespace gongji::ui {

PeriodDialog::PeriodDialog(wxWindow* parent, const core::CivilDate& from, const core::CivilDate& to) {
    wxXmlResource::Get()->LoadDialog(this, parent, "PeriodDialog");
    from_ = XRCCTRL(*this, "period_from", wxDatePickerCtrl);
    to_ = XRCCTRL(*this, "period_to", wxDatePickerCtrl);
    error_ = XRCCTRL(*this, "period_error", wxStaticText);
    set_period(from, to);
    Fit();
    CentreOnParent();
}

void PeriodDialog::set_period(const core::CivilDate& from, const core::CivilDate& to) {
    from_->SetValue(to_wx(from));
    to_->SetValue(to_wx(to));
}

core::CivilDate PeriodDialog::from() const { return from_wx(from_->GetValue()); }
core::CivilDate PeriodDialog::to() const { return from_wx(to_->GetValue()); }

bool PeriodDialog::TransferDataFromWindow() {
    if (to() < from()) {
        error_->SetLabel(_("The period ends before it starts"));
        Fit();
        return false;
    }
    return true;
}

}  // namespace gongji::ui
