// Pins the audit log sealed with the agency's key (issue 15), on this run's backend: entries
// made once a key exists carry its HMAC (SHA-256 or SM3) and verify; an insider who can write
// the database rewrites an entry and seals the chain again as plain SHA-256, as the old chain
// allowed, and is found; a rotated key seals what follows while the old one still verifies its
// own; a key missing from the file is named.
#include <boost/test/unit_test.hpp>
#include <soci/soci.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "app/trust/audit.h"
#include "app/trust/audit_keys.h"
#include "app/platform/clock.h"
#include "app/cases/case_service.h"
#include "demo_couple.h"
#include "fixture.h"
#include "storage/audit_repository.h"

namespace gongji {
namespace {

struct KeyedOffice : test::DemoWorkspace {
    test::TempDir keys;
    std::string key_file = keys.path() + "/audit.key";
    app::Actor clerk{"clerk", core::Role::clerk, "窗口-01"};
    app::Actor super{"super", core::Role::supervisor, "窗口-09"};

    KeyedOffice() { ::setenv("GONGJI_AUDIT_KEY_FILE", key_file.c_str(), 1); }
    ~KeyedOffice() {
        ::unsetenv("GONGJI_AUDIT_KEY_FILE");
        app::set_clock(std::nullopt);
    }

    // A key made now, the windows' work a minute later (times are kept to the second).
    core::AuditKey key_made(core::SealAlgorithm algorithm) {
        auto key = app::new_audit_key(algorithm);
        app::set_clock(core::Instant::parse(key.created_at)->plus(60));
        return key;
    }

    // A window that opens the database now, with the key as the file has it now.
    std::unique_ptr<app::Workspace> window() { return std::make_unique<app::Workspace>(fresh.url()); }

