#include "supervision.h"

#include <soci/soci.h>

#include <chrono>
#include <cstdio>
#include <random>
#include <vector>

#include "app/money/settlement_service.h"
#include "app/oversight/stats_service.h"
#include "app/platform/stores.h"
#include "app/oversight/supervision_service.h"
#include "app/platform/workspace.h"
#include "core/instant.h"
#include "core/money.h"
#include "bench_database.h"

namespace gongji::bench {
namespace {

using Clock = std::chrono::steady_clock;
double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

// A month's records: users drawn from those bound, each paid by their authorizer (one in 200 by
// a stranger instead), the rest in cash.
std::string month_file(std::mt19937_64& rng, int month, std::size_t count, std::size_t first,
                       const std::vector<std::pair<std::string, std::string>>& pairs) {
    std::string csv =
        "setl_id,setl_time,certno,psn_name,fixmedins_code,fixmedins_name,med_type,medfee_sumamt,psn_part_amt,acct_pay,"
        "acct_mulaid_pay,mulaid_certno,psn_cash_pay,balc\n";
    csv.reserve(count * 180);
    const char* months[] = {"01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11"};
    const long long start = *core::parse_iso_instant(std::string("2026-") + months[month] + "-01T00:00:00+08:00");
    const long long span = 28 * 86400;
    for (std::size_t i = 0; i < count; ++i) {
        const auto& [authorizer, user] = pairs[rng() % pairs.size()];
        const auto& payer = rng() % 200 == 0 ? pairs[rng() % pairs.size()].first : authorizer;
        const long long share = 100 + static_cast<long long>(rng() % 20000);
        const long long aid = share * static_cast<long long>(rng() % 4) / 10;  // 0–30 %, well within a balance
        auto time = core::format_china(start + static_cast<long long>(rng() % span));
        auto number = std::to_string(first + i);
        csv += "S2026" + std::string(12 - number.size(), '0') + number + "," + time.substr(0, 10) + " " + time.substr(11, 8) +
               "," + user + ",某人,H45080200001,贵港市人民医院," + (rng() % 3 ? "11" : "41") + "," +
               core::format_yuan(share + 500) + "," + core::format_yuan(share) + ",0.00," + core::format_yuan(aid) + "," +
               (aid ? payer : "") + "," + core::format_yuan(share - aid) + ",0.00\n";
    }
    return csv;
}

}  // namespace

int run_supervision(const std::string& url, std::size_t roster, std::size_t bindings, std::size_t settlements) {
    app::Workspace ws(url);
    auto start = Clock::now();
    initialize_with_roster(ws, roster);
    insert_bindings(ws, bindings, "2025-06-05T01:00:00Z");
    std::vector<std::pair<std::string, std::string>> pairs;
    {
        soci::rowset<soci::row> rows = (app::database(ws).sql().prepare << "SELECT authorizer_id, user_id FROM bindings");
        for (const auto& r : rows) pairs.emplace_back(r.get<std::string>(0), r.get<std::string>(1));
    }
    std::printf("setup: roster of %zu and %zu bindings in %.1f s\n", roster, pairs.size(), seconds_since(start));

    std::mt19937_64 rng(16);
    std::size_t done = 0;
    double importing = 0;
    for (int month = 0; month < 11; ++month) {
        const std::size_t count = settlements * static_cast<std::size_t>(month + 1) / 11 - done;
        auto file = month_file(rng, month, count, done, pairs);
        start = Clock::now();
        auto report = app::settle_text(ws, std::move(file), app::Encoding::utf8, {"bench", "bench"});
        double s = seconds_since(start);
        importing += s;
        std::printf("import 2026-%02d: %zu recorded (%zu applied, %zu findings) in %.2f s = %.0f/s\n", month + 1,
                    report.read, report.applied, report.findings, s, static_cast<double>(report.read) / s);
        done += count;
    }
    std::printf("import: %zu recorded settlements in %.1f s\n", done, importing);
    return run_check(url);
}

int run_stats(const std::string& url, const std::string& month) {
    app::Workspace ws(url);
    const app::Actor supervisor{"admin", core::Role::admin, "bench"};
    long long bindings = 0, settlements = 0;
    app::database(ws).sql() << "SELECT count(*) FROM bindings", soci::into(bindings);
    app::database(ws).sql() << "SELECT (SELECT count(*) FROM settlements) + (SELECT count(*) FROM recorded_settlements)",
        soci::into(settlements);
    app::monthly_figures(ws, supervisor, month);  // the cache warm, as on a server that works all day
    auto start = Clock::now();
    auto f = app::monthly_figures(ws, supervisor, month);
    std::printf("stats %s: %lld bindings, %lld settlements stored; %lld mutual-aid payments that month in %.2f s\n",
                month.c_str(), bindings, settlements, f.mutual_aid_count, seconds_since(start));
    return 0;
}

int run_check(const std::string& url) {
    app::Workspace ws(url);
    const app::Actor supervisor{"admin", core::Role::admin, "bench"};
    auto start = Clock::now();
    auto check = app::supervise(ws, supervisor, {2026, 1, 1}, {2026, 12, 31});
    double s = seconds_since(start);
    std::printf("supervise: %lld recorded settlements checked, %zu findings in %.2f s = %.0f/s\n", check.checked,
                check.findings.size(), s, static_cast<double>(check.checked) / s);
    return 0;
}

}  // namespace gongji::bench
