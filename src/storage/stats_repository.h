#pragma once
// Counts and sums over a period for the agency's monthly figures, grouped in the database so
// that a year of a prefecture's settlements is never read row by row.
#include <optional>
#include <string>
#include <vector>

#include "storage/database.h"

namespace gongji::storage {

class StatsRepository {
public:
    explicit StatsRepository(Database& db) : db_(db) {}

    // Periods are UTC text, inclusive from, exclusive to.
    struct CaseCount {
        std::string kind, status, workstation, clerk;
        long long count = 0;
    };
    // Cases submitted in the period, by kind, status, window and clerk.
    std::vector<CaseCount> cases_submitted(const std::string& from, const std::string& to);
    struct Decision {
        std::string submitted_at, decided_at;  // UTC text
        std::optional<std::string> correction_asked_at, correction_answered_at;  // the clock paused between
        std::optional<int> promised_days;  // as promised when it was accepted
    };
    // Approvals and rejections made in the period (a withdrawal is not a decision).
    std::vector<Decision> decisions(const std::string& from, const std::string& to);

    struct BindingCount {
        std::string relation, region;  // the authorizer's pooling region
        long long count = 0;
    };
    std::vector<BindingCount> bindings_made(const std::string& from, const std::string& to);
    std::vector<BindingCount> bindings_ended(const std::string& from, const std::string& to);

    struct MoneyCount {
        bool recorded = false;  // the platform's records, or settlements split here
        std::string use, utc_hour;  // "2026-11-22T01"
        long long count = 0, mutual_aid_fen = 0;
    };
    // Mutual-aid payments in the period, by kind, use and UTC hour (for days in China time).
    std::vector<MoneyCount> mutual_aid(const std::string& from, const std::string& to);

private:
    Database& db_;
};

}  // namespace gongji::storage
