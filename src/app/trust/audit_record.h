#pragma once
// What the audit log records of a case, a binding, or a rating and its follow-up. The chain hashes these texts, so their
// form is the audit log's own and stays as it is across releases: a new field is appended, none
// is renamed or reordered. The CLI's output is written elsewhere and may change freely.
#include <string>

#include "core/binding.h"
#include "core/case_record.h"
#include "core/rating.h"

namespace gongji::app {

std::string audit_record(const core::Case& c);
std::string audit_record(const core::Binding& b);
// A rating as it came, with its follow-up's due days when it opened one.
std::string audit_record(const core::StoredRating& r, const std::optional<core::FollowUp>& f);
// A follow-up's steps: contacted, settled and what was done.
std::string audit_record(const core::FollowUp& f);

}  // namespace gongji::app
