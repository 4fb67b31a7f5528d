// Pins how many statements the server runs for a window's most frequent actions (issue 13: a
// window across a city network pays a round trip for each). Counted by PostgreSQL itself
// (pg_stat_statements, loaded by tests/pg-server.sh); on SQLite there is no network to pay.
#include <boost/test/unit_test.hpp>

#include <soci/soci.h>

#include <functional>

#include "app/cases/case_service.h"
#include "app/setup/schema_upgrade.h"
#include "demo_couple.h"
#include "fixture.h"

using namespace gongji;

namespace {

struct Counted : test::DemoWorkspace {
    app::Actor clerk{"clerk", core::Role::clerk, "win-01"};
    app::Actor super{"super", core::Role::supervisor, "win-09"};

    // As a window's connection is when the clerk starts work: the program's start-up and a login.
    Counted() {
        app::upgrade_on_start(ws);
        app::authenticate(ws, "clerk", "demo");
    }

    // Statements the client sent to this database while `action` ran (top level: the checks a
    // foreign key runs inside the server cost no round trip).
    long statements(const std::function<void()>& action) {
        auto& sql = app::database(ws).sql();
        sql << "CREATE EXTENSION IF NOT EXISTS pg_stat_statements";
        sql << "SELECT pg_stat_statements_reset()";
        action();
        long n = 0;
        sql << "SELECT COALESCE(sum(calls), 0) FROM pg_stat_statements WHERE dbid = "
               "(SELECT oid FROM pg_database WHERE datname = current_database()) "
               "AND toplevel AND query NOT LIKE '%pg_stat_statements%'",
            soci::into(n);
        return n;
    }
};

using test::wife;

}  // namespace

BOOST_FIXTURE_TEST_CASE(a_windows_frequent_actions_stay_within_their_statement_budget, Counted) {
    if (test::backend_name() != "postgresql") return;
    // Budgets as measured on 2026-12-03 (docs/performance.md); a change that needs more says so here.
    // The card logs its look-up (issue 15): one statement more once the window's chain head is
    // known to its connection (the login wrote it); the first look-up of a fresh connection pays
    // a transaction.
    long first_card = statements([&] { app::person_card(ws, clerk, test::kZhangWei); });
    long card = statements([&] { app::person_card(ws, clerk, test::kZhangWei); });
    long submit = 0;
    std::string number;
    submit = statements([&] { number = app::submit_bind(ws, clerk, wife()).number; });
    long open = statements([&] { app::find_case(ws, number); });
    long approve = statements([&] { app::approve_case(ws, super, number); });
    BOOST_TEST_MESSAGE("statements: person card " << card << " (" << first_card << " on a fresh connection), submission " << submit << ", case opened " << open
                                                  << ", approval " << approve);
    BOOST_TEST(card <= 8);
    BOOST_TEST(first_card <= 14);
    BOOST_TEST(submit <= 17);
    BOOST_TEST(open <= 1);
    BOOST_TEST(approve <= 17);
}

// As the form submits at a window: both cards read (one of them twice) and two papers scanned.
// The roster is asked once for all the reads and the agency's paper limits are read at once
// (issue 29: each read was looked up twice, and each of three limits once per paper).
BOOST_FIXTURE_TEST_CASE(a_submission_with_card_reads_and_scans_asks_the_roster_once, Counted) {
    if (test::backend_name() != "postgresql") return;
    auto read = [](const std::string& id, const std::string& name) {
        app::CardRead r;
        r.card.id_number = id;
        r.card.name = name;
        r.at = app::now();
        return r;
    };
    auto application = wife();
    application.card_reads = {read(test::kZhangWei, "张伟"), read(test::kLiXiuying, "李秀英"), read(test::kLiXiuying, "李秀英")};
    application.uploads = {{core::DocumentType::marriage_certificate, "marriage.png", test::tiny_png()},
                           {core::DocumentType::hukou, "hukou.png", test::tiny_png()}};
    long submit = statements([&] { app::submit_bind(ws, clerk, application); });
    BOOST_TEST_MESSAGE("statements: a submission with three card reads and two scans " << submit);
    BOOST_TEST(submit <= 24);  // 34 before: five roster look-ups and five settings reads more
}
