// A server that goes away (issue 13): when the connection of a window breaks (the server
// restarts, the network drops), the action in flight fails and saves nothing, the window can
// tell, the next action connects again, and a submission tried again whose first answer was lost
// makes no second case.
#include <boost/test/unit_test.hpp>
#include <soci/soci.h>

#include "app/cases/case_service.h"
#include "demo_couple.h"
#include "fixture.h"

namespace gongji {
namespace {

using test::kZhangWei;
using test::wife;

struct Window : test::DemoWorkspace {
    app::Actor clerk{"clerk", core::Role::clerk, "窗口-01"};

    long long cases() {
        long long n = 0;
        app::database(ws).sql() << "SELECT count(*) FROM cases", soci::into(n);
        return n;
    }
    // Ends this window's connection from the server's side, as a restart does.
    void cut_connection() {
        long long pid = 0;
        app::database(ws).sql() << "SELECT pg_backend_pid()", soci::into(pid);
        auto admin = storage::Database::open(fresh.url());
        int ended = 0;
        admin->sql() << "SELECT count(*) FROM (SELECT pg_terminate_backend(:p)) AS t", soci::use(pid), soci::into(ended);
    }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(connection, Window)

BOOST_AUTO_TEST_CASE(a_broken_connection_fails_the_action_and_the_next_one_connects_again) {
    if (test::backend_name() != "postgresql") return;  // an embedded file has no connection to lose
    app::person_card(ws, clerk, kZhangWei);  // kept statements prepared on the first connection
    cut_connection();
    BOOST_CHECK_THROW(app::submit_bind(ws, clerk, wife()), std::exception);
    BOOST_TEST(ws.connection_lost());  // the window can say what happened

    auto card = app::person_card(ws, clerk, kZhangWei);  // a new connection
    BOOST_TEST(!ws.connection_lost());
    BOOST_TEST(card.person.name == "张伟");
    BOOST_TEST(cases() == 0);  // the failed submission saved nothing
    auto c = app::submit_bind(ws, clerk, wife());
    BOOST_TEST(c.number.size() == 17u);
}

BOOST_AUTO_TEST_CASE(a_submission_tried_again_finds_the_case_its_first_attempt_saved) {
    auto application = wife();
    application.request_key = app::new_request_key();
    auto first = app::submit_bind(ws, clerk, application);
    // The answer was lost: the window saw an error and the clerk presses Submit again.
    auto again = app::submit_bind(ws, clerk, application);
    BOOST_TEST(again.number == first.number);
    BOOST_TEST(cases() == 1);

    // Without the key the same submission is refused as a duplicate: nothing twice either way.
    BOOST_CHECK_THROW(app::submit_bind(ws, clerk, wife()), app::NotEligible);
    // Another clerk with the same key is not given someone else's case.
    app::Actor other{"admin", core::Role::clerk, "窗口-02"};
    BOOST_CHECK_THROW(app::submit_bind(ws, other, application), app::NotEligible);
}

// The window's submission carries its key; looking the key up connects again, and the failure
// must still say that the connection was lost, not show the database's own words.
BOOST_AUTO_TEST_CASE(a_keyed_submission_on_a_broken_connection_says_the_connection_was_lost) {
    if (test::backend_name() != "postgresql") return;
    auto application = wife();
    application.request_key = app::new_request_key();
    app::person_card(ws, clerk, kZhangWei);
    cut_connection();
    BOOST_CHECK_THROW(app::submit_bind(ws, clerk, application), app::ConnectionLost);
    auto c = app::submit_bind(ws, clerk, application);  // pressed again: saved once
    BOOST_TEST(cases() == 1);
    BOOST_TEST(app::submit_bind(ws, clerk, application).number == c.number);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace gongji
