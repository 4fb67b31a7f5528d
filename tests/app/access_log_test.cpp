// Pins the log of personal data read (等保 level 3, PIPL): every look-up of a person's card,
// bindings, statement or papers is an audit entry saying who, from which window, what and when;
// only an administrator lists them; the entries are sealed on the chain like any other.
#include <boost/test/unit_test.hpp>

#include "app/trust/audit.h"
#include "app/cases/case_service.h"
#include "app/cases/captured_papers.h"
#include "app/platform/errors.h"
#include "app/money/settlement_service.h"
#include "demo_couple.h"
#include "fixture.h"
#include "samples.h"

using namespace gongji;

namespace {

struct Office : test::DemoWorkspace {
    app::Actor clerk{"clerk", core::Role::clerk, "窗口-01"};
    app::Actor super{"super", core::Role::supervisor, "窗口-09"};
    app::Actor admin{"admin", core::Role::admin, "管理-01"};
};

std::vector<std::string> reads(const std::vector<core::AuditEntry>& entries) {
    std::vector<std::string> out;
    for (const auto& e : entries) out.push_back(e.actor + "@" + e.workstation + " " + e.entity_key + " " + e.after);
    return out;
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(access_log, Office)

BOOST_AUTO_TEST_CASE(each_look_up_of_personal_data_is_logged_with_who_where_and_what) {
    app::person_card(ws, clerk, test::kZhangWei);
    app::bindings_of(ws, clerk, test::kLiXiuying, true);
    app::statement(ws, super, false, test::kZhangWei, {2026, 11, 1}, {2026, 11, 30});
    auto a = test::wife();
    a.uploads = {{core::DocumentType::marriage_certificate, "结婚证.png", test::sample_png()}};
    auto number = app::submit_bind(ws, clerk, a).number;
    auto document = app::list_documents(ws, number).at(0).id;
    app::read_document(ws, super, document);

    auto of_zhang = reads(app::personal_data_views(ws, admin, test::kZhangWei, ""));
    BOOST_REQUIRE(of_zhang.size() == 3u);  // and the paper, below
    of_zhang.pop_back();
    BOOST_TEST(of_zhang == (std::vector<std::string>{
                               "clerk@窗口-01 " + test::kZhangWei + " {\"what\":\"card\"}",
                               "super@窗口-09 " + test::kZhangWei +
                                   " {\"what\":\"statement_as_authorizer\",\"from\":\"2026-11-01\",\"to\":\"2026-11-30\","
                                       "\"how\":\"shown\"}"}),
               boost::test_tools::per_element());
    auto by_super = reads(app::personal_data_views(ws, admin, "", "super"));
    BOOST_REQUIRE(by_super.size() == 2u);
    BOOST_TEST(by_super[1].find("\"case\":\"" + number + "\",\"type\":\"marriage_certificate\"") != std::string::npos,
               by_super[1]);
    BOOST_TEST(app::personal_data_views(ws, admin, "", "").size() == 4u);
    // The paper concerns both people of its case: each one's list has it.
    auto of_li = reads(app::personal_data_views(ws, admin, test::kLiXiuying, ""));
    BOOST_REQUIRE(of_li.size() == 2u);
    BOOST_TEST(of_li[0].find("bindings_as_user") != std::string::npos);
    BOOST_TEST(of_li[1].find("marriage_certificate") != std::string::npos);
    BOOST_TEST(reads(app::personal_data_views(ws, admin, test::kZhangWei, "")).size() == 3u);
    BOOST_CHECK_THROW(app::personal_data_views(ws, admin, "", "nosuch"), app::BadInput);

    BOOST_CHECK_THROW(app::personal_data_views(ws, clerk, "", ""), app::Refused);  // not a clerk's to see
    BOOST_CHECK_THROW(app::personal_data_views(ws, admin, "12345", ""), app::BadInput);
    BOOST_TEST(!app::verify_audit(ws, {}).broken);  // sealed on the chain like every change
}

// On a server a look-up's entry goes in one statement that moves the chain's head only where this
// connection left it; two sessions of one window (the desk and the command line) take turns, and
// the chain stays whole with every look-up on it.
BOOST_AUTO_TEST_CASE(two_sessions_of_one_window_log_their_look_ups_on_one_unbroken_chain) {
    app::Workspace other(fresh.url());
    for (int i = 0; i < 6; ++i) {
        app::person_card(ws, clerk, test::kZhangWei);
        if (i % 2 == 0) app::person_card(other, clerk, test::kLiXiuying);
    }
    BOOST_TEST(app::personal_data_views(ws, admin, "", "clerk").size() == 9u);
    auto verified = app::verify_audit(ws, {});
    BOOST_TEST(!verified.broken);
}

BOOST_AUTO_TEST_CASE(a_person_not_in_the_roster_is_no_look_up_of_anyone) {
    BOOST_CHECK_THROW(app::person_card(ws, clerk, "11010519491231002X"), app::BadInput);
    BOOST_TEST(app::personal_data_views(ws, admin, "", "").empty());
}

BOOST_AUTO_TEST_SUITE_END()
