#include "core/case_rules.h"

namespace gongji::core {
namespace {

struct Named {
    std::string_view code;
    const char* label;
};
const Named kRejectionReasons[] = {
    {"documents_unclear", "材料不清晰"},  {"relation_unproven", "亲属关系无法证明"},
    {"information_mismatch", "信息不一致"}, {"not_eligible", "不符合共济条件"},
    {"other", "其他原因"},
};
const Named kUnbindReasons[] = {
    {"request", "本人申请"}, {"divorce", "离婚"}, {"death", "死亡"}, {"other", "其他原因"},
    {"auto", "参保状态或参保地变化自动解除"},
};

template <size_t N>
const char* find_label(const Named (&table)[N], std::string_view code) {
    for (const auto& n : table)
        if (n.code == code) return n.label;
    return nullptr;
}

}  // namespace

const char* case_kind_name(CaseKind k) {
    switch (k) {
        case CaseKind::bind: return "bind";
        case CaseKind::unbind: return "unbind";
        case CaseKind::reorder: return "reorder";
        case CaseKind::rebind: return "rebind";
    }
    return "bind";
}

const char* case_kind_label(CaseKind k) {
    switch (k) {
        case CaseKind::bind: return "共济关系绑定";
        case CaseKind::unbind: return "共济关系解除";
        case CaseKind::reorder: return "扣款顺序变更";
        case CaseKind::rebind: return "历史共济关系续签";
    }
    return "";
}

std::optional<CaseKind> parse_case_kind(std::string_view s) {
    for (auto k : {CaseKind::bind, CaseKind::unbind, CaseKind::reorder, CaseKind::rebind})
        if (s == case_kind_name(k)) return k;
    return std::nullopt;
}

const char* case_status_name(CaseStatus s) {
    switch (s) {
        case CaseStatus::draft: return "draft";
        case CaseStatus::submitted: return "submitted";
        case CaseStatus::approved: return "approved";
        case CaseStatus::rejected: return "rejected";
        case CaseStatus::withdrawn: return "withdrawn";
    }
    return "draft";
}

const char* case_status_label(CaseStatus s) {
    switch (s) {
        case CaseStatus::draft: return "草稿";
        case CaseStatus::submitted: return "已受理";
        case CaseStatus::approved: return "审核通过";
        case CaseStatus::rejected: return "已驳回";
        case CaseStatus::withdrawn: return "已撤回";
    }
    return "";
}

std::optional<CaseStatus> parse_case_status(std::string_view s) {
    for (auto st : {CaseStatus::draft, CaseStatus::submitted, CaseStatus::approved, CaseStatus::rejected,
                    CaseStatus::withdrawn})
        if (s == case_status_name(st)) return st;
    return std::nullopt;
}

const char* case_action_name(CaseAction a) {
    switch (a) {
        case CaseAction::submit: return "submit";
        case CaseAction::approve: return "approve";
        case CaseAction::reject: return "reject";
        case CaseAction::withdraw: return "withdraw";
    }
    return "";
}

std::optional<CaseStatus> next_status(CaseStatus from, CaseAction action) {
    switch (from) {
        case CaseStatus::draft:
            if (action == CaseAction::submit) return CaseStatus::submitted;
            if (action == CaseAction::withdraw) return CaseStatus::withdrawn;
            return std::nullopt;
        case CaseStatus::submitted:
            if (action == CaseAction::approve) return CaseStatus::approved;
            if (action == CaseAction::reject) return CaseStatus::rejected;
            if (action == CaseAction::withdraw) return CaseStatus::withdrawn;
            return std::nullopt;
        case CaseStatus::approved:
        case CaseStatus::rejected:
        case CaseStatus::withdrawn:
            return std::nullopt;
    }
    return std::nullopt;
}

bool is_final(CaseStatus s) {
    return s == CaseStatus::approved || s == CaseStatus::rejected || s == CaseStatus::withdrawn;
}

bool is_rejection_reason(std::string_view code) { return find_label(kRejectionReasons, code) != nullptr; }
const char* rejection_reason_label(std::string_view code) {
    auto label = find_label(kRejectionReasons, code);
    return label ? label : "";
}
bool is_unbind_reason(std::string_view code) { return code != "auto" && find_label(kUnbindReasons, code); }
const char* unbind_reason_label(std::string_view code) {
    auto label = find_label(kUnbindReasons, code);
    return label ? label : "";
}

std::string format_case_number(const CivilDate& day, long long sequence) {
    auto date = day.to_string();
    std::string digits = std::to_string(sequence);
    if (digits.size() < 6) digits.insert(0, 6 - digits.size(), '0');
    return "GJ" + date.substr(0, 4) + date.substr(5, 2) + date.substr(8, 2) + "-" + digits;
}

}  // namespace gongji::core
