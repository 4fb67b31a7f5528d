#pragma once
// How Boost.Test prints the application's enums when a comparison fails: by their names.
#include <ostream>

#include "app/trust/auth.h"
#include "core/binding.h"
#include "core/case_rules.h"
#include "core/ledger.h"
#include "core/role.h"

namespace gongji::core {

inline std::ostream& operator<<(std::ostream& os, CaseStatus s) { return os << case_status_name(s); }
inline std::ostream& operator<<(std::ostream& os, CaseKind k) { return os << case_kind_name(k); }
inline std::ostream& operator<<(std::ostream& os, BindingStatus s) { return os << binding_status_name(s); }
inline std::ostream& operator<<(std::ostream& os, Role r) { return os << role_name(r); }
inline std::ostream& operator<<(std::ostream& os, LedgerKind k) { return os << ledger_kind_name(k); }
inline std::ostream& operator<<(std::ostream& os, DocumentType t) { return os << document_type_name(t); }

}  // namespace gongji::core

namespace gongji::app {

inline std::ostream& operator<<(std::ostream& os, PasswordChange c) {
    return os << (c == PasswordChange::none ? "none" : kPasswordChanges.code(c));
}

}  // namespace gongji::app
