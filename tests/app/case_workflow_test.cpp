// Pins the case workflow of domain.md §7 on this run's backend: submission and review, the
// four-eyes rule, refusals that store nothing, re-checks at approval, rejection, withdrawal,
// unbinding, deduction orders, renewal of legacy bindings, case numbers and the audit log.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cstdlib>

#include <soci/soci.h>

#include "app/trust/audit.h"
#include "app/cases/case_service.h"
#include "app/setup/policy_service.h"
#include "app/imports/roster_import.h"
#include "fixture.h"
#include "demo_couple.h"
#include "people.h"

using namespace gongji;

namespace {

using test::kLiXiuying;
using test::kZhangWei;
using test::wife;
const std::string kZhangLei = "450802199205060113", kLiNa = "450803199309150128";

struct Workflow : test::DemoWorkspace {
    app::Actor clerk{"clerk", core::Role::clerk, "win-01"};
    app::Actor super{"super", core::Role::supervisor, "win-09"};

    template <class F>
    std::string refusal(F&& f) {
        try {
            f();
        } catch (const app::Refused& e) {
            return e.code();
        }
        return "accepted";
    }
    long long count(const std::string& table) {
        long long n = 0;
        app::database(ws).sql() << "SELECT count(*) FROM " + table, soci::into(n);
        return n;
    }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(case_workflow, Workflow)

BOOST_AUTO_TEST_CASE(a_bind_case_is_submitted_then_approved_and_the_binding_is_active) {
    auto c = app::submit_bind(ws, clerk, wife());
    BOOST_TEST(c.status == core::CaseStatus::submitted);
    BOOST_TEST(c.workstation == "win-01");
    auto pending = app::stores(ws).bindings.find_open(kZhangWei, kLiXiuying);
    BOOST_REQUIRE(pending.has_value());
    BOOST_TEST(pending->status == core::BindingStatus::pending);
    BOOST_TEST(app::stores(ws).bindings.count_open_as_authorizer(kZhangWei) == 2);  // pending counts

    auto approved = app::approve_case(ws, super, c.number);
    BOOST_TEST(approved.status == core::CaseStatus::approved);
    BOOST_TEST(approved.decided_by.value_or("") == "super");
    auto active = app::stores(ws).bindings.find_open(kZhangWei, kLiXiuying);
    BOOST_TEST(active->status == core::BindingStatus::active);
    BOOST_TEST(active->since.has_value());
    BOOST_TEST(active->deduction_order == 1);
    BOOST_TEST((app::find_case(ws, c.number).documents ==
                std::set{core::DocumentType::id_card, core::DocumentType::marriage_certificate}));
}

BOOST_AUTO_TEST_CASE(the_submitter_can_never_approve_whatever_their_role) {
    auto by_clerk = app::submit_bind(ws, clerk, wife());
    BOOST_TEST(refusal([&] { app::approve_case(ws, clerk, by_clerk.number); }) == "four_eyes");
    app::withdraw_case(ws, clerk, by_clerk.number);
    auto by_super = app::submit_bind(ws, super, wife());
    BOOST_TEST(refusal([&] { app::approve_case(ws, super, by_super.number); }) == "four_eyes");
    BOOST_TEST(refusal([&] { app::reject_case(ws, super, by_super.number, core::RejectionReason::other, std::string("x")); }) == "four_eyes");
    // …and a clerk cannot decide someone else's case either.
    BOOST_TEST(refusal([&] { app::approve_case(ws, clerk, by_super.number); }) == "forbidden");
    BOOST_TEST(app::find_case(ws, by_super.number).status == core::CaseStatus::submitted);
}

BOOST_AUTO_TEST_CASE(an_ineligible_application_is_refused_and_stores_nothing) {
    auto cases = count("cases"), bindings = count("bindings");
    auto a = wife();
    a.documents = {core::DocumentType::id_card};
    try {
        app::submit_bind(ws, clerk, a);
        BOOST_ERROR("accepted");
    } catch (const app::NotEligible& e) {
        BOOST_REQUIRE(e.result().reasons.size() == 1u);
        BOOST_TEST(e.result().reasons[0].code == "documents_missing");
    }
    BOOST_TEST(count("cases") == cases);
    BOOST_TEST(count("bindings") == bindings);
}

BOOST_AUTO_TEST_CASE(where_no_review_is_needed_submission_approves_at_once) {
    auto profile = app::load_policy(ws, "guangxi");
    profile.name = "guangxi-fast";
    profile.versions.back().requires_review = false;
    app::store_policy_text(ws, core::policy_profile_to_json(profile), "test");
    auto a = wife();
    a.policy = "guangxi-fast";
    auto c = app::submit_bind(ws, clerk, a);
    BOOST_TEST(c.status == core::CaseStatus::approved);
    BOOST_TEST(!c.decided_by.has_value());
    BOOST_TEST(app::stores(ws).bindings.find_open(kZhangWei, kLiXiuying)->status == core::BindingStatus::active);
}

BOOST_AUTO_TEST_CASE(approval_judges_again_what_changed_since_submission) {
    auto c = app::submit_bind(ws, clerk, wife());
    // The wife's insurance is suspended after she applied.
    app::import_roster_text(ws, "id_number,name,gender,birth_date,insurance_type,status,pooling_region,"
                                "account_balance\n" + kLiXiuying + ",李秀英,2,1967-08-20,390,2,450800,0\n",
                            app::Encoding::utf8);
    try {
        app::approve_case(ws, super, c.number);
        BOOST_ERROR("approved");
    } catch (const app::NotEligible& e) {
        BOOST_TEST(e.result().reasons[0].code == "user_status");
    }
    BOOST_TEST(app::find_case(ws, c.number).status == core::CaseStatus::submitted);
    BOOST_TEST(app::reject_case(ws, super, c.number, core::RejectionReason::not_eligible, std::nullopt).status == core::CaseStatus::rejected);
}

BOOST_AUTO_TEST_CASE(a_rejection_is_coded_frees_the_limit_and_is_final) {
    auto c = app::submit_bind(ws, clerk, wife());
    BOOST_CHECK_THROW(app::reject_case(ws, super, c.number, core::RejectionReason::other, std::nullopt), app::BadInput);  // needs a note
    auto rejected = app::reject_case(ws, super, c.number, core::RejectionReason::documents_unclear, std::string("结婚证模糊"));
    BOOST_TEST(rejected.reason.value_or("") == "documents_unclear");
    BOOST_TEST(rejected.note.value_or("") == "结婚证模糊");
    BOOST_TEST(!app::stores(ws).bindings.find_open(kZhangWei, kLiXiuying).has_value());
    BOOST_TEST(refusal([&] { app::approve_case(ws, super, c.number); }) == "already_decided");
    BOOST_TEST(refusal([&] { app::withdraw_case(ws, clerk, c.number); }) == "already_decided");

    // A new application may cite it; citing a case that was not rejected is bad input.
    auto again = wife();
    again.cites_case = c.number;
    auto second = app::submit_bind(ws, clerk, again);
    BOOST_TEST(second.cites_case.value_or("") == c.number);
    again.cites_case = second.number;
    BOOST_CHECK_THROW(app::submit_bind(ws, clerk, again), std::exception);
}

BOOST_AUTO_TEST_CASE(the_submitter_may_withdraw_an_undecided_case) {
    auto c = app::submit_bind(ws, clerk, wife());
    app::Actor other_clerk{"admin", core::Role::clerk, "w"};
    BOOST_TEST(refusal([&] { app::withdraw_case(ws, other_clerk, c.number); }) == "forbidden");
    BOOST_TEST(app::withdraw_case(ws, clerk, c.number).status == core::CaseStatus::withdrawn);
    BOOST_TEST(!app::stores(ws).bindings.find_open(kZhangWei, kLiXiuying).has_value());
}

BOOST_AUTO_TEST_CASE(unbinding_reordering_and_the_deduction_order) {
    // 张磊 is bound to his father (guangxi); his wife 李娜 binds him under national-2026 too.
    app::BindApplication a;
    a.policy = "national-2026";
    a.authorizer_id = kLiNa;
    a.user_id = kZhangLei;
    a.relation = "11";
    a.documents = {core::DocumentType::id_card, core::DocumentType::marriage_certificate};
    app::approve_case(ws, super, app::submit_bind(ws, clerk, a).number);
    auto orders = [&] {
        std::vector<std::string> out;
        for (const auto& b : app::stores(ws).bindings.list_by_user(kZhangLei))
            if (b.status == core::BindingStatus::active) out.push_back(b.authorizer_id + "#" + std::to_string(b.deduction_order));
        return out;
    };
    BOOST_TEST(orders() == (std::vector<std::string>{kZhangWei + "#1", kLiNa + "#2"}), boost::test_tools::per_element());

    BOOST_CHECK_THROW(app::reorder(ws, clerk, kZhangLei, {kLiNa}), app::BadInput);  // must list both
    auto r = app::reorder(ws, clerk, kZhangLei, {kLiNa, kZhangWei});
    BOOST_TEST(r.status == core::CaseStatus::approved);
    BOOST_TEST(orders() == (std::vector<std::string>{kLiNa + "#1", kZhangWei + "#2"}), boost::test_tools::per_element());

    auto u = app::unbind(ws, clerk, kLiNa, kZhangLei, core::UnbindReason::divorce);
    BOOST_TEST(u.kind == core::CaseKind::unbind);
    BOOST_TEST(u.status == core::CaseStatus::approved);
    auto ended = app::stores(ws).bindings.list_by_user(kZhangLei);
    BOOST_TEST(orders() == std::vector<std::string>{kZhangWei + "#1"}, boost::test_tools::per_element());
    bool found_ended = false;
    for (const auto& b : ended)
        if (b.authorizer_id == kLiNa) found_ended = b.status == core::BindingStatus::ended && b.end_reason.value_or("") == "divorce" && b.until;
    BOOST_TEST(found_ended);
    BOOST_CHECK_THROW(app::unbind(ws, clerk, kLiNa, kZhangLei, core::UnbindReason::request), app::BadInput);  // nothing left to end
}

BOOST_AUTO_TEST_CASE(a_legacy_binding_is_renewed_through_review) {
    storage::BindingRecord legacy;
    legacy.authorizer_id = kZhangWei;
    legacy.user_id = kLiXiuying;
    legacy.relation = "12";
    legacy.policy = "guangxi";
    legacy.status = core::BindingStatus::active;
    legacy.legacy = true;
    legacy.created_at = *core::Instant::parse("2019-05-01T00:00:00Z");
    legacy.since = legacy.created_at;
    app::stores(ws).bindings.insert(legacy);
    auto c = app::submit_rebind(ws, clerk, kZhangWei, kLiXiuying, {});
    BOOST_TEST(c.kind == core::CaseKind::rebind);
    BOOST_TEST(app::stores(ws).bindings.find_open(kZhangWei, kLiXiuying)->legacy);
    app::approve_case(ws, super, c.number);
    BOOST_TEST(!app::stores(ws).bindings.find_open(kZhangWei, kLiXiuying)->legacy);
    BOOST_CHECK_THROW(app::submit_rebind(ws, clerk, kZhangWei, kLiXiuying, {}), app::BadInput);
}

BOOST_AUTO_TEST_CASE(case_numbers_are_the_day_and_a_sequence) {
    auto first = app::submit_bind(ws, clerk, wife());
    app::withdraw_case(ws, clerk, first.number);
    auto second = app::submit_bind(ws, clerk, wife());
    auto day = app::china_today().to_string();
    auto prefix = "GJ" + day.substr(0, 4) + day.substr(5, 2) + day.substr(8, 2) + "-";
    BOOST_TEST(first.number == prefix + "000001");
    BOOST_TEST(second.number == prefix + "000002");
}

// The one clock: a case taken in at 00:30 China time is numbered and dated by the China-time
// day, its instant kept in UTC (the evening before).
BOOST_AUTO_TEST_CASE(cases_are_numbered_and_stamped_by_the_one_clock) {
    struct ClockAt {
        explicit ClockAt(const char* utc) { app::set_clock(core::Instant::parse(utc)); }
        ~ClockAt() { app::set_clock(std::nullopt); }
    } at("2026-02-28T16:30:00Z");
    auto c = app::submit_bind(ws, clerk, wife());
    BOOST_TEST(c.number == "GJ20260301-000001");
    BOOST_TEST(c.created_at.utc() == "2026-02-28T16:30:00Z");
    BOOST_TEST(c.application_date.to_string() == "2026-03-01");
    BOOST_TEST(app::find_case(ws, c.number).submitted_at->utc() == "2026-02-28T16:30:00Z");
}

BOOST_AUTO_TEST_CASE(every_change_is_audited_and_tampering_is_found) {
    auto c = app::submit_bind(ws, clerk, wife());
    app::approve_case(ws, super, c.number);
    auto v = app::verify_audit(ws);
    BOOST_TEST(!v.broken.has_value());
    long long submits = 0, approvals = 0;
    app::database(ws).sql() << "SELECT count(*) FROM audit_log WHERE action = 'case.submit' AND actor = 'clerk' AND "
                     "workstation = 'win-01' AND entity_key = :n", soci::use(c.number), soci::into(submits);
    app::database(ws).sql() << "SELECT count(*) FROM audit_log WHERE action = 'case.approve' AND actor = 'super'", soci::into(approvals);
    BOOST_TEST(submits == 1);
    BOOST_TEST(approvals == 1);

    long long seq = 0;
    app::database(ws).sql() << "SELECT seq FROM audit_log WHERE action = 'case.approve'", soci::into(seq);
    app::database(ws).sql() << "UPDATE audit_log SET actor = 'clerk' WHERE action = 'case.approve'";
    auto broken = app::verify_audit(ws).broken;
    BOOST_REQUIRE(broken.has_value());
    BOOST_TEST(broken->seq == seq);
}

// A lock is the window's where the guesses were typed: a stranger at another window cannot lock
// the owner out of theirs, and the owner's login there clears nothing of the stranger's lock.
BOOST_AUTO_TEST_CASE(wrong_passwords_at_one_window_lock_the_account_there_only) {
    const char* set_before = std::getenv("GONGJI_WORKSTATION");
    const std::optional<std::string> before = set_before ? std::optional<std::string>(set_before) : std::nullopt;
    setenv("GONGJI_WORKSTATION", "窗口-07", 1);
    for (int i = 1; i <= app::kMaxFailedLogins; ++i) refusal([&] { app::authenticate(ws, "clerk", "wrong"); });
    BOOST_TEST(refusal([&] { app::authenticate(ws, "clerk", "demo"); }) == "locked");
    setenv("GONGJI_WORKSTATION", "窗口-01", 1);
    BOOST_TEST(app::authenticate(ws, "clerk", "demo").workstation == "窗口-01");
    setenv("GONGJI_WORKSTATION", "窗口-07", 1);
    BOOST_TEST(refusal([&] { app::authenticate(ws, "clerk", "demo"); }) == "locked");
    auto users = app::list_users(ws, admin);
    auto clerk = std::find_if(users.begin(), users.end(), [](const auto& u) { return u.username == "clerk"; });
    BOOST_TEST(clerk->locked_until.has_value());  // the administrator sees it, and a reset lifts it
    app::reset_password(ws, admin, "clerk", "given");
    BOOST_TEST(app::authenticate(ws, "clerk", "given").role == core::Role::clerk);
    if (before) setenv("GONGJI_WORKSTATION", before->c_str(), 1);
    else unsetenv("GONGJI_WORKSTATION");
}

BOOST_AUTO_TEST_CASE(five_wrong_passwords_lock_the_account_for_a_while) {
    // A guesser hears the same answer every time; only the right password learns of the lock.
    for (int i = 1; i <= app::kMaxFailedLogins + 2; ++i)
        BOOST_TEST(refusal([&] { app::authenticate(ws, "clerk", "wrong"); }) == "authentication_failed");
    BOOST_TEST(refusal([&] { app::authenticate(ws, "clerk", "demo"); }) == "locked");
    // Fifteen minutes later (the lock moved into the past) the right password works again.
    app::database(ws).sql() << "UPDATE login_failures SET locked_until = '2000-01-01T00:00:00Z' WHERE username = 'clerk'";
    BOOST_TEST(app::authenticate(ws, "clerk", "demo").role == core::Role::clerk);
    long long failures = 0;
    app::database(ws).sql() << "SELECT count(*) FROM audit_log WHERE actor = 'clerk' AND action LIKE 'login.%'", soci::into(failures);
    BOOST_TEST(failures == app::kMaxFailedLogins + 3);  // every attempt is audited: 5 counted, 2 during the lock, the locked right one

    app::set_user_disabled(ws, admin, "clerk", true);
    BOOST_TEST(refusal([&] { app::authenticate(ws, "clerk", "demo"); }) == "forbidden");
}

BOOST_AUTO_TEST_CASE(a_roster_import_ends_bindings_that_became_impossible) {
    app::approve_case(ws, super, app::submit_bind(ws, clerk, wife()).number);
    // 张磊 (bound to his father) is terminated; 李秀英 moves to Guangdong, outside guangxi's scope.
    auto csv = "id_number,name,gender,birth_date,insurance_type,status,pooling_region,account_balance\n" + kZhangLei +
               ",张磊,1,1992-05-06,390,4,450800,0\n" + kLiXiuying + ",李秀英,2,1967-08-20,390,1,440700,0\n";
    auto report = app::import_roster(ws, admin, files.write("r.csv", csv));
    BOOST_TEST(report.bindings_ended == 2);
    for (const auto& user : {kZhangLei, kLiXiuying})
        BOOST_TEST_CONTEXT(user) {
            auto b = app::stores(ws).bindings.list_by_user(user);
            BOOST_TEST(b[0].status == core::BindingStatus::ended);
            BOOST_TEST(b[0].end_reason.value_or("") == "auto");
        }
    long long ended = 0;
    app::database(ws).sql() << "SELECT count(*) FROM audit_log WHERE action = 'binding.end' AND actor = 'admin'", soci::into(ended);
    BOOST_TEST(ended == 2);
    BOOST_TEST(!app::verify_audit(ws).broken.has_value());
}

BOOST_AUTO_TEST_CASE(cases_are_found_by_number_person_china_day_and_status) {
    auto c = app::submit_bind(ws, clerk, wife());
    // Created at 23:30 UTC: already the next day in China, where the clerk searches.
    app::database(ws).sql() << "UPDATE cases SET created_at = '2026-03-01T23:30:00Z' WHERE number = :n", soci::use(c.number);
    auto find = [&](app::CaseSearch s) {
        std::vector<std::string> numbers;
        for (const auto& found : app::list_cases(ws, s)) numbers.push_back(found.number);
        return numbers;
    };
    app::CaseSearch by_day;
    by_day.date = core::CivilDate{2026, 3, 2};
    BOOST_TEST(find(by_day) == std::vector<std::string>{c.number});
    by_day.date = core::CivilDate{2026, 3, 1};
    BOOST_TEST(find(by_day).empty());
    app::CaseSearch by_person;
    by_person.person = "450802670820012";  // the user's old 15-digit number finds her cases
    BOOST_TEST(find(by_person) == std::vector<std::string>{c.number});
    app::CaseSearch by_number;
    by_number.number = c.number;
    by_number.status = core::CaseStatus::approved;
    BOOST_TEST(find(by_number).empty());
    by_number.status = core::CaseStatus::submitted;
    BOOST_TEST(find(by_number) == std::vector<std::string>{c.number});
    app::CaseSearch by_part;  // the last digits, as read off a receipt over the counter
    by_part.number = c.number.substr(c.number.size() - 4);
    BOOST_TEST(find(by_part) == std::vector<std::string>{c.number});
    by_part.number = "%";  // a wildcard is a character like any other
    BOOST_TEST(find(by_part).empty());
    app::CaseSearch bad;
    bad.person = "4508021967082001";
    BOOST_CHECK_THROW(app::list_cases(ws, bad), app::BadInput);
}

BOOST_AUTO_TEST_SUITE_END()
