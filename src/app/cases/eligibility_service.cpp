#include "app/cases/eligibility_service.h"

#include "app/platform/errors.h"
#include "app/setup/policy_service.h"
#include "app/platform/stores.h"
#include "core/id_number.h"

namespace gongji::app {

core::EligibilityResult check_eligibility(Workspace& ws, const EligibilityQuery& q, long long except_binding,
                                          const core::PolicyProfile* loaded) {
    auto profile = loaded ? *loaded : load_policy(ws, q.policy);
    core::EligibilityRequest request{q.authorizer_id, q.user_id, q.relation,
                                     q.date.value_or(china_today()), q.documents};

    // Both people in one look-up; an invalid ID number finds nobody.
    std::string authorizer_id, user_id;
    if (!core::normalize_id_number(q.authorizer_id, request.application_date, authorizer_id)) authorizer_id.clear();
    if (!core::normalize_id_number(q.user_id, request.application_date, user_id)) user_id.clear();
    auto people = stores(ws).persons.find_two(authorizer_id, user_id);
    auto found = [&](const std::string& id) -> std::optional<core::Person> {
        auto p = people.find(id);
        if (id.empty() || p == people.end()) return std::nullopt;
        return p->second;
    };
    auto authorizer = found(authorizer_id);
    auto user = found(user_id);

    core::EligibilityFacts facts;
    facts.authorizer = authorizer ? &*authorizer : nullptr;
    facts.user = user ? &*user : nullptr;
    if (authorizer || user) {
        auto open = stores(ws).bindings.open_counts(authorizer ? authorizer->id_number : "",
                                                    user ? user->id_number : "", except_binding);
        facts.authorizer_open_bindings = open.as_authorizer;
        facts.user_open_bindings = open.as_user;
        facts.duplicate = open.pair > 0;
    }

    try {
        return core::evaluate_eligibility(profile, request, facts, &ws.regions());
    } catch (const core::EligibilityInputError& e) {
        const auto message = e.field() + ": " + e.what();
        if (e.field() == "relation") throw BadInput(message, {"relation_unknown", {{"relation", request.relation_code}}});
        throw BadInput(message, {"date_before_profile", {{"date", request.application_date.to_string()}}});
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
