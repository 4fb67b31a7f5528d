// Pins the heads kept outside the database (issue 30): every commit that adds audit entries leaves
// its chain's head in the user's data folder, so a log that lost its last entries (its tail cut and
// its head moved back, as a lost write-ahead log or an insider leaves it) fails verification without
// a printed anchor; a restore starts the kept heads afresh; a database made anew at the same place
// is not held against the old one's heads.
#include <boost/test/unit_test.hpp>
#include <soci/soci.h>

#include <cstdlib>

#include "app/trust/audit.h"
#include "app/cases/case_service.h"
#include "app/trust/kept_anchors.h"
#include "demo_couple.h"
#include "fixture.h"

namespace gongji {
namespace {

using test::wife;

// The user's data folder of this test only.
struct OwnDataFolder {
    test::TempDir data;
    OwnDataFolder() { setenv("XDG_DATA_HOME", data.path().c_str(), 1); }
    ~OwnDataFolder() { unsetenv("XDG_DATA_HOME"); }
};

struct Window : OwnDataFolder, test::DemoWorkspace {
    app::Actor clerk{"clerk", core::Role::clerk, "窗口-01"};
    app::Actor super{"super", core::Role::supervisor, "窗口-09"};

    long long head_of(const std::string& chain) {
        long long seq = 0;
        app::database(ws).sql() << "SELECT seq FROM audit_heads WHERE chain = :c", soci::use(chain), soci::into(seq);
        return seq;
    }
    std::optional<app::AuditAnchor> kept(const std::string& chain) {  // the highest kept
        std::optional<app::AuditAnchor> latest;
        for (auto& a : app::kept_audit_anchors(ws))
            if (a.chain == chain && (!latest || a.seq > latest->seq)) latest = a;
        return latest;
    }
    void look_up_as_super() { app::audit(ws, {"super", "窗口-09"}, "person.view", "person", "x", "", "{}"); }
    // What a lost write-ahead log leaves: the chain's last entry gone and its head moved back.
    void lose_last_entry(const std::string& chain) {
        auto& sql = app::database(ws).sql();
        long long seq = head_of(chain);
        std::string prev;
        sql << "SELECT prev_hash FROM audit_log WHERE chain = :c AND seq = :s", soci::use(chain), soci::use(seq), soci::into(prev);
        sql << "DELETE FROM audit_log WHERE chain = :c AND seq = :s", soci::use(chain), soci::use(seq);
        long long back = seq - 1;
        sql << "UPDATE audit_heads SET seq = :s, hash = :h WHERE chain = :c", soci::use(back), soci::use(prev), soci::use(chain);
    }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(kept_anchors, Window)

BOOST_AUTO_TEST_CASE(every_commit_keeps_its_chains_head) {
    auto c = app::submit_bind(ws, clerk, wife());
    app::approve_case(ws, super, c.number);
    for (const std::string chain : {"窗口-01", "窗口-09"}) {
        auto a = kept(chain);
        BOOST_REQUIRE_MESSAGE(a, chain);
        BOOST_TEST(a->seq == head_of(chain));
    }
    BOOST_TEST(!app::verify_audit_with_kept(ws, {}).broken.has_value());
    BOOST_TEST(app::lost_tails(ws).empty());
}

BOOST_AUTO_TEST_CASE(a_lost_tail_is_found_without_a_printed_anchor) {
    auto c = app::submit_bind(ws, clerk, wife());
    app::approve_case(ws, super, c.number);
    lose_last_entry("窗口-09");
    BOOST_TEST(!app::verify_audit(ws).broken.has_value());  // the chain alone still holds together
    auto v = app::verify_audit(ws, app::kept_audit_anchors(ws));
    BOOST_REQUIRE(v.broken.has_value());
    BOOST_TEST(v.broken_chain == "窗口-09");
    BOOST_TEST(v.broken->reason.find("this machine saw committed") != std::string::npos, v.broken->reason);
    BOOST_TEST(v.broken->seq == head_of("窗口-09") + 1);  // the first entry lost
    BOOST_TEST(app::lost_tails(ws).size() == 1u);
}

BOOST_AUTO_TEST_CASE(a_loss_stays_found_after_new_entries_are_written_over_it) {
    auto c = app::submit_bind(ws, clerk, wife());
    app::approve_case(ws, super, c.number);
    look_up_as_super();
    lose_last_entry("窗口-09");
    lose_last_entry("窗口-09");
    for (int i = 0; i < 6; ++i) look_up_as_super();  // the window goes on, past where it was
    auto v = app::verify_audit_with_kept(ws, {});
    BOOST_REQUIRE(v.broken.has_value());
    BOOST_TEST(v.broken_chain == "窗口-09");
    BOOST_TEST(v.broken->reason.find("work was lost") != std::string::npos, v.broken->reason);
    auto lost = app::lost_tails(ws);
    BOOST_REQUIRE(lost.size() == 1u);
    BOOST_TEST(lost[0].rewritten);
    BOOST_TEST(!app::verify_audit(ws).broken.has_value());  // the chain alone holds together
}

BOOST_AUTO_TEST_CASE(a_restart_after_a_restore_forgets_the_heads_before_it) {
    auto c = app::submit_bind(ws, clerk, wife());
    lose_last_entry("窗口-01");
    BOOST_TEST(app::verify_audit(ws, app::kept_audit_anchors(ws)).broken.has_value());
    app::restart_kept_anchors(ws, "restored from test.db");
    BOOST_TEST(!app::verify_audit(ws, app::kept_audit_anchors(ws)).broken.has_value());
    app::withdraw_case(ws, clerk, c.number);  // kept again from here
    BOOST_TEST(kept("窗口-01").has_value());
}

BOOST_AUTO_TEST_CASE(another_database_has_a_file_of_its_own) {
    app::submit_bind(ws, clerk, wife());
    test::FreshDatabase other_place;
    app::Workspace other(other_place.url());
    app::InitOptions options;
    options.admin_password = "secret";
    app::initialize(other, options);
    BOOST_TEST(app::kept_anchor_file(other) != app::kept_anchor_file(ws));
    BOOST_TEST(!app::verify_audit(other, app::kept_audit_anchors(other)).broken.has_value());
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace gongji
