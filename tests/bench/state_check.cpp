#include "state_check.h"

#include <soci/soci.h>

#include <chrono>
#include <cstdio>
#include <fstream>

#include "app/trust/audit_record.h"
#include "app/trust/state_check.h"
#include "app/platform/stores.h"
#include "bench_database.h"

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
    insert_bindings(ws, bindings, "2026-01-05T01:00:00Z");
    auto& db = app::database(ws);
    storage::Transaction tx(db);
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

}  // namespace

int run_state_check(const std::string& url, std::size_t roster, std::size_t bindings, std::size_t ledger) {
    app::Workspace ws(url);
    auto start = Clock::now();
    initialize_with_roster(ws, roster);
    make_register(ws, bindings);
    pad_ledger(ws, static_cast<long long>(ledger));
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
