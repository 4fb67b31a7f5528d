// The audit log as one chain per workstation (issue 13): entries are chained when their change
// commits, each workstation on its own chain, every chain verified; the one chain of a database
// written before there were many still verifies after the migration.
#include <boost/test/unit_test.hpp>
#include <soci/soci.h>

#include "app/trust/audit.h"
#include "app/cases/case_service.h"
#include "demo_couple.h"
#include "fixture.h"
#include "storage/migrations.h"

namespace gongji {
namespace {

using test::wife;

struct Chains : test::DemoWorkspace {
    app::Actor clerk{"clerk", core::Role::clerk, "窗口-01"};
    app::Actor super{"super", core::Role::supervisor, "窗口-09"};

    long long entries_of(const std::string& chain) {
        long long n = 0;
        app::database(ws).sql() << "SELECT count(*) FROM audit_log WHERE chain = :c", soci::use(chain), soci::into(n);
        return n;
    }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(audit_chains, Chains)

BOOST_AUTO_TEST_CASE(each_workstation_appends_to_its_own_chain_and_all_are_verified) {
    auto before = app::verify_audit(ws);
    auto c = app::submit_bind(ws, clerk, wife());
    app::approve_case(ws, super, c.number);
    auto v = app::verify_audit(ws);
    BOOST_TEST(!v.broken.has_value());
    BOOST_TEST(v.chains == before.chains + 2);
    BOOST_TEST(entries_of("窗口-01") == 2);  // case.submit, binding.create
    BOOST_TEST(entries_of("窗口-09") == 2);  // case.approve, binding.activate
    long long first = 0;
    app::database(ws).sql() << "SELECT seq FROM audit_log WHERE chain = '窗口-09' AND action = 'case.approve'",
        soci::into(first);
    BOOST_TEST(first == 1);  // each chain counts from 1
}

BOOST_AUTO_TEST_CASE(a_change_rolled_back_leaves_no_entry) {
    auto c = app::submit_bind(ws, clerk, wife());
    auto entries = app::verify_audit(ws).entries;
    BOOST_CHECK_THROW(app::approve_case(ws, clerk, c.number), app::Refused);  // four eyes
    BOOST_TEST(app::verify_audit(ws).entries == entries);
    BOOST_TEST(!app::verify_audit(ws).broken.has_value());
}

BOOST_AUTO_TEST_CASE(an_edit_or_a_cut_tail_in_any_chain_is_found_and_named) {
    auto c = app::submit_bind(ws, clerk, wife());
    app::approve_case(ws, super, c.number);
    app::database(ws).sql() << "UPDATE audit_log SET actor = 'clerk' WHERE chain = '窗口-09' AND action = 'case.approve'";
    auto v = app::verify_audit(ws);
    BOOST_REQUIRE(v.broken.has_value());
    BOOST_TEST(v.broken_chain == "窗口-09");
    BOOST_TEST(v.broken->seq == 1);

    app::database(ws).sql() << "UPDATE audit_log SET actor = 'super' WHERE chain = '窗口-09' AND action = 'case.approve'";
    BOOST_TEST(!app::verify_audit(ws).broken.has_value());
    app::database(ws).sql() << "DELETE FROM audit_log WHERE chain = '窗口-01' AND seq = 2";
    v = app::verify_audit(ws);
    BOOST_REQUIRE(v.broken.has_value());
    BOOST_TEST(v.broken_chain == "窗口-01");
    BOOST_TEST(v.broken->reason.find("deleted") != std::string::npos, v.broken->reason);
}

BOOST_AUTO_TEST_CASE(entries_on_a_chain_without_a_head_are_found) {
    app::submit_bind(ws, clerk, wife());
    app::database(ws).sql() << "DELETE FROM audit_heads WHERE chain = '窗口-01'";
    auto v = app::verify_audit(ws);
    BOOST_REQUIRE(v.broken.has_value());
    BOOST_TEST(v.broken_chain == "窗口-01");
}

BOOST_AUTO_TEST_SUITE_END()

// A database whose one chain was written before chains were per workstation.
BOOST_AUTO_TEST_CASE(the_single_chain_of_an_older_database_still_verifies_after_the_migration) {
    test::FreshDatabase fresh;
    auto all = storage::load_migrations(app::migrations_dir());
    std::vector<storage::Migration> up_to_6;
    for (const auto& m : all)
        if (m.version <= 6) up_to_6.push_back(m);
    {
        auto db = storage::Database::open(fresh.url());
        storage::migrate(*db, up_to_6, core::Instant{0});
        std::string prev = core::kChainStart;
        for (long long seq = 1; seq <= 3; ++seq) {
            core::AuditEntry e;
            e.seq = seq;
            e.at = "2026-11-0" + std::to_string(seq) + "T01:00:00Z";
            e.actor = "admin";
            e.workstation = seq == 2 ? "win-02" : "win-01";
            e.action = "user.add";
            e.entity = "user";
            e.entity_key = "u" + std::to_string(seq);
            e.prev_hash = prev;
            e.hash = core::audit_entry_hash(e);
            prev = e.hash;
            db->sql() << "INSERT INTO audit_log (seq, at, actor, workstation, action, entity, entity_key, before_state, "
                         "after_state, prev_hash, hash) VALUES (:s, :at, :ac, :w, :act, :en, :k, '', '', :p, :h)",
                soci::use(e.seq), soci::use(e.at), soci::use(e.actor), soci::use(e.workstation), soci::use(e.action),
                soci::use(e.entity), soci::use(e.entity_key), soci::use(e.prev_hash), soci::use(e.hash);
        }
        db->sql() << "UPDATE audit_head SET seq = 3, hash = :h WHERE id = 1", soci::use(prev);
    }
    app::Workspace ws(fresh.url());
    app::InitOptions upgrade;  // `gongji init` brings the schema up to date
    upgrade.admin_password = "secret";
    app::initialize(ws, upgrade);
    auto v = app::verify_audit(ws);
    BOOST_TEST(!v.broken.has_value());
    long long old_chain = 0;
    app::database(ws).sql() << "SELECT count(*) FROM audit_log WHERE chain = ''", soci::into(old_chain);
    BOOST_TEST(old_chain == 3);

    app::database(ws).sql() << "DELETE FROM audit_log WHERE seq = 3";
    v = app::verify_audit(ws);
    BOOST_REQUIRE(v.broken.has_value());
    BOOST_TEST(v.broken_chain == "");
}

}  // namespace gongji
