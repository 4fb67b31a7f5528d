#pragma once
// The case lifecycle (domain.md §7): kinds, states, the edges a case may move along, coded
// reasons, the four-eyes rule and case numbers.
#include <optional>
#include <string>
#include <string_view>

#include "core/civil_date.h"

namespace gongji::core {

enum class CaseKind { bind, unbind, reorder, rebind };
enum class CaseStatus { draft, submitted, approved, rejected, withdrawn };
enum class CaseAction { submit, approve, reject, withdraw };

const char* case_kind_name(CaseKind k);
const char* case_kind_label(CaseKind k);  // 共济关系绑定, 共济关系解除, 扣款顺序变更, 历史共济关系续签
std::optional<CaseKind> parse_case_kind(std::string_view s);
const char* case_status_name(CaseStatus s);
const char* case_status_label(CaseStatus s);  // 草稿, 已受理, 审核通过, 已驳回, 已撤回
std::optional<CaseStatus> parse_case_status(std::string_view s);
const char* case_action_name(CaseAction a);

// The state a case reaches by `action`, or nullopt when the lifecycle has no such edge
// (a decided case is never edited: approved, rejected and withdrawn are final).
std::optional<CaseStatus> next_status(CaseStatus from, CaseAction action);
bool is_final(CaseStatus s);
// Whether a case of this kind waits for a supervisor's decision: an unbinding and a new deduction
// order take effect when the clerk records them, without review.
inline bool is_reviewed(CaseKind k) { return k == CaseKind::bind || k == CaseKind::rebind; }

// Rejection reasons (审核驳回原因) and unbinding reasons.
bool is_rejection_reason(std::string_view code);
const char* rejection_reason_label(std::string_view code);
bool is_unbind_reason(std::string_view code);
const char* unbind_reason_label(std::string_view code);

// The four-eyes rule: whoever submitted a case may never decide it, whatever their role.
inline bool may_decide(std::string_view submitter, std::string_view decider) { return submitter != decider; }

// "GJ20261122-000123": the China-time day and that day's sequence number.
std::string format_case_number(const CivilDate& day, long long sequence);

}  // namespace gongji::core
