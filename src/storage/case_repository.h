#pragma once
// Cases (办件) and their numbers.
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/case_record.h"
#include "storage/database.h"

namespace soci {
class row;
}

namespace gongji::storage {

using CaseRecord = core::Case;
using core::CaseSummary;

struct CaseFilter {
    std::optional<core::CaseStatus> status;
    std::optional<std::string> person;  // authorizer or user ID number
    std::optional<std::string> number;  // any case whose number holds it: whole or a part
    std::optional<core::Instant> created_from, created_before;
    std::optional<std::string> created_by;
    std::optional<std::string> workstation;  // where it was taken in
    std::optional<core::Channel> channel;
    int limit = 1000;
};

class CaseRepository {
public:
    explicit CaseRepository(Database& db) : db_(db) {}

    // The next number of `day` ("20261122"), unique across workstations. Outside a transaction
    // it commits at once (a case rolled back afterwards leaves its number unused).
    long long next_sequence(const std::string& day);
    long long insert(const CaseRecord& c);  // returns the id
    std::optional<CaseRecord> find(const std::string& number, bool for_update = false);
    // Locks the case's two people until the transaction ends, in key order, in one statement
    // (PostgreSQL; SQLite's immediate transactions already run one at a time).
    void lock_people_of(const std::string& number);
    std::string number_of(long long case_id);
    // The case a submission with this idempotency key made, if it was saved.
    std::optional<std::string> number_of_request(const std::string& key);
    std::vector<CaseRecord> list(const CaseFilter& filter);
    std::vector<CaseSummary> summaries(const CaseFilter& filter);  // the same cases, lean
    void for_each(const std::function<void(const CaseRecord&)>& each);  // every case, in no order
    // Moves the case from `from` to the record's status and decision fields; false when the case
    // was no longer in `from` (another workstation got there first).
    bool update_status(const CaseRecord& c, core::CaseStatus from);
    void set_binding(long long case_id, std::optional<long long> binding_id);
    // The cases of each authorizer for each of these users, oldest first, in a few queries of
    // many keys each: by (authorizer, user), each case's number and when it was opened (UTC text).
    std::map<std::pair<std::string, std::string>, std::vector<std::pair<std::string, std::string>>> numbers_for_users(
        const std::vector<std::string>& user_ids);
    void set_documents(long long case_id, const std::set<core::DocumentType>& documents);
    // The cases waiting for papers whose correction was due before `today`, oldest first.
    std::vector<std::string> corrections_due_before(const core::CivilDate& today);
    // The case an online channel's 办件号 names.
    std::optional<std::string> number_of_application(core::Via via, const std::string& apply_no);
    // The cases a 办件号 names: the window's case of that number, or online applications of any
    // channel with that apply_no (at most two are read: one is the answer, two are ambiguous).
    std::vector<std::string> numbers_of_service(const std::string& apply_no);

private:
    void select(const CaseFilter& f, const char* columns, const char* tables,
                const std::function<void(const soci::row&)>& each);
    Database& db_;
};

}  // namespace gongji::storage
