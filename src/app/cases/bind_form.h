#pragma once
// A new binding at the window, without the window: what the clerk typed, read and captured, what
// it amounts to (the names, the eligibility, the checklist) judged once per change, and a
// submission whose outcome is a value. The binding dialog shows it and passes the clerk's keys
// to it; anything else that follows the application (the citizen's display) reads the same form.
#include <exception>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "app/trust/auth.h"
#include "app/cases/card_service.h"
#include "app/cases/case_service.h"
#include "app/cases/captured_papers.h"
#include "app/printing/printed_papers.h"
#include "app/platform/workspace.h"
#include "core/eligibility.h"
#include "core/policy.h"
#include "core/relation.h"

namespace gongji::app {

// What the form's inputs amount to.
struct BindView {
    enum class Verdict {
        incomplete,      // a number, the relation or the profile still missing
        eligible,
        papers_missing,  // eligible once the papers of the checklist are in: not a refusal
        not_eligible,
        failed,          // bad input, or a database that went away: `failure` says which
    };
    // A number typed in full that cannot be right, or an e-certificate's code scanned into it.
    struct IdProblem {
        bool of_authorizer = true;
        bool ecert_token = false;
        std::string code;  // core::check_id_number's first error, when not a token
        std::map<std::string, std::string> params = {};  // its values (a check character's expected one)
    };

    Verdict verdict = Verdict::incomplete;
    std::string authorizer_name, user_name;  // the roster's; empty for someone not in it
    std::string authorizer_region;           // the authorizer's pooling region, when in the roster
    std::vector<IdProblem> id_problems;      // incomplete only
    // incomplete: what the authorizer alone already fails; otherwise every reason of the verdict.
    std::vector<core::Reason> reasons;
    std::vector<core::DocumentNeed> checklist;  // empty until the application is complete
    std::set<core::DocumentType> attached;      // the papers, and the user's own card read here
    bool profile_not_for_region = false;        // a profile chosen by hand for another region
    std::exception_ptr failure;
};

// A card the clerk looks at before submitting again.
enum class CardWarning { ocr_mismatch, card_name_differs };

struct SubmitOutcome {
    enum class Kind { submitted, papers_missing, check_card, refused };
    Kind kind = Kind::refused;
    std::string case_number;                  // submitted
    std::vector<core::DocumentNeed> missing;  // papers_missing
    std::optional<CardWarning> card_check;    // check_card: the next submission says it was checked
    std::exception_ptr problem;               // check_card and refused: what to say
};

class BindForm {
public:
    // `authorizer`: the person on the clerk's card; `reads`: the cards already read for this
    // application there, kept with the case like those read in the form.
    BindForm(Workspace& ws, Actor actor, std::string authorizer = "", std::vector<CardRead> reads = {});

    void set_authorizer(const std::string& text);
    void set_user(const std::string& text);
    // The relations that fit the two people and `typed` (code, name or pinyin initials), best
    // first; the best chosen, or `keep` while it still fits. Nothing typed: nothing chosen.
    void type_relation(const std::string& typed, std::string keep = "");
    void choose_relation(std::size_t match);
    // The clerk's choice: not changed for them by the authorizer's region afterwards.
    void choose_profile(std::size_t index);
    // Before submission the paper goes with the application; after, to the case (BadInput,
    // Refused or a storage error when it cannot).
    void add_upload(const Upload& upload);
    // Takes back a paper captured by mistake (another citizen's scan, the wrong page) before
    // submission; false once submitted: the case's papers are removed from the case, audited.
    bool remove_upload(std::size_t index);
    // The kind of paper to capture next: the first the checklist still misses, if any.
    std::optional<core::DocumentType> next_missing_paper() const;
    // A card read on the window's reader, for the authorizer's field or the user's.
    void add_card_read(const CardRead& read, bool for_authorizer);

    const std::vector<core::PolicyProfile>& profiles() const { return profiles_; }
    std::optional<std::size_t> profile_index() const { return profile_; }
    const std::vector<core::Relation>& relation_matches() const { return matches_; }
    const std::string& relation() const { return relation_; }
    const std::string& authorizer() const { return authorizer_; }
    const std::string& user() const { return user_; }
    const std::vector<Upload>& uploads() const { return uploads_; }
    const std::vector<CardRead>& card_reads() const { return card_reads_; }
    const BindView& view() const { return view_; }
    const std::string& case_number() const { return case_number_; }
    // Both numbers valid, the relation and the profile chosen.
    bool complete() const;
    // Something typed or captured that closing would throw away.
    bool half_filled() const;
    // The citizen's papers as they stand: the letter to sign (until a signed one is captured),
    // and the receipt once submitted.
    std::vector<DocumentRequest> papers() const;

    SubmitOutcome submit();

private:
    void judge();
    void fit_profile();
    bool has_signed_letter() const;

    Workspace& ws_;
    Actor actor_;
    std::string initial_authorizer_;
    std::string authorizer_, user_, typed_relation_, relation_;
    std::vector<core::Relation> matches_;
    std::vector<core::PolicyProfile> profiles_;
    std::optional<std::string> agency_default_;
    std::optional<std::size_t> profile_;
    bool profile_by_hand_ = false;
    std::vector<Upload> uploads_;
    std::vector<CardRead> card_reads_;
    bool ocr_acknowledged_ = false, card_name_acknowledged_ = false;
    // One for every attempt of this submission: trying again after a lost connection finds the
    // case the first attempt saved, if it did, instead of making a second.
    const std::string request_key_ = new_request_key();
    std::string case_number_;
    BindView view_;
};

}  // namespace gongji::app
