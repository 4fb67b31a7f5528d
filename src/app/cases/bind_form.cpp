#include "app/cases/bind_form.h"

#include <algorithm>

#include "app/cases/case_service.h"
#include "app/platform/clock.h"
#include "app/cases/eligibility_service.h"
#include "app/platform/errors.h"
#include "app/setup/policy_service.h"
#include "core/id_number.h"

namespace gongji::app {

BindForm::BindForm(Workspace& ws, Actor actor, std::string authorizer, std::vector<CardRead> reads)
    : ws_(ws), actor_(std::move(actor)), initial_authorizer_(authorizer), authorizer_(std::move(authorizer)),
      profiles_(list_policies(ws)), agency_default_(default_policy(ws)), card_reads_(std::move(reads)) {
    // The agency's own profile first, as the administrator set it, until the authorizer's pooling
    // region says which profile governs him.
    for (std::size_t i = 0; i < profiles_.size(); ++i)
        if (agency_default_ && profiles_[i].name == *agency_default_) profile_ = i;
    if (!profile_ && !profiles_.empty()) profile_ = 0;
    type_relation("");
}

void BindForm::set_authorizer(const std::string& text) {
    authorizer_ = text;
    type_relation(typed_relation_, relation_);  // what fits the two people may have changed
}

void BindForm::set_user(const std::string& text) {
    user_ = text;
    type_relation(typed_relation_, relation_);
}

void BindForm::type_relation(const std::string& typed, std::string keep) {
    typed_relation_ = typed;  // `keep` a copy: it is often relation_, cleared below
    // What the two ID numbers say of the people: relations that cannot hold are not offered.
    core::RelationPeople people;
    const auto today = china_today();
    auto a = core::check_id_number(authorizer_, today);
    auto u = core::check_id_number(user_, today);
    if (a.valid) people.authorizer_gender = a.gender, people.authorizer_birth = a.birth_date;
    if (u.valid) people.user_gender = u.gender, people.user_birth = u.birth_date;
    matches_ = core::suggest_relations(typed.c_str(), people);
    relation_.clear();
    if (!typed.empty() && !matches_.empty()) {
        relation_ = matches_.front().code;
        auto kept = std::find_if(matches_.begin(), matches_.end(), [&](const core::Relation& r) { return r.code == keep; });
        if (!keep.empty() && kept != matches_.end()) relation_ = keep;
    }
    judge();
}

void BindForm::choose_relation(std::size_t match) {
    if (match >= matches_.size()) return;
    relation_ = matches_[match].code;
    judge();
}

void BindForm::choose_profile(std::size_t index) {
    if (index >= profiles_.size()) return;
    profile_ = index;
    profile_by_hand_ = true;
    judge();
}

void BindForm::add_upload(const Upload& upload) {
    if (!case_number_.empty()) attach_document(ws_, actor_, case_number_, upload);
    uploads_.push_back(upload);
    judge();
}

bool BindForm::remove_upload(std::size_t index) {
    if (!case_number_.empty() || index >= uploads_.size()) return false;
    uploads_.erase(uploads_.begin() + static_cast<std::ptrdiff_t>(index));
    judge();
    return true;
}

std::optional<core::DocumentType> BindForm::next_missing_paper() const {
    for (const auto& need : view_.checklist)
        if (!need.any_of.empty() && !core::is_satisfied(need, view_.attached)) return need.any_of.front();
    return std::nullopt;
}

void BindForm::add_card_read(const CardRead& read, bool for_authorizer) {
    auto same = [&](const CardRead& r) { return r.card.id_number == read.card.id_number; };
    card_reads_.erase(std::remove_if(card_reads_.begin(), card_reads_.end(), same), card_reads_.end());
    card_reads_.push_back(read);
    (for_authorizer ? authorizer_ : user_) = read.card.id_number;
    type_relation(typed_relation_, relation_);
}

bool BindForm::complete() const {
    const auto today = china_today();
    return core::check_id_number(authorizer_, today).valid && core::check_id_number(user_, today).valid &&
           !relation_.empty() && profile_.has_value();
}

bool BindForm::half_filled() const {
    return case_number_.empty() &&
           (!user_.empty() || !typed_relation_.empty() || !uploads_.empty() || authorizer_ != initial_authorizer_);
}

bool BindForm::has_signed_letter() const {
    return std::any_of(uploads_.begin(), uploads_.end(),
                       [](const Upload& u) { return u.type == core::DocumentType::commitment_letter; });
}

std::vector<DocumentRequest> BindForm::papers() const {
    std::vector<DocumentRequest> papers;
    auto of_case = [&](Paper kind) {
        DocumentRequest request;
        request.kind = kind;
        request.case_number = case_number_;
        return request;
    };
    if (!case_number_.empty()) {
        if (!has_signed_letter()) papers.push_back(of_case(Paper::commitment));
        papers.push_back(of_case(Paper::receipt));
    } else if (complete() && !has_signed_letter()) {  // signed before submission, it may stand in for proof
        DocumentRequest letter;
        letter.kind = Paper::commitment;
        letter.policy = profiles_[*profile_].name;
        letter.authorizer = authorizer_;
        letter.user = user_;
        letter.relation = relation_;
        papers.push_back(letter);
    }
    return papers;
}

void BindForm::fit_profile() {
    if (profile_by_hand_ || view_.authorizer_region.empty()) return;
    auto name = policy_for_region(profiles_, agency_default_, view_.authorizer_region);
    for (std::size_t i = 0; name && i < profiles_.size(); ++i)
        if (profiles_[i].name == *name) profile_ = i;
}

void BindForm::judge() {
    // The names beside the numbers, to compare with the ID cards on the counter.
    auto authorizer = find_person(ws_, authorizer_);
    auto user = find_person(ws_, user_);
    view_.authorizer_name = authorizer ? authorizer->name : "";
    view_.user_name = user ? user->name : "";
    view_.authorizer_region = authorizer ? authorizer->pooling_region : "";
    view_.attached.clear();
    for (const auto& up : uploads_) view_.attached.insert(up.type);
    if (proves_identity(card_reads_, core::id_input(user_))) view_.attached.insert(core::DocumentType::id_card_read);
    if (!case_number_.empty()) return;  // submitted: the case is what it was judged to be
    fit_profile();

    view_.id_problems.clear();
    view_.reasons.clear();
    view_.checklist.clear();
    view_.profile_not_for_region = false;
    view_.failure = nullptr;
    if (!complete()) {
        view_.verdict = BindView::Verdict::incomplete;
        // A number typed in full that cannot be right is said at once, before anything else.
        for (bool of_authorizer : {true, false}) {
            auto text = core::id_input(of_authorizer ? authorizer_ : user_);
            if (core::looks_like_ecert_token(text)) {
                view_.id_problems.push_back({of_authorizer, true, ""});
                continue;
            }
            auto check = core::check_id_number(text, china_today());
            if (core::character_count(text) >= 15 && !check.valid)
                view_.id_problems.push_back({of_authorizer, false, check.errors.front().code, check.errors.front().params});
        }
        // The authorizer alone may already be refused (黄明 at 7 of 7): said before any paper.
        if (!view_.authorizer_region.empty() && profile_) {
            try {
                view_.reasons = authorizer_reasons(ws_, profiles_[*profile_].name, authorizer_);
            } catch (const std::exception&) {  // the database went away: said when submitting
            }
        }
        return;
    }
    const auto& profile = profiles_[*profile_];
    view_.profile_not_for_region = !view_.authorizer_region.empty() && !profile.governs(view_.authorizer_region);
    try {
        auto result = check_eligibility(ws_, {profile.name, authorizer_, user_, relation_, std::nullopt, view_.attached});
        view_.checklist = result.documents_needed;
        view_.reasons = result.reasons;
        view_.verdict = result.eligible                         ? BindView::Verdict::eligible
                        : core::only_papers_missing(result.reasons) ? BindView::Verdict::papers_missing
                                                                : BindView::Verdict::not_eligible;
    } catch (const std::exception&) {  // bad input, or a database that went away
        view_.verdict = BindView::Verdict::failed;
        view_.failure = std::current_exception();
    }
}

SubmitOutcome BindForm::submit() {
    BindApplication application;
    application.policy = profile_ ? profiles_[*profile_].name : "";
    application.authorizer_id = authorizer_;
    application.user_id = user_;
    application.relation = relation_;
    application.uploads = uploads_;
    application.card_reads = card_reads_;
    application.ocr_acknowledged = ocr_acknowledged_;
    application.card_name_acknowledged = card_name_acknowledged_;
    application.request_key = request_key_;
    SubmitOutcome outcome;
    try {
        case_number_ = submit_bind(ws_, actor_, application).number;
        outcome.kind = SubmitOutcome::Kind::submitted;
        outcome.case_number = case_number_;
    } catch (const NotEligible& e) {  // nothing stored
        outcome.problem = std::current_exception();
        if (core::only_papers_missing(e.result().reasons)) {
            outcome.kind = SubmitOutcome::Kind::papers_missing;
            for (const auto& need : e.result().documents_needed)
                if (need.satisfied == false) outcome.missing.push_back(need);
        }
    } catch (const Refused& e) {
        outcome.problem = std::current_exception();
        // The clerk looks at the card; submitting again says it was checked.
        if (e.code() == "ocr_mismatch") outcome.card_check = CardWarning::ocr_mismatch, ocr_acknowledged_ = true;
        if (e.code() == "card_name_differs") outcome.card_check = CardWarning::card_name_differs, card_name_acknowledged_ = true;
        if (outcome.card_check) outcome.kind = SubmitOutcome::Kind::check_card;
    } catch (const std::exception&) {  // bad input, or a database that went away: nothing stored
        outcome.problem = std::current_exception();
    }
    return outcome;
}

}  // namespace gongji::app
