// gongji_bench: figures for docs/performance.md (never asserted in tests).
//   gongji_bench generate N FILE        write a synthetic roster
//   gongji_bench import FILE DB_URL     roster import through the application layer
//   gongji_bench lookup DB_URL N        person look-ups by ID number through storage
//   gongji_bench eligibility N          eligibility checks in core
//   gongji_bench settlement DB_URL ROSTER BINDINGS SETTLEMENTS LEDGER
//                                       settling against a roster, then a statement from a ledger
//                                       padded to LEDGER entries
//   gongji_bench queue DB_URL N         the supervisor's queue loaded with N submitted cases
//   gongji_bench supervise DB_URL ROSTER BINDINGS SETTLEMENTS
//                                       a year of the platform's records imported month by month,
//                                       then the fund-supervision check over the year
//   gongji_bench check DB_URL           that check alone, on a database set up before
//   gongji_bench stats DB_URL YYYY-MM   the monthly figures of a month, on a database set up before
//   gongji_bench state DB_URL ROSTER BINDINGS LEDGER
//                                       the tables checked against the audit log (bench/state_check.h)
//   gongji_bench intake URL APPLICATIONS CLIENTS
//                                       signed applications posted to a running gongji-intake (bench/intake.h)
//   gongji_bench province DB_URL BINDINGS
//                                       on an imported roster: BINDINGS bindings with their decided
//                                       cases and 2,000 waiting, then a window's reads of them
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <random>
#include <string>

#include "app/platform/stores.h"
#include "app/cases/case_service.h"
#include "app/setup/init_service.h"
#include "app/platform/paths.h"
#include "app/setup/policy_service.h"
#include "app/imports/roster_import.h"
#include "app/money/settlement_service.h"
#include "app/platform/workspace.h"
#include "core/instant.h"
#include "core/money.h"
#include "storage/binding_repository.h"

#include <soci/soci.h>
#include "core/eligibility.h"
#include "bench_database.h"
#include "roster_generator.h"
#include "state_check.h"
#include "supervision.h"
#include "intake.h"
#include "windows.h"

using namespace gongji;
using Clock = std::chrono::steady_clock;

