#pragma once
// One settlement import at work, inside the caller's transaction: settlements applied in time
// order against balances kept in memory, their rows streamed to the database in bulk, the
// accounts written back at the end (domain.md §8).
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "app/money/settlement_register.h"
#include "app/platform/workspace.h"
#include "core/ledger.h"
#include "core/recorded_settlement.h"
#include "core/settlement.h"

namespace gongji::storage {
class LedgerRepository;
class SettlementWriter;
}  // namespace gongji::storage

namespace gongji::app {

class SettlementRun {
public:
    explicit SettlementRun(Workspace& ws);
    ~SettlementRun();

    void preload_accounts() { accounts_.preload(); }

    enum class Outcome { applied, duplicate, conflict, unknown_user };
    struct Result {
        Outcome outcome = Outcome::applied;
        bool late = false;
        std::vector<core::Finding> findings;  // of a recorded settlement
    };
    // What the last Outcome::conflict clashed with: the message and its params.
    struct Conflict {
        std::string message;
        std::map<std::string, std::string> params;
    };
    const Conflict& last_conflict() const { return conflict_; }

    // A part of the file, already in time order: the setl_ids are looked up in a few queries,
    // and what the part writes goes to the database in bulk before the next part.
    // `each(i, result)` is told what became of part[i].
    template <class Item, class Each>
    void apply_part(const std::vector<Item>& part, const std::vector<std::size_t>& lines,
                    const std::string& imported_at, Each&& each) {
        std::vector<std::string> ids;
        ids.reserve(part.size());
        for (const auto& s : part) ids.push_back(s.setl_id);
        start_part(ids);
        for (std::size_t i = 0; i < part.size(); ++i) {
            Result result;
            if (!is_new(part[i].setl_id, identity(part[i]), lines[i], result)) {
                each(i, result);
                continue;
            }
            apply(part[i], imported_at, result);
            each(i, result);
        }
        end_part();
    }

    void write_back();

private:
    static core::SettlementIdentity identity(const core::Settlement& s);
    static core::SettlementIdentity identity(const core::RecordedSettlement& s);
    void start_part(const std::vector<std::string>& ids);
    void end_part();
    // False for a duplicate or a conflict (set in `result`); a new one is remembered.
    bool is_new(const std::string& setl_id, const core::SettlementIdentity& identity, std::size_t line, Result& result);
    void apply(const core::Settlement& s, const std::string& imported_at, Result& result);
    void apply(core::RecordedSettlement s, const std::string& imported_at, Result& result);
    // Whether a settlement at `t` comes after a later one on any of these accounts.
    static bool late(long long t, const std::vector<AccountBook::Account*>& accounts);

    Workspace& ws_;
    BindingRegister register_;
    AccountBook accounts_;
    storage::LedgerRepository& ledger_;
    std::unique_ptr<storage::SettlementWriter> writer_;  // made with the first part
    std::unordered_map<std::string, core::SettlementIdentity> stored_;  // of the current part
    struct Seen {
        core::SettlementIdentity identity;
        std::size_t line;
    };
    std::unordered_map<std::string, Seen> seen_;  // recorded by this import
    std::map<long long, long long> quotas_;
    std::unordered_set<long long> quotas_dirty_;
    Conflict conflict_;
    long long applied_seq_ = 0;  // the last given
};

}  // namespace gongji::app
