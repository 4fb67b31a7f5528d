// The state proven by its log (issue 31): after real work — a binding approved, one pending, a
// settlement paid from an authorizer's account, a binding ended, a setting changed — the tables
// are what the log says; then each statement of the red team's list, run behind the program's
// back, is found and its row named, on both databases.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <soci/soci.h>

#include "app/cases/captured_papers.h"
#include "app/trust/audit.h"
#include "app/cases/case_service.h"
#include "app/cases/online_applications.h"
#include "app/setup/settings.h"
#include "app/trust/state_check.h"
#include "demo_couple.h"
#include "fixture.h"
#include "ledger_fixture.h"
#include "samples.h"
#include "storage/money_state.h"

namespace gongji {
namespace {

using test::kLiXiuying;
using test::kZhangWei;
const std::string kZhangLei = "450802199205060113";  // the demo's son of 张伟, bound to him

struct Worked : test::DemoWorkspace {
    app::Actor clerk{"clerk", core::Role::clerk, "窗口-01"};
    app::Actor super{"super", core::Role::supervisor, "窗口-09"};
    std::string pending_case;

    Worked() {
        // 张磊's clinic bill paid from his father 张伟's account (the demo binds them).
        app::settle_text(ws, test::kHeader + test::line("S1", kZhangLei, "2026-11-22T09:30:00+08:00", "clinic", 8650),
                         app::Encoding::utf8, {"admin", "test-ws"});
        app::change_setting(ws, admin, "agency_name", "港北区医疗保障经办窗口");
        pending_case = app::submit_bind(ws, clerk, test::wife()).number;  // waiting for review
        app::attach_document(ws, clerk, pending_case, {core::DocumentType::hukou, "户口簿.png", test::sample_png()});
        app::OnlineApplication online;  // and one waiting online, whose channel reads its events feed
        online.apply_no = "WX-STATE-1";
        online.via = core::Via::wechat;
        online.submitted_at = *core::Instant::parse("2026-12-07T01:30:00Z");
        online.authorizer = {kZhangWei, "张伟", ""};
        online.user = {kLiXiuying, "李秀英", ""};
        online.relation = "12";
        online.materials = {{core::DocumentType::marriage_certificate, "jhz.png", test::sample_png()}};
        app::receive_application(ws, {"clerk", core::Role::clerk, "intake-wechat-test"}, online, "body-hash");
    }