    std::vector<std::string> key_ids() {
        std::vector<std::string> ids;
        soci::rowset<std::string> rows =
            (app::database(ws).sql().prepare << "SELECT DISTINCT key_id FROM audit_log ORDER BY key_id");
        for (const auto& id : rows) ids.push_back(id);
        return ids;
    }
};

// What an insider with write access to the database does: changes an entry and seals it and
// everything after it again with the plain SHA-256, then moves the head.
void rewrite_as_insider(storage::Database& db, const std::string& chain, const std::string& action) {
    storage::AuditRepository log(db);
    std::vector<core::AuditEntry> entries;
    for (auto& e : log.all())
        if (e.chain == chain) entries.push_back(e);
    std::string prev = core::kChainStart;
    for (auto& e : entries) {
        if (e.action == action) e.after = "{\"rewritten\":true}";
        e.prev_hash = prev;
        e.key_id = "";
        e.hash = core::audit_entry_hash(e);
        prev = e.hash;
        db.sql() << "UPDATE audit_log SET after_state = :a, prev_hash = :p, hash = :h, key_id = '' WHERE chain = :c AND seq = :s",
            soci::use(e.after), soci::use(e.prev_hash), soci::use(e.hash), soci::use(chain), soci::use(e.seq);
    }
    db.sql() << "UPDATE audit_heads SET hash = :h WHERE chain = :c", soci::use(prev), soci::use(chain);
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(audit_keys, KeyedOffice)

BOOST_AUTO_TEST_CASE(entries_after_the_key_is_made_are_sealed_with_it_and_verify) {
    BOOST_TEST(app::load_audit_keys().empty());  // no file: the plain chain, as before
    auto key = key_made(core::SealAlgorithm::hmac_sha256);
    auto keyed = window();
    app::submit_bind(*keyed, clerk, test::wife());
    auto v = app::verify_audit(*keyed);
    BOOST_TEST(!v.broken.has_value());
    BOOST_TEST(v.unkeyed > 0);  // the demo's set-up, made before the key
    BOOST_TEST(v.unkeyed < v.entries);
    auto ids = key_ids();
    BOOST_TEST((ids == std::vector<std::string>{"", key.id}));
}

BOOST_AUTO_TEST_CASE(an_insider_who_seals_a_rewritten_chain_again_is_found) {
    key_made(core::SealAlgorithm::hmac_sha256);
    auto keyed = window();
    auto c = app::submit_bind(*keyed, clerk, test::wife());
    app::approve_case(*keyed, super, c.number);
    BOOST_REQUIRE(!app::verify_audit(*keyed).broken.has_value());
    rewrite_as_insider(app::database(*keyed), "窗口-09", "case.approve");
    auto v = app::verify_audit(*keyed);
    BOOST_REQUIRE(v.broken.has_value());
    BOOST_TEST(v.broken_chain == "窗口-09");
    BOOST_TEST(v.broken->seq == 1);
    BOOST_TEST_MESSAGE(v.broken->reason);
}

BOOST_AUTO_TEST_CASE(a_rotated_key_seals_what_follows_and_the_old_one_still_verifies) {
    auto first = key_made(core::SealAlgorithm::hmac_sha256);
    app::submit_bind(*window(), clerk, test::wife());
    auto second = key_made(core::SealAlgorithm::hmac_sm3);  // 密评: SM3, chosen by the agency
    BOOST_TEST(second.id != first.id);
    auto later = window();
    app::reorder(*later, clerk, test::kLiXiuying, {test::kZhangWei});
    BOOST_TEST(!app::verify_audit(*later).broken.has_value());
    BOOST_TEST(key_ids().size() == 3u);  // plain, the first key, the second

    // The first key lost from the file: what it sealed can no longer be vouched for, and is named.
    std::ifstream in(key_file);
    std::string line, kept;
    while (std::getline(in, line))
        if (line.rfind(first.id + " ", 0) != 0) kept += line + "\n";
    in.close();
    std::ofstream(key_file) << kept;
    auto v = app::verify_audit(*later);
    BOOST_REQUIRE(v.broken.has_value());
    BOOST_TEST(v.broken->reason.find(first.id) != std::string::npos, v.broken->reason);
}

BOOST_AUTO_TEST_CASE(anchors_kept_away_from_the_database_find_a_cut_log_and_a_backdated_rewrite) {
    key_made(core::SealAlgorithm::hmac_sha256);
    auto keyed = window();
    auto c = app::submit_bind(*keyed, clerk, test::wife());
    app::approve_case(*keyed, super, c.number);
    auto anchors = app::audit_anchors(*keyed);  // printed with the day's report
    BOOST_REQUIRE(!anchors.empty());
    BOOST_TEST(!app::verify_audit(*keyed, anchors).broken.has_value());
    auto& db = app::database(*keyed);

    // The last entry of the supervisor's chain deleted and the head set back onto the one before:
    // the chain alone still looks whole; its anchor does not.
    db.sql() << "DELETE FROM audit_log WHERE chain = '窗口-09' AND seq = 2";
    std::string hash;
    db.sql() << "SELECT hash FROM audit_log WHERE chain = '窗口-09' AND seq = 1", soci::into(hash);
    db.sql() << "UPDATE audit_heads SET seq = 1, hash = :h WHERE chain = '窗口-09'", soci::use(hash);
    BOOST_TEST(!app::verify_audit(*keyed).broken.has_value());
    auto cut = app::verify_audit(*keyed, anchors);
    BOOST_REQUIRE(cut.broken.has_value());
    BOOST_TEST(cut.broken->reason.find("cut back") != std::string::npos, cut.broken->reason);

    // A chain rewritten plain and backdated to before the key: only its anchor can tell.
    db.sql() << "UPDATE audit_log SET at = '2000-01-01T00:00:00Z' WHERE chain = '窗口-01'";
    rewrite_as_insider(db, "窗口-01", "case.submit");
    auto rewritten = app::verify_audit(*keyed, anchors);
    BOOST_REQUIRE(rewritten.broken.has_value());
    BOOST_TEST(rewritten.broken->reason.find("rewritten") != std::string::npos, rewritten.broken->reason);
    BOOST_CHECK_THROW(app::parse_audit_anchor("窗口-01:x:abc"), app::BadInput);
    auto parsed = app::parse_audit_anchor("窗口:01:3:0123456789abcdef");
    BOOST_TEST(parsed.chain == "窗口:01");
    BOOST_TEST(parsed.seq == 3);
}

BOOST_AUTO_TEST_CASE(a_key_file_that_cannot_be_right_stops_everything) {
    std::ofstream(key_file) << "k1 hmac-md5 2026-12-03T00:00:00Z 00\n";
    BOOST_CHECK_THROW(window(), app::BadInput);
}

// Issue 31: a key others can read lets them seal a rewritten log; it is refused with how to fix it.
BOOST_AUTO_TEST_CASE(a_key_file_open_to_other_accounts_is_refused_saying_how_to_fix_it) {
    key_made(core::SealAlgorithm::hmac_sha256);
    std::filesystem::permissions(key_file, std::filesystem::perms(0644));
    BOOST_CHECK_EXCEPTION(window(), app::BadInput, [](const app::BadInput& e) {
        return std::string(e.what()).find("chmod 600") != std::string::npos;
    });
    std::filesystem::permissions(key_file, std::filesystem::perms(0640));  // the windows' group may read it
    BOOST_CHECK_NO_THROW(window());
}

// Issue 31: a chain renamed (w1 → w9) kept its seals, which do not cover the chain's name; the
// workstation each entry names does, and must be its chain's.
BOOST_AUTO_TEST_CASE(a_renamed_chain_and_an_emptied_log_are_found) {
    key_made(core::SealAlgorithm::hmac_sha256);
    auto w = window();
    app::submit_bind(*w, clerk, test::wife());
    app::database(*w).sql() << "UPDATE audit_log SET chain = '窗口-99' WHERE chain = '窗口-01'";
    app::database(*w).sql() << "UPDATE audit_heads SET chain = '窗口-99' WHERE chain = '窗口-01'";
    auto v = app::verify_audit(*w);
    BOOST_REQUIRE(v.broken.has_value());
    BOOST_TEST(v.broken->reason.find("renamed") != std::string::npos, v.broken->reason);
    app::database(*w).sql() << "DELETE FROM audit_log";
    app::database(*w).sql() << "DELETE FROM audit_heads";
    v = app::verify_audit(*w);
    BOOST_REQUIRE(v.broken.has_value());
    BOOST_TEST(v.broken->reason.find("emptied") != std::string::npos, v.broken->reason);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace gongji
