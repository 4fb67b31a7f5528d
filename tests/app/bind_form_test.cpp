// Pins the binding form without a display, on this run's backend: the relations offered follow the
// two people, the verdict moves from incomplete through papers missing to eligible as the clerk
// works, the profile follows the authorizer's region until chosen by hand, and a submission's
// outcome is a value: papers missing, a card to check (then submitted, acknowledged), submitted.
#include <boost/test/unit_test.hpp>

#include "app/cases/bind_form.h"
#include "app/platform/errors.h"
#include "app/setup/policy_service.h"
#include "fixture.h"
#include "samples.h"

using namespace gongji;
using Verdict = app::BindView::Verdict;
using Kind = app::SubmitOutcome::Kind;

namespace {

const std::string kZhangWei = "450802196503120117", kLiXiuying = "450802196708200129";
const app::Actor kClerk{"clerk", core::Role::clerk, "窗口-03"};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(bind_form, test::DemoWorkspace)

BOOST_AUTO_TEST_CASE(the_verdict_follows_the_clerk_from_the_numbers_to_the_papers) {
    app::set_default_policy(ws, admin, "guangxi");
    app::BindForm form(ws, kClerk, kZhangWei);
    BOOST_TEST((form.view().verdict == Verdict::incomplete));
    BOOST_TEST(form.view().authorizer_name == "张伟");
    BOOST_TEST(!form.half_filled());  // the card's person only: nothing typed here

    form.set_user("45080219670820");  // still being typed: not said yet
    BOOST_TEST(form.view().id_problems.empty());
    form.set_user("450802196708200128");  // in full, with a wrong check character: said at once
    BOOST_REQUIRE(form.view().id_problems.size() == 1u);
    BOOST_TEST(!form.view().id_problems[0].of_authorizer);
    BOOST_TEST(form.view().id_problems[0].code == "check_character");
    BOOST_TEST(form.view().id_problems[0].params.at("expected") == "9");  // said with the one it should be

    form.set_user(kLiXiuying);
    BOOST_TEST(form.view().user_name == "李秀英");
    form.type_relation("q");  // 妻 by its initial: 张伟 is a man, 李秀英 a younger woman
    BOOST_TEST(form.relation() == "12");
    form.type_relation("母亲");
    BOOST_TEST(form.relation_matches().empty());
    form.type_relation("1");
    BOOST_TEST(form.relation_matches().size() == 2u);  // 10 配偶, 12 妻
    form.choose_relation(1);
    BOOST_TEST(form.relation() == "12");
    form.set_authorizer(kZhangWei);  // a number typed again keeps the relation chosen while it fits
    BOOST_TEST(form.relation() == "12");

    BOOST_TEST(form.complete());
    BOOST_TEST(form.half_filled());
    BOOST_TEST((form.view().verdict == Verdict::papers_missing));
    BOOST_TEST(form.view().checklist.size() == 2u);
    BOOST_TEST(form.papers().size() == 1u);  // the letter to sign, before any case exists
    auto missing = form.submit();
    BOOST_TEST((missing.kind == Kind::papers_missing));
    BOOST_TEST(missing.missing.size() == 2u);
    BOOST_TEST(form.case_number().empty());

    BOOST_TEST((form.next_missing_paper() == core::DocumentType::id_card));
    form.add_upload({core::DocumentType::id_card, "card.png", test::sample_id_card("李秀英", kLiXiuying)});
    BOOST_TEST((form.next_missing_paper() == core::DocumentType::marriage_certificate));  // what the dialog offers next
    // A scan captured by mistake is taken back before submission, and missed again.
    form.add_upload({core::DocumentType::marriage_certificate, "someone-else.pdf", test::sample_pdf(1)});
    BOOST_TEST(form.remove_upload(1));
    BOOST_TEST(form.uploads().size() == 1u);
    BOOST_TEST((form.next_missing_paper() == core::DocumentType::marriage_certificate));
    BOOST_TEST(!form.remove_upload(5));
    form.add_upload({core::DocumentType::marriage_certificate, "marriage.pdf", test::sample_pdf(1)});
    BOOST_TEST(!form.next_missing_paper().has_value());
    BOOST_TEST((form.view().verdict == Verdict::eligible));
    auto submitted = form.submit();
    BOOST_REQUIRE((submitted.kind == Kind::submitted));
    BOOST_TEST(submitted.case_number == form.case_number());
    BOOST_TEST(form.papers().size() == 2u);  // the letter and the receipt, of the case
    BOOST_TEST(!form.half_filled());
    BOOST_TEST(!form.remove_upload(0));  // the case's papers now: removed in the case, audited
}

BOOST_AUTO_TEST_CASE(a_card_that_reads_another_number_is_checked_then_submitted) {
    app::BindForm form(ws, kClerk, kZhangWei);
    form.set_user(kLiXiuying);
    form.type_relation("12");
    form.add_upload({core::DocumentType::id_card, "使用人身份证.png", test::sample_id_card("李秀英", "45080219851201012X")});
    form.add_upload({core::DocumentType::marriage_certificate, "结婚证.pdf", test::sample_pdf(1)});
    auto warned = form.submit();
    BOOST_REQUIRE((warned.kind == Kind::check_card));
    BOOST_TEST((warned.card_check == app::CardWarning::ocr_mismatch));
    BOOST_TEST(form.case_number().empty());
    auto again = form.submit();  // the clerk looked at the card
    BOOST_TEST((again.kind == Kind::submitted));
}

BOOST_AUTO_TEST_CASE(the_profile_follows_the_authorizers_region_until_chosen_by_hand) {
    app::BindForm form(ws, kClerk);
    BOOST_REQUIRE(form.profiles().size() >= 2u);
    std::size_t other = form.profiles()[0].name == "guangxi" ? 1 : 0;
    form.set_authorizer(kZhangWei);  // insured in 梧州 (450800): Guangxi's profile governs him
    BOOST_REQUIRE(form.profile_index().has_value());
    BOOST_TEST(form.profiles()[*form.profile_index()].name == "guangxi");
    form.choose_profile(other);
    form.set_user(kLiXiuying);
    form.type_relation("12");
    BOOST_TEST(*form.profile_index() == other);  // the clerk's choice stays
    BOOST_TEST(form.view().profile_not_for_region == !form.profiles()[other].governs("450800"));
}

BOOST_AUTO_TEST_SUITE_END()
