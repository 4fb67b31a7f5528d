// gongji_bench: figures for docs/performance.md (never asserted in tests).
//   gongji_bench generate N FILE        write a synthetic roster
//   gongji_bench import FILE DB_URL     roster import through the application layer
//   gongji_bench lookup DB_URL N        person look-ups by ID number through storage
//   gongji_bench eligibility N          eligibility checks in core
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <random>
#include <string>

#include "app/init_service.h"
#include "app/paths.h"
#include "app/policy_service.h"
#include "app/roster_import.h"
#include "app/workspace.h"
#include "core/eligibility.h"
#include "roster_generator.h"

using namespace gongji;
using Clock = std::chrono::steady_clock;

namespace {

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
    auto rows = static_cast<std::size_t>(ws.persons().count());
    if (rows == 0) {
        std::fprintf(stderr, "import a generated roster first\n");
        return 2;
    }
    std::mt19937_64 rng(7);
    std::vector<std::string> ids;
    for (std::size_t i = 0; i < n; ++i) ids.push_back(bench::generated_id(rng() % rows));
    std::size_t found = 0;
    ws.persons().find(ids[0]);  // prepare the statement outside the timing
    auto start = Clock::now();
    for (const auto& id : ids) found += ws.persons().find(id).has_value();
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

}  // namespace

int main(int argc, char** argv) {
    std::string mode = argc > 1 ? argv[1] : "";
    try {
        if (mode == "generate" && argc == 4) return generate(std::stoul(argv[2]), argv[3]);
        if (mode == "import" && argc == 4) return import(argv[2], argv[3]);
        if (mode == "lookup" && argc == 4) return lookup(argv[2], std::stoul(argv[3]));
        if (mode == "eligibility" && argc == 3) return eligibility(std::stoul(argv[2]));
    } catch (const std::exception& e) {
        std::fprintf(stderr, "gongji_bench %s: %s\n", mode.c_str(), e.what());
        return 3;
    }
    std::fprintf(stderr, "usage: gongji_bench generate N FILE | import FILE DB_URL | lookup DB_URL N | eligibility N\n");
    return 2;
}
