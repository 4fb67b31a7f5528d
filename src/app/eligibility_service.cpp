#include "app/eligibility_service.h"

#include "app/errors.h"
#include "app/policy_service.h"
#include "app/stores.h"
#include "core/id_number.h"

namespace gongji::app {

core::EligibilityResult check_eligibility(Workspace& ws, const EligibilityQuery& q, long long except_binding) {
    auto profile = load_policy(ws, q.policy);
    core::EligibilityRequest request{q.authorizer_id, q.user_id, q.relation,
                                     q.date.value_or(china_today()), q.documents};

    auto lookup = [&](const std::string& text) -> std::optional<core::Person> {
        std::string id;
        if (!core::normalize_id_number(text, request.application_date, id)) return std::nullopt;
        return stores(ws).persons.find(id);
    };
    auto authorizer = lookup(q.authorizer_id);
    auto user = lookup(q.user_id);

    core::EligibilityFacts facts;
    facts.authorizer = authorizer ? &*authorizer : nullptr;
    facts.user = user ? &*user : nullptr;
    auto& bindings = stores(ws).bindings;
    if (authorizer) facts.authorizer_open_bindings = bindings.count_open_as_authorizer(authorizer->id_number, except_binding);
    if (user) facts.user_open_bindings = bindings.count_open_as_user(user->id_number, except_binding);
    if (authorizer && user)
        facts.duplicate = bindings.open_pair_exists(authorizer->id_number, user->id_number, except_binding);

    try {
        return core::evaluate_eligibility(profile, request, facts, &ws.regions());
    } catch (const core::EligibilityInputError& e) {
        throw BadInput(e.field() + ": " + e.what());
    }
}

std::vector<core::Reason> authorizer_reasons(Workspace& ws, const std::string& policy, const std::string& authorizer_id) {
    // The whole check with no relative: the rules that need only the authorizer still speak.
    EligibilityQuery q{policy, authorizer_id, "", "10", std::nullopt, std::nullopt};
    std::vector<core::Reason> out;
    for (auto& r : check_eligibility(ws, q).reasons)
        if (r.subject == "authorizer" && r.code != "id_invalid") out.push_back(std::move(r));
    return out;
}

}  // namespace gongji::app
