// Pins backups of the embedded database with a proven restore: a copy taken while another
// window keeps writing is consistent and verified (integrity and every audit chain) before it
// is called a backup; restoring it brings back exactly what it held; a file that is not such a
// backup (a plain copy, a damaged one, not a database) is refused and the database is left as
// it was. PostgreSQL has its own tools: asked of it, the command says so.
#include <boost/test/unit_test.hpp>

#include <map>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include <soci/soci.h>

#include "app/trust/audit.h"
#include "app/trust/backup_service.h"
#include "app/cases/case_service.h"
#include "demo_couple.h"
#include "fixture.h"
#include "storage/database.h"

namespace gongji {
namespace {

struct Office : test::DemoWorkspace {
    app::Actor clerk{"clerk", core::Role::clerk, "窗口-01"};
    test::TempDir dir;

    long long cases(app::Workspace& w) { return static_cast<long long>(app::list_case_summaries(w, {}).size()); }
    // Why a restore of the file was refused ("" when it went through).
    std::string why_refused(const std::string& file) {
        try {
            app::restore(ws, admin, file);
        } catch (const app::Refused& e) {
            return e.problem().param("why");
        }
        return "";
    }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(backups, Office)

BOOST_AUTO_TEST_CASE(a_backup_taken_while_a_window_writes_restores_to_what_it_held) {
    if (test::backend_name() != "sqlite") {
        BOOST_CHECK_THROW(app::back_up(ws, admin, dir.path() + "/b.db"), storage::StorageError);
        return;
    }
    std::atomic<bool> stop{false};
    std::vector<std::string> window_refused;  // what a window was told, if any change of its failed
    std::thread window([&] {  // another window at work on the same file, as a clerk would go on
        app::Workspace other(fresh.url());
        app::Actor clerk2{"clerk", core::Role::clerk, "窗口-02"};
        while (!stop) {
            try {
                app::reorder(other, clerk2, test::kZhangWei, {});
            } catch (const std::exception& e) {
                window_refused.push_back(e.what());
            }
        }
    });
    while (cases(ws) < 20) std::this_thread::sleep_for(std::chrono::milliseconds(5));  // the window at work
    auto during_from = cases(ws);
    auto report = app::back_up(ws, admin, dir.path() + "/b.db");
    auto during_to = cases(ws);
    stop = true;
    window.join();
    for (const auto& refused : window_refused) BOOST_TEST_MESSAGE("the other window was told: " << refused);
    BOOST_TEST(report.audit_entries > 0);

    test::TempDir elsewhere;  // a fresh machine's database, restored from the backup
    std::string target = "sqlite:" + elsewhere.path() + "/restored.db";
    storage::Database::open(target);
    app::Workspace restored(target);
    auto back = app::restore(restored, admin, dir.path() + "/b.db");
    BOOST_TEST(back.taken_at == report.taken_at);
    auto v = app::verify_audit(restored);
    BOOST_TEST(!v.broken.has_value());
    BOOST_TEST(v.entries == report.audit_entries + 1);  // and the restore itself
    // One moment's state: whole (the chains verified above), between the counts before and after.
    BOOST_TEST(cases(restored) >= during_from);
    BOOST_TEST(cases(restored) <= during_to);
    BOOST_TEST_MESSAGE("cases: " << during_from << " when the backup began, " << cases(restored) << " in it, "
                                 << during_to << " when it ended");
    BOOST_CHECK_THROW(app::back_up(ws, admin, dir.path() + "/b.db"), app::BadInput);  // never over a backup
    BOOST_CHECK_THROW(app::back_up(ws, clerk, dir.path() + "/c.db"), app::Refused);   // administrators only
}

BOOST_AUTO_TEST_CASE(a_restore_says_which_work_seen_saved_here_the_backup_does_not_bring_back) {
    if (test::backend_name() != "sqlite") return;
    app::back_up(ws, admin, dir.path() + "/b.db");
    for (int i = 0; i < 3; ++i)  // a window's work after the backup
        app::audit(ws, {"clerk", "窗口-05"}, "person.view", "person", test::kZhangWei, "", "{}");
    auto back = app::restore(ws, admin, dir.path() + "/b.db");
    std::map<std::string, std::pair<long long, long long>> missing;
    for (const auto& m : back.not_in_backup) missing[m.chain] = {m.from, m.to};
    BOOST_TEST((missing["窗口-05"] == std::pair<long long, long long>{1, 3}));
    BOOST_TEST(missing.count(admin.workstation) == 0u);  // the backup's own record is in it
}

BOOST_AUTO_TEST_CASE(what_is_not_a_verified_backup_is_refused_and_nothing_changes) {
    if (test::backend_name() != "sqlite") return;
    auto refused = [&](const std::string& file) {
        try {
            app::restore(ws, admin, file);
        } catch (const app::Refused& e) {
            BOOST_TEST_MESSAGE(e.problem().param("why"));
            return e.code() == "not_a_backup";
        }
        return false;
    };
    auto before = app::verify_audit(ws).entries;
    // A plain copy of the database file: never checked, never marked.
    auto plain = dir.path() + "/plain.db";
    std::filesystem::copy_file(fresh.url().substr(7), plain);
    BOOST_TEST(refused(plain));
    // A backup damaged afterwards.
    app::back_up(ws, admin, dir.path() + "/b.db");
    auto damaged = dir.path() + "/damaged.db";
    std::filesystem::copy_file(dir.path() + "/b.db", damaged);
    {
        std::fstream f(damaged, std::ios::in | std::ios::out | std::ios::binary);
        f.seekp(8192);
        f << std::string(4096, '\x5a');
    }
    BOOST_TEST(refused(damaged));
    BOOST_TEST(refused(dir.write("notes.db", "not a database at all")));
    // A backup a newer version made: this program could not open the database it would leave.
    auto newer = dir.path() + "/newer.db";
    std::filesystem::copy_file(dir.path() + "/b.db", newer);
    storage::Database::open("sqlite:" + newer)->sql()
        << "INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, '0999_future.sql', '2027-01-01T00:00:00Z')";
    BOOST_TEST(refused(newer));
    BOOST_TEST(app::verify_audit(ws).entries == before + 1);  // only the backup itself was recorded
}

// Issue 31: a backup edited after it was taken restored with exit 0. Its tables are held against
// its own log, its chains against the heads this machine kept; either refuses it, saying which.
BOOST_AUTO_TEST_CASE(a_backup_edited_after_it_was_taken_is_refused_naming_what_differs) {
    if (test::backend_name() != "sqlite") return;
    app::submit_bind(ws, clerk, test::wife());
    app::back_up(ws, admin, dir.path() + "/b.db");
    auto richer = dir.path() + "/richer.db";
    std::filesystem::copy_file(dir.path() + "/b.db", richer);
    storage::Database::open("sqlite:" + richer)->sql()
        << "UPDATE persons SET balance_fen = balance_fen + 100000000 WHERE id_number = '" + test::kZhangWei + "'";
    auto why = why_refused(richer);
    BOOST_TEST(why.find("persons") != std::string::npos, why);
    auto cut = dir.path() + "/cut.db";
    std::filesystem::copy_file(dir.path() + "/b.db", cut);
    {
        auto db = storage::Database::open("sqlite:" + cut);
        db->sql() << "DELETE FROM audit_log WHERE chain = '窗口-01' AND seq = (SELECT max(seq) FROM audit_log WHERE chain = '窗口-01')";
        db->sql() << "UPDATE audit_heads SET seq = seq - 1, hash = (SELECT hash FROM audit_log l WHERE l.chain = '窗口-01' "
                     "AND l.seq = audit_heads.seq - 1) WHERE chain = '窗口-01'";
    }
    why = why_refused(cut);
    BOOST_TEST(!why.empty());
    BOOST_TEST_MESSAGE(why);
    BOOST_TEST(app::restore(ws, admin, dir.path() + "/b.db").taken_at.size() > 0u);  // the backup as taken still restores
}

// From a red-team trial: the last entries cut from a backup (a clerk's look at a person's data,
// the backup's own entry) with the heads reset and even the entry count it was marked with made
// to agree, restored with exit 0. The backup's sealed entry, written before the copy, is gone.
BOOST_AUTO_TEST_CASE(a_backup_cut_back_after_it_was_taken_is_refused) {
    if (test::backend_name() != "sqlite") return;
    for (int i = 0; i < 2; ++i) app::audit(ws, {"clerk", "窗口-05"}, "person.view", "person", test::kZhangWei, "", "{}");
    app::audit(ws, {admin.username, admin.workstation}, "user.list", "users", "*", "", "{}");
    app::back_up(ws, admin, dir.path() + "/b.db");
    auto cut_back = [&](const std::string& name, const std::string& chain, bool recount) {
        const auto file = dir.path() + "/" + name;
        std::filesystem::copy_file(dir.path() + "/b.db", file);
        auto db = storage::Database::open("sqlite:" + file);
        db->sql() << "DELETE FROM audit_log WHERE chain = '" + chain + "' AND seq = (SELECT max(seq) FROM audit_log WHERE chain = '" +
                         chain + "')";
        db->sql() << "UPDATE audit_heads SET seq = seq - 1, hash = (SELECT hash FROM audit_log l WHERE l.chain = '" + chain +
                         "' AND l.seq = audit_heads.seq - 1) WHERE chain = '" + chain + "'";
        if (recount) db->sql() << "UPDATE backup_record SET audit_entries = (SELECT count(*) FROM audit_log)";
        return file;
    };
    auto why = why_refused(cut_back("own.db", admin.workstation, true));
    BOOST_TEST(why.find("its own sealed entry") != std::string::npos, why);
    why = why_refused(cut_back("look.db", "窗口-05", false));
    BOOST_TEST(why.find("entries were cut") != std::string::npos, why);
    // Another window's chain cut back, the count made to agree: its sealed head says otherwise
    // (a retrial restored one so, from a machine that had not kept that window's heads).
    why = why_refused(cut_back("other.db", "窗口-05", true));
    BOOST_TEST(why.find("chain \"窗口-05\" ends at entry 1, but held 2") != std::string::npos, why);
    BOOST_TEST(app::restore(ws, admin, dir.path() + "/b.db").taken_at.size() > 0u);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace gongji
