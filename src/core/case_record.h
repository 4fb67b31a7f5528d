#pragma once
// A case (办件) as kept: what was asked, by whom, where it stands (domain.md §7).
#include <optional>
#include <set>
#include <string>

#include "core/case_rules.h"
#include "core/documents.h"
#include "core/instant.h"

namespace gongji::core {

// The one request for papers a case may get (一次性告知): every paper missing or unclear, a note,
// and the day it must be answered by. The time limit does not run while it waits.
struct Correction {
    std::set<DocumentType> missing;
    std::string note;
    CivilDate due;
    Instant asked_at;
    CaseStatus asked_from = CaseStatus::submitted;  // where the case goes back to when answered
    std::optional<Instant> answered_at;
};

struct Case {
    long long id = 0;
    std::string number;
    CaseKind kind = CaseKind::bind;
    CaseStatus status = CaseStatus::draft;
    std::optional<std::string> policy;
    std::optional<std::string> authorizer_id;
    std::string user_id;
    std::optional<std::string> relation;
    CivilDate application_date;
    std::set<DocumentType> documents;
    std::optional<long long> binding_id;
    std::string detail;  // JSON: what the case asks for beyond the columns (a new order, …)
    std::optional<std::string> cites_case;
    std::optional<std::string> reason;
    std::optional<std::string> note;
    std::string created_by;
    std::string workstation;
    Instant created_at;
    std::optional<Instant> submitted_at;
    std::optional<std::string> decided_by;
    std::optional<Instant> decided_at;
    std::optional<std::string> request_key;  // the window's idempotency key of the submission
    // Where it came from (domain.md §9): at the window the apply_no is the case number.
    Channel channel = Channel::window;
    std::optional<Via> via;
    std::optional<std::string> apply_no;
    std::optional<std::string> item_code;  // 事项编码, the agency's for the kind when it was made
    std::optional<int> promised_days;      // processing_days when it was accepted: its time limit
    std::optional<Correction> correction;
    // 送达: when the decision reached the applicant, and how ("window": the signed 送达回执;
    // "channel": the online channel showed it).
    std::optional<Instant> delivered_at;
    std::optional<std::string> delivered_how;

    const std::string& service_number() const { return apply_no ? *apply_no : number; }
    bool has_document(DocumentType t) const;
    bool is_decided() const { return status == CaseStatus::approved || status == CaseStatus::rejected; }
    // Waiting for a person at the agency: to be accepted, or to be decided.
    bool is_waiting() const { return status == CaseStatus::applied || status == CaseStatus::submitted; }
};

// What a list of cases shows of each; the whole case is read when one is chosen.
struct CaseSummary {
    std::string number;
    CaseKind kind = CaseKind::bind;
    CaseStatus status = CaseStatus::draft;
    Channel channel = Channel::window;
    std::string user_id, user_name, created_by;
    std::string apply_no;  // the channel's number of an online application, else empty or the case's
    Instant waiting_since;  // submitted, else created
    // The correction asked for, if any: its due day, and the time it held the clock.
    std::optional<CivilDate> correction_due;
    std::optional<Instant> correction_asked_at, correction_answered_at;
    // Waiting for a decision where the agency promises a number of working days: when it is due,
    // and the working days left after today (0 on the day and after it).
    std::optional<int> promised_days;  // as the case has it
    std::optional<CivilDate> due;
    int working_days_left = 0;
    bool overdue = false;  // the due day has passed
};

class JsonWriter;
// The correction as a JSON value (null for none): what the audit record and the CLI both say of it.
void write_correction(JsonWriter& w, const std::optional<Correction>& correction);

// "hukou,id_card" ↔ the types, as the database keeps a case's list (unknown names are dropped).
std::string join_document_types(const std::set<DocumentType>& types);
std::set<DocumentType> split_document_types(std::string_view text);

}  // namespace gongji::core