namespace {

// Whose look-ups the benchmarks make: each is logged as a window's would be.
const gongji::app::Actor kBenchClerk{"clerk", gongji::core::Role::clerk, "bench"};

double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

int generate(std::size_t n, const std::string& file) {
    auto start = Clock::now();
    std::ofstream(file, std::ios::binary) << bench::generate_roster(n);
    std::printf("generated %zu rows into %s in %.2f s\n", n, file.c_str(), seconds_since(start));
    return 0;
}

int import(const std::string& file, const std::string& url) {
    app::Workspace ws(url);
    app::InitOptions options;
    options.admin_password = "bench";
    app::initialize(ws, options);
    auto bytes = app::read_file(file);
    auto start = Clock::now();
    auto report = app::import_roster_text(ws, std::move(bytes), app::Encoding::auto_detect);
    double s = seconds_since(start);
    std::printf("roster import: %zu rows (%zu inserted, %zu updated, %zu rejected) in %.2f s = %.0f rows/s\n",
                report.read, report.inserted, report.updated, report.rejected.size(), s, report.read / s);
    return 0;
}

int lookup(const std::string& url, std::size_t n) {
    app::Workspace ws(url);
    auto rows = static_cast<std::size_t>(app::stores(ws).persons.count());
    if (rows == 0) {
        std::fprintf(stderr, "import a generated roster first\n");
        return 2;
    }
    std::mt19937_64 rng(7);
    std::vector<std::string> ids;
    for (std::size_t i = 0; i < n; ++i) ids.push_back(bench::generated_id(rng() % rows));
    std::size_t found = 0;
    app::stores(ws).persons.find(ids[0]);  // prepare the statement outside the timing
    auto start = Clock::now();
    for (const auto& id : ids) found += app::stores(ws).persons.find(id).has_value();
    double s = seconds_since(start);
    std::printf("person look-up: %zu of %zu found, %.2f us each\n", found, n, s * 1e6 / n);
    return 0;
}

int eligibility(std::size_t n) {
    auto profile = core::parse_policy_profile(app::read_file(app::data_dir() + "/policies/guangxi.json"));
    core::Person a{"450802196503120117", "张伟", core::Gender::male, {1965, 3, 12}, "310", 1, "450800", 320000};
    core::Person u{"450802196708200129", "李秀英", core::Gender::female, {1967, 8, 20}, "390", 1, "450800", 0};
    core::EligibilityRequest req{a.id_number, u.id_number, "12", {2026, 11, 22},
                                 std::set<core::DocumentType>{core::DocumentType::id_card,
                                                              core::DocumentType::marriage_certificate}};
    core::EligibilityFacts facts{&a, &u, 2, 0, false};
    std::size_t eligible = 0;
    auto start = Clock::now();
    for (std::size_t i = 0; i < n; ++i) {
        facts.authorizer_open_bindings = static_cast<int>(i % 9);  // some reach the limit of 7
        eligible += core::evaluate_eligibility(profile, req, facts).eligible;
    }
    double s = seconds_since(start);
    std::printf("eligibility: %zu checks (%zu eligible) in %.2f s = %.0f checks/s\n", n, eligible, s, n / s);
    return 0;
}

// Settling SETTLEMENTS lines against a ROSTER-row roster with BINDINGS active bindings, then a
// statement for one user out of a ledger padded to LEDGER entries.
int settlement(const std::string& url, std::size_t roster, std::size_t bindings, std::size_t settlements,
               std::size_t ledger_size) {
    app::Workspace ws(url);
    auto start = Clock::now();
    bench::initialize_with_roster(ws, roster);
    std::printf("setup: roster of %zu in %.1f s\n", roster, seconds_since(start));

    start = Clock::now();
    std::vector<std::string> employees(bindings), users(bindings);
    app::database(ws).sql() << "SELECT id_number FROM persons WHERE insurance_type = '310' AND status = 1 ORDER BY id_number "
                     "LIMIT " + std::to_string(bindings), soci::into(employees);
    app::database(ws).sql() << "SELECT id_number FROM persons WHERE insurance_type <> '310' AND status = 1 ORDER BY id_number "
                     "LIMIT " + std::to_string(bindings), soci::into(users);
    bindings = std::min(employees.size(), users.size());
    {
        storage::Transaction tx(app::database(ws));
        for (std::size_t i = 0; i < bindings; ++i) {
            storage::BindingRecord b;
            b.authorizer_id = employees[i];
            b.user_id = users[i];
            b.relation = "20";
            b.policy = "national-2026";
            b.status = core::BindingStatus::active;
            b.created_at = *core::Instant::parse("2026-01-01T00:00:00Z");
            b.since = b.created_at;
            app::stores(ws).bindings.insert(b);
        }
        tx.commit();
    }
    std::printf("setup: %zu bindings in %.1f s\n", bindings, seconds_since(start));

    // Settlements: three in four for bound users, the rest for anyone; November 2026.
    std::mt19937_64 rng(11);
    const char* uses[] = {"clinic", "clinic", "pharmacy", "inpatient", "resident_premium", "fitness"};
    std::string csv = "setl_id,user_id_number,time,institution_code,institution_name,use,amount\n";
    csv.reserve(settlements * 110);
    long long month = *core::parse_iso_instant("2026-11-01T00:00:00+08:00");
    for (std::size_t i = 0; i < settlements; ++i) {
        const std::string& user = rng() % 4 ? users[rng() % bindings] : bench::generated_id(rng() % roster);
        // Numbered as the settlement system numbers them: by day and sequence.
        auto number = std::to_string(i);
        csv += "S2026110" + std::string(9 - number.size(), '0') + number + "," + user + "," + core::format_china(month + static_cast<long long>(i % 2500000)) +
               ",H45080200001,贵港市人民医院," + uses[rng() % 6] + "," + core::format_yuan(static_cast<long long>(rng() % 30000)) + "\n";
    }
    start = Clock::now();
    auto report = app::settle_text(ws, std::move(csv), app::Encoding::utf8, {"bench", "bench"});
    double s = seconds_since(start);
    std::printf("settle: %zu settlements (%zu applied, %zu rejected) in %.2f s = %.0f settlements/s\n", report.read,
                report.applied, report.rejected.size(), s, report.read / s);

    long long entries = 0;
    app::database(ws).sql() << "SELECT count(*) FROM ledger", soci::into(entries);
    if (static_cast<std::size_t>(entries) < ledger_size) {
        start = Clock::now();
        bench::pad_ledger(ws, static_cast<long long>(ledger_size) - entries);
        app::database(ws).sql() << "SELECT count(*) FROM ledger", soci::into(entries);
        std::printf("setup: ledger padded to %lld entries in %.1f s\n", entries, seconds_since(start));
    }
    // The statement of the user with the most settlements, a hundred times.
    std::string busiest;
    app::database(ws).sql() << "SELECT user_id FROM settlements GROUP BY user_id ORDER BY count(*) DESC LIMIT 1", soci::into(busiest);
    app::statement(ws, kBenchClerk, true, busiest, {2026, 11, 1}, {2026, 11, 30});
    start = Clock::now();
    std::size_t rows = 0;
    for (int i = 0; i < 100; ++i) rows = app::statement(ws, kBenchClerk, true, busiest, {2026, 11, 1}, {2026, 11, 30}).rows.size();
    std::printf("statement: %zu rows for one user from a %lld-entry ledger in %.2f ms\n", rows, entries,
                seconds_since(start) * 1000 / 100);
    return 0;
}

long resident_kib() {
    std::ifstream statm("/proc/self/statm");
    long pages = 0, resident = 0;
    statm >> pages >> resident;
    return resident * 4;
}

int queue(const std::string& url, std::size_t n) {
    app::Workspace ws(url);
    app::InitOptions options;
    options.demo = true;
    app::initialize(ws, options);
    auto start = Clock::now();
    {
        storage::Transaction tx(app::database(ws));
        app::database(ws).sql() << "INSERT INTO cases (number, kind, status, policy, authorizer_id, user_id, relation, "
                         "application_date, documents, created_by, workstation, created_at, submitted_at) "
                         "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " +
                             std::to_string(n) +
                             ") SELECT 'GJB' || i, 'bind', 'submitted', 'guangxi', '450802196503120117', "
                             "'450802196708200129', '12', '2026-11-20', 'id_card,marriage_certificate', 'clerk', 'w', "
                             "'2026-11-20T01:00:00Z', '2026-11-20T01:00:00Z' FROM n";
        tx.commit();
    }
    std::printf("setup: %zu submitted cases in %.1f s\n", n, seconds_since(start));
    app::CaseSearch search;
    search.status = core::CaseStatus::submitted;
    search.limit = static_cast<int>(n);
    long before = resident_kib();
    start = Clock::now();
    auto cases = app::list_case_summaries(ws, search);
    double first = seconds_since(start);
    long after = resident_kib();
    start = Clock::now();
    for (int i = 0; i < 3; ++i) cases = app::list_case_summaries(ws, search);
    std::printf("queue: %zu cases loaded in %.0f ms (then %.0f ms each), %.1f MiB held\n", cases.size(), first * 1000,
                seconds_since(start) * 1000 / 3, (after - before) / 1024.0);
    return 0;
}

// A prefecture's or province's register on a roster imported before (`import`): bindings between
// employees and others of the roster, each with its approved case, plus 2,000 cases waiting;
// then what a window reads: person cards, the review queue, a person's cases.
int province(const std::string& url, std::size_t bindings) {
    app::Workspace ws(url);
    auto start = Clock::now();
    long long stored = 0;
    app::database(ws).sql() << "SELECT count(*) FROM bindings", soci::into(stored);
    if (stored == 0) {  // set up once; run again, it measures the same register
        bench::insert_bindings(ws, bindings, "2026-01-05T01:00:00Z");
        storage::Transaction tx(app::database(ws));
        app::database(ws).sql() <<
            "INSERT INTO cases (number, kind, status, policy, authorizer_id, user_id, relation, application_date, "
            "documents, binding_id, created_by, workstation, created_at, submitted_at, decided_by, decided_at) "
            "SELECT 'GJP' || id, 'bind', CASE WHEN id % 500 = 0 THEN 'submitted' ELSE 'approved' END, policy, "
            "authorizer_id, user_id, relation, '2026-01-05', 'id_card,marriage_certificate', id, 'admin', 'w', "
            "created_at, created_at, CASE WHEN id % 500 = 0 THEN NULL ELSE 'admin' END, "
            "CASE WHEN id % 500 = 0 THEN NULL ELSE created_at END FROM bindings";
        tx.commit();
    }
    std::vector<std::string> authorizers(1000);
    app::database(ws).sql() << "SELECT authorizer_id FROM bindings ORDER BY id LIMIT 1000", soci::into(authorizers);
    long long total = 0;
    app::database(ws).sql() << "SELECT count(*) FROM bindings", soci::into(total);
    if (stored == 0) std::printf("setup: %lld bindings with their cases in %.1f s\n", total, seconds_since(start));
    else std::printf("setup: %lld bindings with their cases, stored before\n", total);
    app::database(ws).sql() << "ANALYZE";  // as the server's autovacuum would after such a load

    app::person_card(ws, kBenchClerk, authorizers.front());  // statements prepared outside the timing
    start = Clock::now();
    for (const auto& id : authorizers) app::person_card(ws, kBenchClerk, id);
    std::printf("person card: %.2f ms each (%zu people, bindings both ways, limits, waiting cases)\n",
                seconds_since(start) * 1000 / static_cast<double>(authorizers.size()), authorizers.size());
    app::CaseSearch waiting;
    waiting.status = core::CaseStatus::submitted;
    waiting.limit = 5000;
    start = Clock::now();
    auto queue = app::list_case_summaries(ws, waiting);
    std::printf("review queue: %zu waiting cases in %.0f ms\n", queue.size(), seconds_since(start) * 1000);
    app::CaseSearch of_person;
    start = Clock::now();
    std::size_t found = 0;
    for (std::size_t i = 0; i < 100; ++i) {
        of_person.person = authorizers[i];
        found += app::list_case_summaries(ws, of_person).size();
    }
    std::printf("a person's cases: %.2f ms each (%zu found for 100 people)\n", seconds_since(start) * 10, found);
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    std::string mode = argc > 1 ? argv[1] : "";
    try {
        if (mode == "generate" && argc == 4) return generate(std::stoul(argv[2]), argv[3]);
        if (mode == "import" && argc == 4) return import(argv[2], argv[3]);
        if (mode == "lookup" && argc == 4) return lookup(argv[2], std::stoul(argv[3]));
        if (mode == "province" && argc == 4) return province(argv[2], std::stoul(argv[3]));
        if (mode == "eligibility" && argc == 3) return eligibility(std::stoul(argv[2]));
        if (mode == "queue" && argc == 4) return queue(argv[2], std::stoul(argv[3]));
        if (mode == "windows" && argc == 5) return bench::run_windows(argv[2], std::stoi(argv[3]), std::stoi(argv[4]));
        if (mode == "intake" && argc == 5) return bench::run_intake(argv[2], std::stoi(argv[3]), std::stoi(argv[4]));
        if (mode == "check" && argc == 3) return bench::run_check(argv[2]);
        if (mode == "state" && argc == 6)
            return bench::run_state_check(argv[2], std::stoul(argv[3]), std::stoul(argv[4]), std::stoul(argv[5]));
        if (mode == "stats" && argc == 4) return bench::run_stats(argv[2], argv[3]);
        if (mode == "supervise" && argc == 6)
            return bench::run_supervision(argv[2], std::stoul(argv[3]), std::stoul(argv[4]), std::stoul(argv[5]));
        if (mode == "settlement" && argc == 7)
            return settlement(argv[2], std::stoul(argv[3]), std::stoul(argv[4]), std::stoul(argv[5]), std::stoul(argv[6]));
    } catch (const std::exception& e) {
        std::fprintf(stderr, "gongji_bench %s: %s\n", mode.c_str(), e.what());
        return 3;
    }
    std::fprintf(stderr, "usage: gongji_bench generate N FILE | import FILE DB_URL | lookup DB_URL N | eligibility N | "
                         "settlement DB_URL ROSTER BINDINGS SETTLEMENTS LEDGER | queue DB_URL N | windows DB_URL WINDOWS SECONDS | "
                         "intake URL APPLICATIONS CLIENTS | province DB_URL BINDINGS\n");
    return 2;
}
