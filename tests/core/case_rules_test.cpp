// Pins the case lifecycle of domain.md §7: every edge that exists and every one that does not,
// the coded reasons, the four-eyes rule and case numbers.
#include <boost/test/unit_test.hpp>

#include "core/case_rules.h"
#include "core/policy.h"

using namespace gongji::core;

BOOST_AUTO_TEST_SUITE(case_rules)

BOOST_AUTO_TEST_CASE(a_case_moves_only_along_its_edges) {
    using S = CaseStatus;
    using A = CaseAction;
    struct Edge { S from; A action; std::optional<S> to; };
    const Edge edges[] = {
        {S::draft, A::submit, S::submitted},      {S::draft, A::withdraw, S::withdrawn},
        {S::draft, A::approve, std::nullopt},     {S::draft, A::reject, std::nullopt},
        {S::submitted, A::approve, S::approved},  {S::submitted, A::reject, S::rejected},
        {S::submitted, A::withdraw, S::withdrawn}, {S::submitted, A::submit, std::nullopt},
    };
    for (const auto& e : edges)
        BOOST_TEST_CONTEXT(case_status_name(e.from) << " --" << case_action_name(e.action) << "-->") {
            BOOST_TEST((next_status(e.from, e.action) == e.to));
        }
    // Decided cases are never edited.
    for (auto final_state : {S::approved, S::rejected, S::withdrawn}) {
        BOOST_TEST(is_final(final_state));
        for (auto a : {A::submit, A::approve, A::reject, A::withdraw})
            BOOST_TEST_CONTEXT(case_status_name(final_state) << " " << case_action_name(a)) {
                BOOST_TEST(!next_status(final_state, a).has_value());
            }
    }
}

BOOST_AUTO_TEST_CASE(reasons_are_coded) {
    for (auto code : {"documents_unclear", "relation_unproven", "information_mismatch", "not_eligible", "other"})
        BOOST_TEST_CONTEXT(code) {
            BOOST_TEST(kRejectionReasons.parse(code).has_value());
            BOOST_TEST(std::string(rejection_reason_label(code)).size() > 0u);
        }
    BOOST_TEST(!kRejectionReasons.parse("bad_mood"));
    for (auto code : {"request", "divorce", "death", "other"})
        BOOST_TEST_CONTEXT(code) { BOOST_TEST(kUnbindReasons.parse(code).has_value()); }
    BOOST_TEST(!kUnbindReasons.parse(kAutomaticUnbindReason));  // only the roster import ends bindings so
    BOOST_TEST(std::string(unbind_reason_label(kAutomaticUnbindReason)).size() > 0u);  // … and its papers say so
    BOOST_TEST(!kUnbindReasons.parse("whim"));
}

// Every coded enumeration reads back what it writes, and names every value once.
BOOST_AUTO_TEST_CASE(code_tables_round_trip) {
    for (const auto& row : kCaseStatuses) BOOST_TEST((kCaseStatuses.parse(row.code) == row.value), row.code);
    for (const auto& row : kCaseKinds) BOOST_TEST((kCaseKinds.parse(kCaseKinds.code(row.value)) == row.value), row.code);
    BOOST_TEST(kUnbindReasons.listed() == "request, divorce, death or other");
    BOOST_TEST(std::string(kCaseStatuses.code(static_cast<CaseStatus>(99))).empty());
}

BOOST_AUTO_TEST_CASE(the_submitter_never_decides) {
    BOOST_TEST(!may_decide("super", "super"));
    BOOST_TEST(may_decide("clerk", "super"));
}

BOOST_AUTO_TEST_CASE(case_numbers_carry_the_day_and_a_sequence) {
    BOOST_TEST(format_case_number({2026, 11, 22}, 1) == "GJ20261122-000001");
    BOOST_TEST(format_case_number({2026, 1, 5}, 123456) == "GJ20260105-123456");
    BOOST_TEST(format_case_number({2026, 1, 5}, 1234567) == "GJ20260105-1234567");
    BOOST_TEST(parse_case_kind("rebind").has_value());
    BOOST_TEST(!parse_case_kind("merge").has_value());
}

BOOST_AUTO_TEST_CASE(bindings_end_by_themselves_on_termination_or_leaving_the_scope) {
    PolicyVersion province;
    province.scope = Scope::province;
    BOOST_TEST(!binding_ends_automatically(1, 1, &province, "450800", "450100"));
    BOOST_TEST(binding_ends_automatically(4, 1, &province, "450800", "450800"));
    BOOST_TEST(binding_ends_automatically(1, 4, &province, "450800", "450800"));
    BOOST_TEST(binding_ends_automatically(1, 1, &province, "450800", "440700"));
    BOOST_TEST(!binding_ends_automatically(1, 2, &province, "450800", "450800"));  // suspended: kept
}

BOOST_AUTO_TEST_SUITE_END()
