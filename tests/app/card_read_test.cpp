// Pins ID cards read at the window as part of a case: where the profile version counts a read
// (card_read_proves_identity) the user's own valid card stands for the scan of it; an expired
// card or someone else's does not; every read of the two people's cards is kept with the case
// (who, where, which reader, when) and audited; nobody can claim a read as a paper; and a name
// on the card that differs from the roster's is said.
#include <boost/test/unit_test.hpp>

#include <soci/soci.h>

#include "app/trust/audit.h"
#include "app/platform/base64.h"
#include "app/cases/card_service.h"
#include "app/platform/clock.h"
#include "app/setup/policy_service.h"
#include "demo_couple.h"
#include "fixture.h"

using namespace gongji;

namespace {

struct CardReadWindow : test::DemoWorkspace {
    app::Actor clerk{"clerk", core::Role::clerk, "窗口-03"};

    // guangxi as shipped, with reads counted: the agency's own profile "guangxi-card".
    CardReadWindow() {
        auto profile = app::load_policy(ws, "guangxi");
        profile.name = "guangxi-card";
        for (auto& v : profile.versions) v.card_read_proves_identity = true;
        app::save_policy_text(ws, admin, core::policy_profile_to_json(profile));
    }

    static app::CardRead read_of(const std::string& id, const std::string& name, std::optional<core::CivilDate> valid_to) {
        app::CardRead read;
        read.card.id_number = id;
        read.card.name = name;
        read.card.valid_to = valid_to;
        read.card.photo.assign(1024, 0x5a);
        read.device = "/dev/ttyUSB0";
        read.at = app::now();
        read.expired = read.card.expired_on(app::china_today());
        return read;
    }

    static app::BindApplication with_read(const std::string& policy, std::vector<app::CardRead> reads) {
        auto a = test::wife();
        a.policy = policy;
        a.documents = {core::DocumentType::marriage_certificate};  // no scan of the ID card
        a.card_reads = std::move(reads);
        return a;
    }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(card_reads, CardReadWindow)

BOOST_AUTO_TEST_CASE(the_users_valid_card_read_proves_identity_where_the_profile_counts_it) {
    auto read = read_of(test::kLiXiuying, "李秀英", std::nullopt);  // 长期
    auto c = app::submit_bind(ws, clerk, with_read("guangxi-card", {read}));
    BOOST_TEST(c.has_document(core::DocumentType::id_card_read));
    auto kept = app::card_reads_of(ws, c.id);
    BOOST_REQUIRE(kept.size() == 1u);
    BOOST_TEST(kept[0].id_number == test::kLiXiuying);
    BOOST_TEST(kept[0].name_on_card == "李秀英");
    BOOST_TEST(kept[0].read_by == "clerk");
    BOOST_TEST(kept[0].workstation == "窗口-03");
    BOOST_TEST(kept[0].device == "/dev/ttyUSB0");
    BOOST_TEST(!kept[0].valid_to.has_value());
    BOOST_TEST(app::from_base64(kept[0].photo_base64) == std::string(1024, '\x5a'));  // the portrait as read
    int audited = 0;
    app::database(ws).sql() << "SELECT count(*) FROM audit_log WHERE action = 'card.read' AND entity_key = :n",
        soci::use(c.number), soci::into(audited);
    BOOST_TEST(audited == 1);
    BOOST_TEST(!app::verify_audit(ws).broken.has_value());
}

BOOST_AUTO_TEST_CASE(a_profile_that_does_not_count_reads_still_needs_the_scan) {
    auto read = read_of(test::kLiXiuying, "李秀英", std::nullopt);
    BOOST_CHECK_THROW(app::submit_bind(ws, clerk, with_read("guangxi", {read})), app::NotEligible);
}

BOOST_AUTO_TEST_CASE(an_expired_card_or_the_authorizers_card_proves_nothing_of_the_user) {
    auto expired = read_of(test::kLiXiuying, "李秀英", core::CivilDate{2020, 1, 1});
    BOOST_TEST(expired.expired);
    BOOST_CHECK_THROW(app::submit_bind(ws, clerk, with_read("guangxi-card", {expired})), app::NotEligible);
    auto his = read_of(test::kZhangWei, "张伟", std::nullopt);
    BOOST_CHECK_THROW(app::submit_bind(ws, clerk, with_read("guangxi-card", {his})), app::NotEligible);
    // Both read, hers expired, with a scan of hers: submitted, and both reads kept as they were.
    auto a = with_read("guangxi-card", {his, expired});
    a.documents.push_back(core::DocumentType::id_card);
    auto c = app::submit_bind(ws, clerk, a);
    BOOST_TEST(!c.has_document(core::DocumentType::id_card_read));
    auto kept = app::card_reads_of(ws, c.id);
    BOOST_REQUIRE(kept.size() == 2u);
    BOOST_TEST(kept[1].expired);
    BOOST_TEST(kept[1].valid_to->to_string() == "2020-01-01");
}

BOOST_AUTO_TEST_CASE(a_read_is_never_a_claimed_paper) {
    auto a = with_read("guangxi-card", {});
    a.documents.push_back(core::DocumentType::id_card_read);
    BOOST_CHECK_THROW(app::submit_bind(ws, clerk, a), app::BadInput);
    BOOST_CHECK_THROW(app::read_upload(ws, core::DocumentType::id_card_read, "/etc/hostname"), app::BadInput);
}

BOOST_AUTO_TEST_CASE(a_card_whose_name_differs_is_submitted_only_once_the_clerk_checked_it) {
    auto a = with_read("guangxi-card", {read_of(test::kLiXiuying, "李秀云", std::nullopt)});
    try {
        app::submit_bind(ws, clerk, a);
        BOOST_FAIL("submitted without the clerk's word");
    } catch (const app::Refused& e) {
        BOOST_TEST(e.code() == "card_name_differs");
        BOOST_TEST(e.problem().param("roster_name") == "李秀英");
    }
    a.card_name_acknowledged = true;
    auto c = app::submit_bind(ws, clerk, a);
    std::string detail;
    app::database(ws).sql() << "SELECT after_state FROM audit_log WHERE action = 'card.read' AND entity_key = :n",
        soci::use(c.number), soci::into(detail);
    BOOST_TEST(detail.find("\"roster_name\":\"李秀英\"") != std::string::npos, detail);
    BOOST_TEST(detail.find("\"acknowledged_by\":\"clerk\"") != std::string::npos, detail);
}

BOOST_AUTO_TEST_CASE(a_name_that_differs_from_the_rosters_is_said) {
    auto same = app::check_card(ws, read_of(test::kZhangWei, "张伟", std::nullopt));
    BOOST_TEST(same.on_roster);
    BOOST_TEST(!same.name_differs);
    auto other = app::check_card(ws, read_of(test::kZhangWei, "张玮", std::nullopt));
    BOOST_TEST(other.name_differs);
    BOOST_TEST(other.roster_name == "张伟");
    BOOST_TEST(!app::check_card(ws, read_of("110101199003070011", "王五", std::nullopt)).on_roster);
}

BOOST_AUTO_TEST_SUITE_END()
