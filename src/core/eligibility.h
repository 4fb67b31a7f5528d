#pragma once
// Eligibility of a bind case (domain.md §5): every failing rule, with the rule that decided it.
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/documents.h"
#include "core/issue.h"
#include "core/person.h"
#include "core/policy.h"

namespace gongji::core {

class RegionTable;

struct EligibilityRequest {
    std::string authorizer_id;  // as typed
    std::string user_id;
    std::string relation_code;  // GB/T 4761
    CivilDate application_date;
    std::optional<std::set<DocumentType>> documents;  // nullopt: pre-check, documents not judged
};

// What the application layer looked up for the request.
struct EligibilityFacts {
    const Person* authorizer = nullptr;  // nullptr: not in the roster
    const Person* user = nullptr;
    int authorizer_open_bindings = 0;  // pending + active, with this person as authorizer
    int user_open_bindings = 0;        // pending + active, with this person as user
    bool duplicate = false;            // this authorizer → user is already pending or active
};

// The reason code of papers still to come: eligible once they are in, not a refusal.
inline constexpr const char* kDocumentsMissing = "documents_missing";

struct Reason {
    std::string code;     // stable, from §5
    std::string subject;  // "authorizer" or "user"
    std::string message;  // Chinese, for the screen and printouts
    std::string rule;     // "guangxi@2024-09-01.relations", or a base rule "base.status"
    // What the message is made of, for other languages: counts, limits, codes, dates.
    std::map<std::string, std::string> params = {};
};

struct EligibilityResult {
    bool eligible = false;
    std::vector<Reason> reasons;
    std::vector<Issue> warnings;
    std::vector<DocumentNeed> documents_needed;  // the checklist, when the relation is eligible
    std::optional<PolicyVersion> version;  // the version in force (a copy: it outlives the profile)
};

// Input that is not a question of eligibility: an unknown relation code, or a date before the
// profile's first version. The application reports it as bad input.
// Whether every reason is a paper still to come.
bool only_papers_missing(const std::vector<Reason>& reasons);

class EligibilityInputError : public std::invalid_argument {
public:
    EligibilityInputError(std::string field, const std::string& message)
        : std::invalid_argument(message), field_(std::move(field)) {}
    const std::string& field() const { return field_; }

private:
    std::string field_;
};

EligibilityResult evaluate_eligibility(const PolicyProfile& profile,
                                       const EligibilityRequest& request,
                                       const EligibilityFacts& facts,
                                       const RegionTable* regions = nullptr);

}  // namespace gongji::core
