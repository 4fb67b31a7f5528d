#include "core/case_rules.h"

namespace gongji::core {

std::optional<CaseStatus> next_status(CaseStatus from, CaseAction action, CaseStatus asked_from) {
    if (action == CaseAction::withdraw && !is_final(from)) return CaseStatus::withdrawn;
    switch (from) {
        case CaseStatus::draft:
            if (action == CaseAction::submit) return CaseStatus::submitted;
            return std::nullopt;
        case CaseStatus::applied:
            if (action == CaseAction::accept) return CaseStatus::submitted;
            if (action == CaseAction::refuse) return CaseStatus::not_accepted;
            if (action == CaseAction::ask_correction) return CaseStatus::correction;
            return std::nullopt;
        case CaseStatus::submitted:
            if (action == CaseAction::approve) return CaseStatus::approved;
            if (action == CaseAction::reject) return CaseStatus::rejected;
            if (action == CaseAction::ask_correction) return CaseStatus::correction;
            return std::nullopt;
        case CaseStatus::correction:
            if (action == CaseAction::answer_correction) return asked_from;
            return std::nullopt;
        case CaseStatus::approved:
        case CaseStatus::rejected:
        case CaseStatus::withdrawn:
        case CaseStatus::not_accepted:
            return std::nullopt;
    }
    return std::nullopt;
}

bool is_final(CaseStatus s) {
    return s == CaseStatus::approved || s == CaseStatus::rejected || s == CaseStatus::withdrawn ||
           s == CaseStatus::not_accepted;
}

const char* unbind_reason_label(std::string_view code) {
    if (code == kAutomaticUnbindReason) return "参保状态或参保地变化自动解除";
    auto reason = kUnbindReasons.parse(code);
    return reason ? kUnbindReasons.label(*reason) : "";
}

std::string format_case_number(const CivilDate& day, long long sequence) {
    auto date = day.to_string();
    std::string digits = std::to_string(sequence);
    if (digits.size() < 6) digits.insert(0, 6 - digits.size(), '0');
    return "GJ" + date.substr(0, 4) + date.substr(5, 2) + date.substr(8, 2) + "-" + digits;
}

}  // namespace gongji::core
