// Pins the service states of a case (domain.md §9) on this run's backend: one correction notice
// listing every paper, due in working days across a holiday week, the time limit paused while it
// waits and moved on by the days it held; a case asked once only; the papers must have come
// before it goes back to the queue; an unanswered one ends withdrawn, correction_expired, its
// pending binding gone; delivery once, of a decided case. Every step is audited and the tables
// stay what the log says.
#include <boost/test/unit_test.hpp>

#include "app/cases/captured_papers.h"
#include "app/cases/case_service.h"
#include "app/cases/service_states.h"
#include "app/platform/clock.h"
#include "app/platform/errors.h"
#include "app/platform/stores.h"
#include "app/printing/printed_papers.h"
#include "app/setup/calendar.h"
#include "app/trust/state_check.h"
#include "demo_couple.h"
#include "fixture.h"
#include "refusals.h"
#include "samples.h"

using namespace gongji;

namespace {

struct Window : test::DemoWorkspace {
    app::Actor clerk{"clerk", core::Role::clerk, "win-01"};
    app::Actor super{"super", core::Role::supervisor, "win-09"};
    std::string number;

    Window() {
        app::import_calendar_text(ws, admin, test::kNationalDayCalendar, app::Encoding::auto_detect, "calendar.csv");
        app::set_processing_days(ws, admin, "15");
        at("2026-09-28T02:00:00Z");  // Monday 10:00 in China
        number = app::submit_bind(ws, clerk, test::wife()).number;
    }
    ~Window() { app::set_clock(std::nullopt); }
    void at(const char* utc) { app::set_clock(core::Instant::parse(utc)); }
    core::CaseSummary in_queue() {
        app::CaseSearch search;
        search.number = number;
        return app::list_case_summaries(ws, search).at(0);
    }
    bool intact() {
        auto check = app::check_state(ws);
        for (const auto& d : check.differences) BOOST_TEST_MESSAGE(d.table << " " << d.key << ": " << d.log << " | " << d.table_value);
        return check.differences.empty();
    }
    const std::set<core::DocumentType> kMissing{core::DocumentType::hukou, core::DocumentType::marriage_certificate};
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(service_states, Window)

BOOST_AUTO_TEST_CASE(one_notice_lists_every_paper_and_is_due_in_working_days) {
    at("2026-09-29T02:00:00Z");  // Tuesday: 5 working days on are 09-30, 10-08, 10-09, 10-10 (worked), 10-12
    auto c = app::ask_correction(ws, super, number, kMissing, "户口簿页面不清晰");
    BOOST_TEST((c.status == core::CaseStatus::correction));
    BOOST_REQUIRE(c.correction.has_value());
    BOOST_TEST(c.correction->due.to_string() == "2026-10-12");
    BOOST_TEST((c.correction->missing == kMissing));
    BOOST_TEST((c.correction->asked_from == core::CaseStatus::submitted));
    // Once in a case's life: what was forgotten cannot be asked for later.
    BOOST_TEST(test::refusal_code([&] { app::ask_correction(ws, super, number, {core::DocumentType::other}, ""); }) == "correction_once");
    // Waiting for papers, it cannot be decided.
    BOOST_TEST(test::refusal_code([&] { app::approve_case(ws, super, number); }) == "case_state");
    BOOST_TEST(test::refusal_code([&] { app::ask_correction(ws, super, number, {}, ""); }) == "correction_nothing_missing");
    BOOST_TEST(intact());
}

BOOST_AUTO_TEST_CASE(the_papers_must_come_before_the_case_goes_back_and_the_days_it_waited_are_added) {
    BOOST_TEST(in_queue().due->to_string() == "2026-10-23");  // 15 working days from Monday 09-28
    at("2026-09-29T02:00:00Z");
    app::ask_correction(ws, super, number, kMissing, "");
    at("2026-10-09T02:00:00Z");  // answered on Friday 10-09: 09-30, 10-08, 10-09 held the clock
    BOOST_TEST(test::refusal_code([&] { app::answer_correction(ws, clerk, number); }) == "correction_papers_missing");
    app::attach_document(ws, clerk, number, {core::DocumentType::hukou, "户口簿.png", test::sample_png()});
    BOOST_TEST(test::refusal_code([&] { app::answer_correction(ws, clerk, number); }) == "correction_papers_missing");
    app::attach_document(ws, clerk, number, {core::DocumentType::marriage_certificate, "结婚证.png", test::sample_png()});
    auto c = app::answer_correction(ws, clerk, number);
    BOOST_TEST((c.status == core::CaseStatus::submitted));
    BOOST_TEST(in_queue().due->to_string() == "2026-10-28");  // three working days later than promised
    // Asked once already: a second correction is refused even after the first was answered.
    BOOST_TEST(test::refusal_code([&] { app::ask_correction(ws, super, number, kMissing, ""); }) == "correction_once");
    app::approve_case(ws, super, number);
    BOOST_TEST(intact());
}

BOOST_AUTO_TEST_CASE(an_unanswered_correction_ends_withdrawn_and_frees_the_limit) {
    at("2026-09-29T02:00:00Z");
    app::ask_correction(ws, super, number, kMissing, "");
    const auto binding = *app::find_case(ws, number).binding_id;
    at("2026-10-12T02:00:00Z");  // the due day itself: still open
    BOOST_TEST(app::expire_corrections(ws, clerk).empty());
    BOOST_TEST(in_queue().working_days_left == 0);
    at("2026-10-13T02:00:00Z");
    BOOST_TEST(in_queue().overdue);
    auto ended = app::expire_corrections(ws, clerk);
    BOOST_REQUIRE(ended.size() == 1u);
    BOOST_TEST((ended[0].status == core::CaseStatus::withdrawn));
    BOOST_TEST(ended[0].reason.value_or("") == core::kCorrectionExpired);
    BOOST_TEST(!app::stores(ws).bindings.find(binding).has_value());
    BOOST_TEST(app::expire_corrections(ws, clerk).empty());
    // The pair may apply again at once.
    BOOST_TEST((app::submit_bind(ws, clerk, test::wife()).status == core::CaseStatus::submitted));
    BOOST_TEST(intact());
}

BOOST_AUTO_TEST_CASE(a_decision_is_delivered_once) {
    BOOST_TEST(test::refusal_code([&] { app::deliver_case(ws, clerk, number, "window"); }) == "case_state");
    app::approve_case(ws, super, number);
    auto c = app::deliver_case(ws, clerk, number, "window");
    BOOST_TEST(c.delivered_at.has_value());
    BOOST_TEST(c.delivered_how.value_or("") == "window");
    BOOST_TEST(test::refusal_code([&] { app::deliver_case(ws, clerk, number, "window"); }) == "already_delivered");
    BOOST_TEST(test::refusal_code([&] { app::deliver_case(ws, clerk, number, "post"); }) == "delivery_how_invalid");
    BOOST_TEST(app::find_case(ws, number).delivered_at.has_value());
    BOOST_TEST(intact());
}

BOOST_AUTO_TEST_CASE(window_cases_are_marked_as_such_and_filtered_by_channel) {
    auto c = app::find_case(ws, number);
    BOOST_TEST((c.channel == core::Channel::window));
    BOOST_TEST(c.service_number() == number);
    app::CaseSearch online;
    online.channel = core::Channel::online;
    BOOST_TEST(app::list_case_summaries(ws, online).empty());
    online.channel = core::Channel::window;
    BOOST_TEST(app::list_case_summaries(ws, online).size() >= 1u);
}

// The working days a case was promised when accepted are its own: the agency changing its setting
// later moves neither its due day in the queue nor the day on its receipt (a trial saw both move),
// and a case accepted afterwards is promised the new days.
BOOST_AUTO_TEST_CASE(a_case_keeps_the_days_it_was_promised_when_accepted) {
    const auto promised = in_queue().due;
    BOOST_REQUIRE(promised.has_value());
    BOOST_TEST(app::find_case(ws, number).promised_days.value_or(0) == 15);
    app::set_processing_days(ws, admin, "1");
    BOOST_TEST((in_queue().due == promised));
    app::DocumentRequest receipt;
    receipt.kind = app::Paper::receipt;
    receipt.case_number = number;
    const auto text = app::prepare_document(ws, clerk, receipt).data.fields.at("processing_time");
    BOOST_TEST(text.find("15个工作日") != std::string::npos, text);
    BOOST_TEST(text.find(promised->to_chinese()) != std::string::npos, text);
    app::withdraw_case(ws, clerk, number);
    auto next = app::submit_bind(ws, clerk, test::wife()).number;
    BOOST_TEST(app::find_case(ws, next).promised_days.value_or(0) == 1);
    BOOST_TEST(intact());
}

BOOST_AUTO_TEST_SUITE_END()
