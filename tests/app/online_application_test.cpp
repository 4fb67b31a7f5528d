// Pins applications made online (domain.md §9) on this run's backend: one arrives `applied`,
// marked online with its channel and 办件号, its papers checked as a window scan is; handed over
// again it is the same case, with other contents a conflict; what cannot be a case stores
// nothing. Accepted, it is judged by the rules and holds its place in the limits; not accepted,
// it holds none; asked for papers before acceptance, it goes back to waiting for acceptance.
#include <boost/test/unit_test.hpp>

#include "app/cases/case_service.h"
#include "app/cases/online_applications.h"
#include "app/cases/service_states.h"
#include "app/platform/errors.h"
#include "app/platform/stores.h"
#include "app/printing/printed_papers.h"
#include "app/trust/state_check.h"
#include "demo_couple.h"
#include "fixture.h"
#include "refusals.h"
#include "samples.h"

using namespace gongji;

namespace {

struct Online : test::DemoWorkspace {
    app::Actor intake{"clerk", core::Role::clerk, "intake"};
    app::Actor clerk{"super", core::Role::supervisor, "win-02"};

    app::OnlineApplication wife(const std::string& apply_no = "WX2026120700001") {
        app::OnlineApplication a;
        a.apply_no = apply_no;
        a.via = core::Via::wechat;
        a.submitted_at = *core::Instant::parse("2026-12-07T01:30:00Z");
        a.authorizer = {test::kZhangWei, "张伟", "13800000000"};
        a.user = {test::kLiXiuying, "李秀英", ""};
        a.relation = "12";
        a.materials = {{core::DocumentType::id_card, "sfz.png", test::sample_png()},
                       {core::DocumentType::marriage_certificate, "jhz.png", test::sample_png(320, 200)}};
        a.commitment_signed = true;
        return a;
    }
    long long cases() { return static_cast<long long>(app::list_case_summaries(ws, {}).size()); }
    bool intact() { return app::check_state(ws).differences.empty(); }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(online_applications, Online)

BOOST_AUTO_TEST_CASE(an_application_arrives_applied_marked_by_its_channel_and_is_the_same_case_when_handed_over_again) {
    auto first = app::receive_application(ws, intake, wife(), "hash-1");
    BOOST_TEST(first.created);
    const auto& c = first.application;
    BOOST_TEST((c.status == core::CaseStatus::applied));
    BOOST_TEST((c.channel == core::Channel::online));
    BOOST_TEST(c.service_number() == "WX2026120700001");
    BOOST_TEST(c.policy.value_or("") == "guangxi");  // the profile governing 张伟's region
    BOOST_TEST(app::list_documents(ws, c.number).size() == 2u);
    BOOST_TEST(!c.binding_id.has_value());  // no place in the limits before a person accepts it
    auto again = app::receive_application(ws, intake, wife(), "hash-1");
    BOOST_TEST(!again.created);
    BOOST_TEST(again.application.number == c.number);
    BOOST_TEST(test::refusal_code([&] { app::receive_application(ws, intake, wife(), "hash-2"); }) == "apply_no_conflict");
    app::CaseSearch online;
    online.channel = core::Channel::online;
    BOOST_TEST(app::list_case_summaries(ws, online).size() == 1u);
    online.number = "WX20261207";  // found by the channel's number too
    BOOST_TEST(app::list_case_summaries(ws, online).size() == 1u);
    BOOST_TEST(intact());
}

BOOST_AUTO_TEST_CASE(what_cannot_be_a_case_stores_nothing) {
    const auto before = cases();
    auto bad = wife();
    bad.user.id_number = "450802196708200128";
    BOOST_TEST(test::refusal_code([&] { app::receive_application(ws, intake, bad, "h"); }) == "id_invalid");
    bad = wife();
    bad.relation = "1x";
    BOOST_TEST(test::refusal_code([&] { app::receive_application(ws, intake, bad, "h"); }) == "relation_unknown");
    bad = wife();
    bad.apply_no = "WX 1";
    BOOST_TEST(test::refusal_code([&] { app::receive_application(ws, intake, bad, "h"); }) == "apply_no_invalid");
    bad = wife();
    bad.materials.push_back({core::DocumentType::hukou, "hukou.png", test::sample_png().substr(0, 100)});
    BOOST_TEST(test::refusal_code([&] { app::receive_application(ws, intake, bad, "h"); }) == "file_unusable");
    bad = wife();
    bad.materials.push_back({core::DocumentType::id_card_read, "read.png", test::sample_png()});
    BOOST_TEST(test::refusal_code([&] { app::receive_application(ws, intake, bad, "h"); }) == "card_read_not_a_paper");
    BOOST_TEST(cases() == before);
}

BOOST_AUTO_TEST_CASE(accepted_it_is_judged_and_holds_its_place_refused_it_holds_none) {
    auto c = app::receive_application(ws, intake, wife(), "h").application;
    BOOST_TEST(test::refusal_code([&] { app::approve_case(ws, clerk, c.number); }) == "case_state");  // not yet accepted
    auto accepted = app::accept_case(ws, clerk, c.number);
    BOOST_TEST((accepted.status == core::CaseStatus::submitted));
    BOOST_REQUIRE(accepted.binding_id.has_value());
    BOOST_TEST((app::stores(ws).bindings.find(*accepted.binding_id)->status == core::BindingStatus::pending));
    app::approve_case(ws, clerk, c.number);  // the supervisor who accepted it may decide it: the channel took it in

    auto other = wife("WX2026120700002");
    auto refused = app::receive_application(ws, intake, other, "h2").application;
    BOOST_TEST(test::refusal_code([&] { app::accept_case(ws, clerk, refused.number); }) == "not_eligible");  // the pair is bound now
    auto ended = app::refuse_case(ws, clerk, refused.number, core::NotAcceptedReason::duplicate, std::nullopt);
    BOOST_TEST((ended.status == core::CaseStatus::not_accepted));
    BOOST_TEST(!ended.binding_id.has_value());
    BOOST_TEST(test::refusal_code([&] { app::refuse_case(ws, clerk, refused.number, core::NotAcceptedReason::other, ""); }) ==
               "note_required");
    // Its notice says why, and where it came from.
    app::DocumentRequest notice;
    notice.kind = app::Paper::not_accepted;
    notice.case_number = refused.number;
    auto fields = app::prepare_document(ws, clerk, notice).data.fields;
    BOOST_TEST(fields["reason_label"] == "重复申请");
    BOOST_TEST(fields["apply_no"] == "WX2026120700002");
    BOOST_TEST(fields["channel_label"] == "网上（微信）");
    BOOST_TEST(intact());
}

BOOST_AUTO_TEST_CASE(asked_for_papers_before_acceptance_it_waits_for_acceptance_again) {
    auto c = app::receive_application(ws, intake, wife(), "h").application;
    app::ask_correction(ws, clerk, c.number, {core::DocumentType::hukou}, "请上传户口簿");
    app::attach_document(ws, intake, c.number, {core::DocumentType::hukou, "hukou.png", test::sample_png()});
    auto back = app::answer_correction(ws, intake, c.number);
    BOOST_TEST((back.status == core::CaseStatus::applied));
    BOOST_TEST((app::accept_case(ws, clerk, c.number).status == core::CaseStatus::submitted));
    BOOST_TEST(intact());
}

BOOST_AUTO_TEST_SUITE_END()
