#include "bench_database.h"

#include <soci/soci.h>

#include "app/setup/init_service.h"
#include "app/imports/roster_import.h"
#include "app/platform/stores.h"
#include "roster_generator.h"

namespace gongji::bench {

void initialize_with_roster(app::Workspace& ws, std::size_t roster) {
    app::InitOptions options;
    options.admin_password = "bench";
    app::initialize(ws, options);
    app::import_roster_text(ws, generate_roster(roster), app::Encoding::utf8);
}

void insert_bindings(app::Workspace& ws, std::size_t n, const std::string& since) {
    const std::string limit = std::to_string(n);
    storage::Transaction tx(app::database(ws));
    app::database(ws).sql() <<
        "INSERT INTO bindings (authorizer_id, user_id, relation, policy, status, legacy, deduction_order, created_at, "
        "since) SELECT a.id_number, u.id_number, '12', 'guangxi', 'active', 0, 1, '" + since + "', '" + since + "' "
        "FROM (SELECT id_number, row_number() OVER (ORDER BY id_number) AS i FROM persons "
        "WHERE insurance_type = '310' LIMIT " + limit + ") AS a JOIN (SELECT id_number, row_number() OVER (ORDER BY "
        "id_number DESC) AS i FROM persons WHERE insurance_type <> '310' LIMIT " + limit + ") AS u ON a.i = u.i";
    tx.commit();
}

void pad_ledger(app::Workspace& ws, long long entries) {
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

}  // namespace gongji::bench
