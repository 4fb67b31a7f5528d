#pragma once
// Settlement imports, quota transfers and usage statements (domain.md §8).
#include <optional>
#include <string>
#include <vector>

#include "app/trust/audit.h"
#include "app/trust/auth.h"
#include "app/imports/roster_import.h"
#include "app/platform/workspace.h"
#include "core/json_writer.h"
#include "core/ledger.h"

namespace gongji::app {

struct SettleReport {
    size_t read = 0;
    size_t applied = 0;
    size_t duplicates = 0;
    size_t late = 0;      // applied after a later settlement on an account they draw on
    size_t findings = 0;  // of the fund-supervision check, in recorded settlements
    std::vector<RejectedLine> rejected;
};
// The report's counts as JSON members ("read", "applied", "duplicates", "late", "findings"): the
// CLI's output and the audit entry say them alike.
void write_counts(core::JsonWriter& w, const SettleReport& report);

// Admin only; one transaction per file; a setl_id seen before changes nothing. Takes either kind
// of file (interfaces.md): settlements to split, or the platform's records (recognised by their
// header), stored as recorded. Either is applied in time order, whatever the order of its lines.
SettleReport settle_file(Workspace& ws, const Actor& actor, const std::string& path,
                         Encoding encoding = Encoding::auto_detect);
SettleReport settle_text(Workspace& ws, std::string bytes, Encoding encoding, const AuditWho& who,
                         const std::string& source = "");

// Moves money from the authorizer's account into the quota of a cross-province binding
// (clerk or supervisor, at the window). Refused("quota_*") when the rules of the day say no.
long long reserve_quota(Workspace& ws, const Actor& actor, const std::string& authorizer_id,
                        const std::string& user_id, long long amount_fen, std::optional<long long> at = std::nullopt);

// Gives a binding's unused quota back to its authorizer (when the binding ends).
void return_quota(Workspace& ws, const AuditWho& who, long long binding_id, const std::string& authorizer_id,
                  const std::string& at);

struct StatementRow {
    core::SettlementRecord settlement;
    std::vector<core::LedgerEntry> entries;
};
struct Statement {
    std::vector<StatementRow> rows;
    long long amount_fen = 0, own_fen = 0, mutual_aid_fen = 0, cash_fen = 0;
};
// Dates inclusive, in China time. BadInput for an invalid ID number or dates. Logged as the
// actor's look-up (app/trust/audit.h log_access), `printed` or shown. An authorizer's statement shows
// only that authorizer's account: each row is what the settlement drew from it (amount and
// mutual aid both), with their balance; no own account, other authorizer or cash.
Statement statement(Workspace& ws, const Actor& actor, bool of_user, const std::string& id_number,
                    const core::CivilDate& from, const core::CivilDate& to, bool printed = false);

}  // namespace gongji::app
