#include "ui/bind_view_text.h"

#include <wx/intl.h>

#include "ui/labels.h"
#include "ui/problem_text.h"

namespace gongji::ui {
namespace {

using Verdict = app::BindView::Verdict;

// Before the application is complete: a number that cannot be right, and what the authorizer
// alone already fails.
void incomplete_lines(const app::BindView& view, wxArrayString& lines) {
    for (const auto& problem : view.id_problems) {
        auto who = problem.of_authorizer ? _("Authorizer") : _("User");
        if (!problem.ecert_token) {
            lines.Add(wxString::Format(_("%s: %s"), who, id_error_text(problem.code, problem.params)));
            continue;
        }
        lines.Add(wxString::Format(_("%s: %s"), who, ecert_token_what()));
        lines.Add(ecert_token_advice());  // a line of its own: the list does not wrap
    }
    for (const auto& r : view.reasons) lines.Add(reason_text(r));
    if (view.id_problems.empty()) lines.Add(_("Enter both ID numbers and choose the relation"));
}

}  // namespace

wxArrayString reason_lines(const app::BindForm& form, app::Workspace& ws) {
    const auto& view = form.view();
    wxArrayString lines;
    if (view.verdict == Verdict::incomplete) {
        incomplete_lines(view, lines);
        return lines;
    }
    if (view.verdict == Verdict::failed) {
        lines.Add(problem_text(view.failure, ws));
        return lines;
    }
    // A profile chosen by hand that is not the authorizer's region's is said first.
    if (view.profile_not_for_region)
        lines.Add(wxString::Format(_("Note: the profile %s is not for the authorizer's pooling region %s"),
                                   u8(form.profiles()[*form.profile_index()].title), u8(view.authorizer_region)));
    lines.Add(view.verdict == Verdict::eligible         ? _("Eligible")
              : view.verdict == Verdict::papers_missing ? _("Eligible once the papers below are in")
                                                        : _("Not eligible:"));
    for (const auto& r : view.reasons) {
        if (r.code != core::kDocumentsMissing) {
            lines.Add("  " + reason_text(r));
        } else if (view.verdict == Verdict::papers_missing) {  // otherwise the checklist says it, a paper a line
            lines.Add("  " + _("Papers missing:"));
            for (const auto& need : view.checklist)
                if (need.satisfied == false) lines.Add("    " + need_text(need));
        }
    }
    return lines;
}

wxArrayString checklist_lines(const app::BindView& view, int& first_missing) {
    wxArrayString lines;
    first_missing = -1;
    for (const auto& need : view.checklist) {
        bool have = core::is_satisfied(need, view.attached);
        if (!have && first_missing < 0) first_missing = static_cast<int>(lines.size());
        lines.Add(u8(have ? "✔ " : "✘ ") + need_text(need));
    }
    return lines;
}

wxString not_submitted_text(const app::SubmitOutcome& outcome, app::Workspace& ws) {
    using Kind = app::SubmitOutcome::Kind;
    if (outcome.kind == Kind::papers_missing) {
        wxString missing;
        for (const auto& need : outcome.missing) missing += (missing.empty() ? wxString() : _("; ")) + need_text(need);
        return wxString::Format(_("Not submitted, papers still missing: %s"), missing);
    }
    auto said = problem_text(outcome.problem, ws);
    if (outcome.kind != Kind::check_card) return said;  // refused, bad input, or a database that went away
    return outcome.card_check == app::CardWarning::ocr_mismatch
               ? wxString::Format(_("%s. Compare the card with the numbers, then submit again"), said)
               : said + " " + _("Submit again once the card is checked.");
}

}  // namespace gongji::ui
