#pragma once
// What the audit log records of a case or a binding. The chain hashes these texts, so their
// form is the audit log's own and stays as it is across releases: a new field is appended, none
// is renamed or reordered. The CLI's output is written elsewhere and may change freely.
#include <string>

#include "core/binding.h"
#include "core/case_record.h"

namespace gongji::app {

std::string audit_record(const core::Case& c);
std::string audit_record(const core::Binding& b);

}  // namespace gongji::app
