#include "state_check.h"

#include <soci/soci.h>

#include <chrono>
#include <cstdio>
#include <fstream>

#include "app/audit_record.h"
#include "app/init_service.h"
#include "app/roster_import.h"
#include "app/state_check.h"
#include "app/stores.h"
#include "roster_generator.h"

namespace gongji::bench {
namespace {

using Clock = std::chrono::steady_clock;
double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

long peak_kib() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("VmHWM:", 0) == 0) return std::stol(line.substr(6));
    return 0;
}

// Bindings and their approved cases as a window makes them, each with the two entries it seals
// (written here as rows: the proof reads what entries say, not how they were chained).
void make_register(app::Workspace& ws, std::size_t bindings) {
    auto& db = app::database(ws);
    storage::Transaction tx(db);
    const std::string n = std::to_string(bindings);
    db.sql() << "INSERT INTO bindings (authorizer_id, user_id, relation, policy, status, legacy, deduction_order, created_at, "
                "since) SELECT a.id_number, u.id_number, '12', 'guangxi', 'active', 0, 1, '2026-01-05T01:00:00Z', "
                "'2026-01-05T01:00:00Z' FROM (SELECT id_number, row_number() OVER (ORDER BY id_number) AS i FROM persons "
                "WHERE insurance_type = '310' LIMIT " + n + ") AS a JOIN (SELECT id_number, row_number() OVER (ORDER BY "
                "id_number DESC) AS i FROM persons WHERE insurance_type <> '310' LIMIT " + n + ") AS u ON a.i = u.i";
    db.sql() << "INSERT INTO cases (number, kind, status, policy, authorizer_id, user_id, relation, application_date, "
                "documents, binding_id, created_by, workstation, created_at, submitted_at, decided_by, decided_at) "
                "SELECT 'GJP' || id, 'bind', 'approved', policy, authorizer_id, user_id, relation, '2026-01-05', "
                "'id_card,marriage_certificate', id, 'admin', 'w', created_at, created_at, 'admin', created_at FROM bindings";
    long long seq = 0;
    std::string chain = "bench", at = "2026-01-05T01:00:00Z", actor = "admin", action, entity, key, after;
    soci::statement insert =
        (db.sql().prepare << "INSERT INTO audit_log (chain, seq, at, actor, workstation, action, entity, entity_key, "
                             "before_state, after_state, prev_hash, hash, key_id, logged) VALUES (:c, :s, :at, :a, :w, "
                             ":act, :e, :k, '', :after, '', '', '', :l)",
         soci::use(chain), soci::use(seq), soci::use(at), soci::use(actor), soci::use(chain), soci::use(action),
         soci::use(entity), soci::use(key), soci::use(after), soci::use(seq));
    auto write = [&](const char* what, const char* on, std::string k, std::string record) {
        ++seq, action = what, entity = on, key = std::move(k), after = std::move(record);
        insert.execute(true);
    };
    app::stores(ws).cases.for_each([&](const core::Case& c) { write("case.approve", "case", c.number, app::audit_record(c)); });
    app::stores(ws).bindings.for_each(
        [&](const core::Binding& b) { write("binding.activate", "binding", std::to_string(b.id), app::audit_record(b)); });
    tx.commit();
}

void pad_ledger(app::Workspace& ws, std::size_t entries) {
    auto& db = app::database(ws);
    storage::Transaction tx(db);
    db.sql() << "CREATE TEMP TABLE pad_accounts (k INTEGER PRIMARY KEY, id_number VARCHAR(18))";
    db.sql() << "INSERT INTO pad_accounts (k, id_number) SELECT row_number() OVER (ORDER BY id_number) - 1, "
                "id_number FROM (SELECT id_number FROM persons ORDER BY id_number LIMIT 1000) p";
    db.sql() << "INSERT INTO ledger (setl_id, account, binding_id, kind, amount_fen, balance_after_fen, at) "
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + std::to_string(entries) +
                    ") SELECT NULL, a.id_number, NULL, 'own', -1, 0, '2026-0' || (1 + n.i % 9) || '-15T00:00:00Z' "
                    "FROM n JOIN pad_accounts a ON a.k = n.i % 1000";
    tx.commit();
}

}  // namespace

int run_state_check(const std::string& url, std::size_t roster, std::size_t bindings, std::size_t ledger) {
    app::Workspace ws(url);
    app::InitOptions options;
    options.admin_password = "bench";
    app::initialize(ws, options);
    auto start = Clock::now();
    app::import_roster_text(ws, generate_roster(roster), app::Encoding::utf8);
    make_register(ws, bindings);
    pad_ledger(ws, ledger);
    std::printf("setup: roster %zu, %zu bindings with cases and entries, ledger %zu, in %.1f s\n", roster, bindings,
                ledger, seconds_since(start));
    const long before = peak_kib();
    for (int run = 0; run < 3; ++run) {
        start = Clock::now();
        auto check = app::check_state(ws);
        std::printf("check_state: %lld rows against %lld entries in %.2f s; %zu differences named (the padded ledger "
                    "has no entry: expected)\n",
                    check.rows, check.entries, seconds_since(start),
                    check.differences.size() + static_cast<std::size_t>(check.more_differences));
    }
    std::printf("memory: peak %ld MiB (%ld MiB before the check)\n", peak_kib() / 1024, before / 1024);
    return 0;
}

}  // namespace gongji::bench
