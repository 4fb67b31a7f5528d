#pragma once
// The case workflow (domain.md §7): bind applications submitted and reviewed, unbinding,
// deduction orders, renewal of legacy bindings. Every change is one transaction with its audit
// entries; decisions that depend on a person's bindings lock those people first, so windows
// sharing one database cannot together pass a limit.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/trust/auth.h"
#include "app/cases/card_service.h"
#include "app/cases/captured_papers.h"
#include "app/platform/errors.h"
#include "app/platform/workspace.h"
#include "core/binding.h"
#include "core/case_record.h"
#include "core/documents.h"
#include "core/eligibility.h"

namespace gongji::app {

// Refused("not_eligible") with the §5 reasons.
class NotEligible : public Refused {
public:
    explicit NotEligible(core::EligibilityResult result)
        : Refused("not_eligible"), result_(std::move(result)) {}
    const core::EligibilityResult& result() const { return result_; }

private:
    core::EligibilityResult result_;
};

struct BindApplication {
    std::string policy;
    std::string authorizer_id;
    std::string user_id;
    std::string relation;
    std::optional<core::CivilDate> date;          // the application date; default today
    std::vector<core::DocumentType> documents;    // types attached without a file (recorded only)
    std::vector<Upload> uploads;                  // files attached, stored with the case
    std::optional<std::string> cites_case;        // a rejected case this re-applies
    bool ocr_acknowledged = false;                // the clerk saw the OCR warning and goes on
    bool card_name_acknowledged = false;          // … and a card whose name differs from the roster's
    // The same for every attempt of one submission (new_request_key()): an attempt tried again
    // after its answer was lost finds the case the first one saved instead of making another.
    std::string request_key;
    // ID cards read on the window's reader for this application (the two people's are kept with
    // the case); the user's, valid that day, is "id_card_read" where the profile counts it.
    std::vector<CardRead> card_reads;
};

// A fresh idempotency key for one submission.
std::string new_request_key();

// Opens and submits a bind case (clerk or supervisor); approved at once where the profile
// version needs no review. An ID-card scan whose number, as OCR reads it, is neither of the two
// typed is Refused("ocr_mismatch") until the clerk acknowledges it; the acknowledgement is
// recorded on the case. OCR never fills a field and never approves anything.
core::Case submit_bind(Workspace& ws, const Actor& actor, const BindApplication& application);
// Supervisor only; never the submitter (four_eyes); already_decided when another got there first;
// not_eligible when the roster or other approvals changed since submission.
core::Case approve_case(Workspace& ws, const Actor& actor, const std::string& number);
// The verdict approval gives a submitted bind or rebind case: judged as of its application date,
// with its papers (a bind's), its own pending binding left out. What the supervisor sees.
core::EligibilityResult approval_verdict(Workspace& ws, const core::Case& c);
// A note is required with reason other.
core::Case reject_case(Workspace& ws, const Actor& actor, const std::string& number,
                       core::RejectionReason reason, const std::optional<std::string>& note);
// The submitter or a supervisor takes back a case not yet decided.
core::Case withdraw_case(Workspace& ws, const Actor& actor, const std::string& number);

// Ends the active binding of the pair at once.
core::Case unbind(Workspace& ws, const Actor& actor, const std::string& authorizer_id,
                  const std::string& user_id, core::UnbindReason reason);
// Sets the user's deduction order at once: `authorizers` lists every open binding's authorizer.
core::Case reorder(Workspace& ws, const Actor& actor, const std::string& user_id,
                   const std::vector<std::string>& authorizers);
// Renews a legacy binding under today's rules; reviewed like a bind case.
core::Case submit_rebind(Workspace& ws, const Actor& actor, const std::string& authorizer_id,
                         const std::string& user_id, std::vector<core::DocumentType> documents);

// The person card: roster fields and bindings in both directions.
struct PersonCard {
    core::Person person;
    std::vector<core::Binding> as_authorizer;
    std::vector<core::Binding> as_user;
    // What a clerk needs at a glance: open (pending or active) bindings against the limits, as in
    // force today, of the profile a new binding would be judged under (the agency's own where it
    // governs the person's region, else the region's; limits_policy empty when none does), and
    // the cases about this person still waiting for review.
    int open_as_authorizer = 0, open_as_user = 0;
    std::optional<std::string> limits_policy;  // the profile's title
    std::optional<int> max_users_per_authorizer, max_authorizers_per_user;
    std::vector<core::Case> waiting_cases;
    std::map<std::string, std::string> names;  // ID number → name of everyone on its bindings
};
// The person in the roster, if the text is a valid ID number of someone in it (as typed: the
// forgiving input of domain.md §3); nothing otherwise, never an error.
std::optional<core::Person> find_person(Workspace& ws, const std::string& id_text);
// BadInput for an invalid ID number or a person not in the roster. The look-up is logged as the
// actor's (app/trust/audit.h log_access), as bindings_of is.
PersonCard person_card(Workspace& ws, const Actor& actor, const std::string& id_number);
// The names of these people as the roster has them (one look-up for all; unknown ones left out).
std::map<std::string, std::string> names_of(Workspace& ws, const std::vector<std::string>& id_numbers);
std::vector<core::Binding> bindings_of(Workspace& ws, const Actor& actor, const std::string& id_number, bool as_user);

// A valid ID number in normal form, or BadInput naming the field.
std::string normalized_id(const std::string& text, const char* field);

core::Case find_case(Workspace& ws, const std::string& number);  // BadInput when unknown
// Finding cases at the window: any of number, person (either side), the China-time day it was
// created, its status and who created it. BadInput for a malformed ID number.
struct CaseSearch {
    std::optional<std::string> number, person, created_by, workstation;
    std::optional<core::CaseStatus> status;
    std::optional<core::CivilDate> date;
    std::optional<core::Channel> channel;
    int limit = 1000;
};
std::vector<core::Case> list_cases(Workspace& ws, const CaseSearch& search);
// The same cases with only what a list shows: 100,000 of them load in a fraction of the time.
std::vector<core::CaseSummary> list_case_summaries(Workspace& ws, const CaseSearch& search);

}  // namespace gongji::app
