#pragma once
// The case lifecycle (domain.md §7): kinds, states, the edges a case may move along, coded
// reasons, the four-eyes rule and case numbers.
#include <optional>
#include <string>
#include <string_view>

#include "core/civil_date.h"
#include "core/code_table.h"

namespace gongji::core {

enum class CaseKind { bind, unbind, reorder, rebind };
// The service states of domain.md §9: `applied` (online, nobody has looked at it yet), `submitted`
// (已受理), `not_accepted` (不予受理), `correction` (待补正), then decided or withdrawn.
enum class CaseStatus { draft, submitted, approved, rejected, withdrawn, applied, not_accepted, correction };
enum class CaseAction { submit, approve, reject, withdraw, accept, refuse, ask_correction, answer_correction };

inline constexpr CodeTable<CaseKind, 4> kCaseKinds{{
    {CaseKind::bind, "bind", "共济关系绑定"},
    {CaseKind::unbind, "unbind", "共济关系解除"},
    {CaseKind::reorder, "reorder", "扣款顺序变更"},
    {CaseKind::rebind, "rebind", "历史共济关系续签"},
}};
inline constexpr CodeTable<CaseStatus, 8> kCaseStatuses{{
    {CaseStatus::draft, "draft", "草稿"},
    {CaseStatus::submitted, "submitted", "已受理"},
    {CaseStatus::approved, "approved", "审核通过"},
    {CaseStatus::rejected, "rejected", "已驳回"},
    {CaseStatus::withdrawn, "withdrawn", "已撤回"},
    {CaseStatus::applied, "applied", "已申请"},
    {CaseStatus::not_accepted, "not_accepted", "不予受理"},
    {CaseStatus::correction, "correction", "待补正"},
}};
inline constexpr CodeTable<CaseAction, 8> kCaseActions{{
    {CaseAction::submit, "submit"},
    {CaseAction::approve, "approve"},
    {CaseAction::reject, "reject"},
    {CaseAction::withdraw, "withdraw"},
    {CaseAction::accept, "accept"},
    {CaseAction::refuse, "refuse"},
    {CaseAction::ask_correction, "correct"},
    {CaseAction::answer_correction, "resume"},
}};

inline const char* case_kind_name(CaseKind k) { return kCaseKinds.code(k); }
inline const char* case_kind_label(CaseKind k) { return kCaseKinds.label(k); }
inline std::optional<CaseKind> parse_case_kind(std::string_view s) { return kCaseKinds.parse(s); }
inline const char* case_status_name(CaseStatus s) { return kCaseStatuses.code(s); }
inline const char* case_status_label(CaseStatus s) { return kCaseStatuses.label(s); }
inline std::optional<CaseStatus> parse_case_status(std::string_view s) { return kCaseStatuses.parse(s); }
inline const char* case_action_name(CaseAction a) { return kCaseActions.code(a); }

// The state a case reaches by `action`, or nullopt when the lifecycle has no such edge (a decided
// case is never edited: approved, rejected, not accepted and withdrawn are final). An answered
// correction goes back to the state the case was asked from (`asked_from`): waiting to be
// accepted, or accepted and waiting for review.
std::optional<CaseStatus> next_status(CaseStatus from, CaseAction action,
                                      CaseStatus asked_from = CaseStatus::submitted);
bool is_final(CaseStatus s);
// Whether a case of this kind waits for a supervisor's decision: an unbinding and a new deduction
// order take effect when the clerk records them, without review.
inline bool is_reviewed(CaseKind k) { return k == CaseKind::bind || k == CaseKind::rebind; }

// Rejection reasons (审核驳回原因), in the order a supervisor is offered them.
enum class RejectionReason { documents_unclear, relation_unproven, information_mismatch, not_eligible, other };
inline constexpr CodeTable<RejectionReason, 5> kRejectionReasons{{
    {RejectionReason::documents_unclear, "documents_unclear", "材料不清晰"},
    {RejectionReason::relation_unproven, "relation_unproven", "亲属关系无法证明"},
    {RejectionReason::information_mismatch, "information_mismatch", "信息不一致"},
    {RejectionReason::not_eligible, "not_eligible", "不符合共济条件"},
    {RejectionReason::other, "other", "其他原因"},
}};
// Why an application is not accepted (不予受理, domain.md §9), in the order offered.
enum class NotAcceptedReason { not_eligible, out_of_scope, duplicate, incomplete_identity, other };
inline constexpr CodeTable<NotAcceptedReason, 5> kNotAcceptedReasons{{
    {NotAcceptedReason::not_eligible, "not_eligible", "不符合共济条件"},
    {NotAcceptedReason::out_of_scope, "out_of_scope", "不属于本经办机构受理范围"},
    {NotAcceptedReason::duplicate, "duplicate", "重复申请"},
    {NotAcceptedReason::incomplete_identity, "incomplete_identity", "身份信息不完整"},
    {NotAcceptedReason::other, "other", "其他原因"},
}};
// The reason a correction left unanswered by its due date ends the case with: 逾期未补正视为撤回申请.
inline constexpr const char* kCorrectionExpired = "correction_expired";

// Where a case came from (domain.md §9): a clerk at the window, or an online channel.
enum class Channel { window, online };
inline constexpr CodeTable<Channel, 2> kChannels{{{Channel::window, "window", "窗口"}, {Channel::online, "online", "网上"}}};
enum class Via { wechat, alipay, web, app, kiosk };
inline constexpr CodeTable<Via, 5> kVias{{
    {Via::wechat, "wechat", "微信"},
    {Via::alipay, "alipay", "支付宝"},
    {Via::web, "web", "网上服务大厅"},
    {Via::app, "app", "国家医保服务平台APP"},
    {Via::kiosk, "kiosk", "自助服务机"},
}};
// An online channel where the figures name a window: "网上（微信）".
inline std::string online_window_label(Via v) { return std::string("网上（") + kVias.label(v) + "）"; }

// Unbinding reasons a clerk records, in the order offered; an automatic end ("auto") is the
// program's, after a roster change, never a clerk's choice.
enum class UnbindReason { request, divorce, death, other };
inline constexpr CodeTable<UnbindReason, 4> kUnbindReasons{{
    {UnbindReason::request, "request", "本人申请"},
    {UnbindReason::divorce, "divorce", "离婚"},
    {UnbindReason::death, "death", "死亡"},
    {UnbindReason::other, "other", "其他原因"},
}};
inline constexpr const char* kAutomaticUnbindReason = "auto";
// The label of a stored reason code: "" for none known.
const char* unbind_reason_label(std::string_view code);
inline const char* rejection_reason_label(std::string_view code) {
    auto reason = kRejectionReasons.parse(code);
    return reason ? kRejectionReasons.label(*reason) : "";
}

// The four-eyes rule: whoever submitted a case may never decide it, whatever their role.
inline bool may_decide(std::string_view submitter, std::string_view decider) { return submitter != decider; }

// "GJ20261122-000123": the China-time day and that day's sequence number.
std::string format_case_number(const CivilDate& day, long long sequence);

}  // namespace gongji::core
