#pragma once
// Cases (办件) and their numbers.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "storage/database.h"

namespace soci {
class row;
}

namespace gongji::storage {

struct CaseRecord {
    long long id = 0;
    std::string number;
    std::string kind;    // bind, unbind, reorder, rebind
    std::string status;  // draft, submitted, approved, rejected, withdrawn
    std::optional<std::string> policy;
    std::optional<std::string> authorizer_id;
    std::string user_id;
    std::optional<std::string> relation;
    std::string application_date;
    std::string documents;  // comma-separated document types
    std::optional<long long> binding_id;
    std::string detail;     // JSON: what the case asks for beyond the columns (a new order, …)
    std::optional<std::string> cites_case;
    std::optional<std::string> reason;
    std::optional<std::string> note;
    std::string created_by;
    std::string workstation;
    std::string created_at;
    std::optional<std::string> submitted_at;
    std::optional<std::string> decided_by;
    std::optional<std::string> decided_at;
};

// What a list of cases shows of each; the whole case is read when one is chosen.
struct CaseSummary {
    std::string number, kind, status, user_id, user_name, created_by;
    std::string waiting_since;  // submitted_at, else created_at (UTC)
};

struct CaseFilter {
    std::optional<std::string> status;
    std::optional<std::string> person;  // authorizer or user ID number
    std::optional<std::string> number;
    std::optional<std::string> created_from, created_before;  // UTC instants, as stored
    std::optional<std::string> created_by;
    std::optional<std::string> workstation;  // where it was taken in
    int limit = 1000;
};

class CaseRepository {
public:
    explicit CaseRepository(Database& db) : db_(db) {}

    // The next number of `day` ("20261122"), unique across workstations; within the caller's
    // transaction, so a rolled-back case leaves its number unused.
    long long next_sequence(const std::string& day);
    long long insert(const CaseRecord& c);  // returns the id
    std::optional<CaseRecord> find(const std::string& number, bool for_update = false);
    std::string number_of(long long case_id);
    std::vector<CaseRecord> list(const CaseFilter& filter);
    std::vector<CaseSummary> summaries(const CaseFilter& filter);  // the same cases, lean
    // Moves the case from `from` to the record's status and decision fields; false when the case
    // was no longer in `from` (another workstation got there first).
    bool update_status(const CaseRecord& c, const std::string& from);
    void set_binding(long long case_id, std::optional<long long> binding_id);
    void set_documents(long long case_id, const std::string& documents);

private:
    void select(const CaseFilter& f, const char* columns, const char* tables,
                const std::function<void(const soci::row&)>& each);
    Database& db_;
};

}  // namespace gongji::storage