    void run(const std::string& sql) { app::database(ws).sql() << sql; }
    std::string tables_named(const app::StateCheck& check) {
        std::string out;
        for (const auto& d : check.differences) out += d.table + ":" + d.key + " ";
        return out;
    }
};

struct Tampering {
    const char* what;
    const char* sql;
    const char* table;  // named in the difference
    const char* key;    // "" when any key will do
};
std::ostream& operator<<(std::ostream& out, const Tampering& t) { return out << t.what; }

// The red team's statements, as the windows' role or with write access to the file could run them.
const Tampering kRedTeam[] = {
    {"a ledger amount", "UPDATE ledger SET amount_fen = amount_fen - 100 WHERE id = (SELECT min(id) FROM ledger)", "ledger", "*"},
    {"a ledger entry deleted", "DELETE FROM ledger WHERE id = (SELECT max(id) FROM ledger)", "ledger", "*"},
    {"a settlement amount",
     "UPDATE settlements SET amount_fen = amount_fen + 100, cash_fen = cash_fen + 100 WHERE setl_id = 'S1'", "settlements", "*"},
    {"a balance raised by 999,999 元",
     "UPDATE persons SET balance_fen = balance_fen + 99999900 WHERE id_number = '450802196503120117'", "persons", "*"},
    {"a case approved behind the review", "UPDATE cases SET status = 'approved' WHERE status = 'submitted'", "cases", ""},
    {"a pending binding made active", "UPDATE bindings SET status = 'active' WHERE status = 'pending'", "bindings", ""},
    {"a deduction order changed", "UPDATE bindings SET deduction_order = 7 WHERE status = 'active'", "bindings", ""},
    {"the clerk made an administrator", "UPDATE users SET role = 'admin' WHERE username = 'clerk'", "users", "clerk"},
    {"every administrator disabled", "UPDATE users SET disabled = 1 WHERE role = 'admin'", "users", "admin"},
    // Its first two digits changed, whatever they were (a hash that began "ab" once hid this).
    {"a password hash set behind the log",
     "UPDATE users SET password_hash = CASE WHEN substr(password_hash, 1, 2) = 'ab' THEN 'cd' ELSE 'ab' END || "
     "substr(password_hash, 3) WHERE username = 'admin'",
     "users", "admin"},
    {"a user added", "INSERT INTO users (username, role, password_salt, password_hash, iterations, created_at) "
                     "VALUES ('mole', 'admin', '00', '00', 1, '2026-12-01T00:00:00Z')", "users", "mole"},
    {"a setting changed", "UPDATE settings SET value = '别处' WHERE name = 'agency_name'", "settings", "agency_name"},
    {"a setting added", "INSERT INTO settings (name, value) VALUES ('login_lock_after', '1000')", "settings", "login_lock_after"},
    {"a paper deleted", "DELETE FROM documents WHERE id = (SELECT max(id) FROM documents)", "documents", ""},
    {"a paper marked removed", "UPDATE documents SET removed_at = '2026-12-01T00:00:00Z', removed_by = 'clerk'", "documents", ""},
    {"a scan swapped, its hash with it",
     "UPDATE documents SET sha256 = '00' || substr(sha256, 3), size_bytes = size_bytes + 1", "documents", ""},
    {"a profile's title changed", "UPDATE policy_profiles SET title = '别处' WHERE name = 'guangxi'", "policy_profiles", "guangxi"},
    {"a relation's category changed", "UPDATE relation_codes SET name = '配偶（改）' WHERE code = '12'", "code_tables", "*"},
    {"a region renamed", "UPDATE regions SET name = '别处' WHERE code = '450802'", "code_tables", "*"},
    {"a scan's content swapped, its hash left", "UPDATE documents SET content = content || 'AAAA'", "documents", ""},
    {"who captured a paper changed", "UPDATE documents SET captured_by = 'admin'", "documents", ""},
    {"an event telling an applicant of an approval that never was",
     "INSERT INTO case_events (via, seq, case_no, apply_no, action, state, at, detail) "
     "SELECT via, seq + 1, case_no, apply_no, 'approve', 'approved', at, '{}' FROM case_events",
     "case_events", ""},
    {"an event's state changed", "UPDATE case_events SET state = 'not_accepted'", "case_events", ""},
    {"an event deleted", "DELETE FROM case_events", "case_events", ""},
    {"a policy profile edited", "UPDATE policy_profiles SET document = document || ' ' WHERE name = 'guangxi'",
     "policy_profiles", "guangxi"},
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(state_check, Worked)

BOOST_AUTO_TEST_CASE(the_tables_after_real_work_are_what_the_log_says) {
    auto check = app::check_state(ws);
    BOOST_TEST(check.differences.empty(), tables_named(check));
    BOOST_TEST(check.rows > 20);  // cases, bindings, users, settings, profiles, money tables
    BOOST_TEST(check.entries > 5);
}

BOOST_AUTO_TEST_CASE(an_approval_and_an_unbind_that_renumbers_the_others_still_match) {
    app::approve_case(ws, super, pending_case);
    app::unbind(ws, clerk, kZhangWei, kZhangLei, core::UnbindReason::request);
    app::unbind(ws, clerk, kZhangWei, kLiXiuying, core::UnbindReason::request);
    auto check = app::check_state(ws);
    BOOST_TEST(check.differences.empty(), tables_named(check));
}

BOOST_DATA_TEST_CASE_F(Worked, each_change_behind_the_log_is_found_and_named,
                       boost::unit_test::data::make(std::vector<Tampering>(std::begin(kRedTeam), std::end(kRedTeam))),
                       tampering) {
    run(tampering.sql);
    auto check = app::check_state(ws);
    BOOST_REQUIRE_MESSAGE(!check.differences.empty(), tampering.what << " was not found");
    bool named = false;
    for (const auto& d : check.differences)
        named = named || (d.table == tampering.table && (std::string(tampering.key).empty() || d.key == tampering.key));
    BOOST_TEST(named, tampering.what << ": " << tables_named(check));
}

BOOST_AUTO_TEST_CASE(a_balance_changed_after_its_ledger_entry_is_named_by_account) {
    run("UPDATE persons SET balance_fen = balance_fen + 99999900 WHERE id_number = '" + kZhangWei + "'");
    bool named = false;
    for (const auto& d : app::check_state(ws).differences)
        named = named || (d.table == "persons" && d.key == kZhangWei);
    BOOST_TEST(named);
}

// An administrator's setting cannot stand in for the money a transaction moved: a value shaped
// like the record storage seals does not make a balance changed behind the log add up.
BOOST_AUTO_TEST_CASE(a_setting_shaped_like_a_money_record_proves_nothing) {
    // 李秀英 has no ledger entry to give her away: only the digest can.
    const auto before = app::stores(ws).persons.find(kLiXiuying)->balance_fen;
    run("UPDATE persons SET balance_fen = balance_fen + 100 WHERE id_number = '" + kLiXiuying + "'");
    core::StateDigest part;  // exactly what the change did to the table's digest
    part.remove(storage::person_balance_row(kLiXiuying, before));
    part.add(storage::person_balance_row(kLiXiuying, before + 100));
    app::change_setting(ws, admin, "note", "{\"balances\":{\"persons\":\"" + part.hex() + "\"}}");
    bool still_found = false;
    for (const auto& d : app::check_state(ws).differences) still_found = still_found || d.table == "persons";
    BOOST_TEST(still_found);
}

BOOST_AUTO_TEST_CASE(a_case_whose_row_is_gone_is_named_with_what_the_log_says_it_was) {
    run("DELETE FROM documents WHERE case_id = (SELECT id FROM cases WHERE number = '" + pending_case + "')");
    run("DELETE FROM cases WHERE number = '" + pending_case + "'");
    auto check = app::check_state(ws);
    bool named = false;
    for (const auto& d : check.differences)
        named = named || (d.table == "cases" && d.key == pending_case && d.table_value.empty() && !d.log.empty());
    BOOST_TEST(named, tables_named(check));
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace gongji
