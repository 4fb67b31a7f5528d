#pragma once
// What an entry of the access log says was read (the record written by log_access), typed for
// whoever shows it: the audit administrator's panel chooses its words by `what`, not by the
// strings of the record.
#include <optional>
#include <string>

#include "core/audit_chain.h"
#include "core/documents.h"

namespace gongji::app {

struct DataRead {
    enum class What { card, bindings_as_user, bindings_as_authorizer, statement, paper, other };
    What what = What::other;
    std::string from, to;  // a statement's period
    bool printed = false;  // a statement printed, not only shown
    std::optional<core::DocumentType> paper_type;
    std::string paper_type_code, paper_case;  // a paper's, as recorded
    std::string record;                       // the entry's record, for what is none of these
};

DataRead data_read(const core::AuditEntry& entry);

}  // namespace gongji::app
