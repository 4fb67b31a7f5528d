// Many windows on one database at once (issue 13): each window logs in once as its own clerk
// and supervisor and repeats a clerk's cycle — find the authorizer, check, submit a binding with
// its papers, decide someone else's waiting case, now and then unbind — on a small pool of people
// so that windows collide on the same ones. Afterwards the database is asked what the rules
// forbid: a limit exceeded, a pair bound twice, a case decided twice.
#include "windows.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <mutex>
#include <random>
#include <thread>
#include <vector>

#include <soci/soci.h>

#include "app/auth.h"
#include "app/case_service.h"
#include "app/eligibility_service.h"
#include "app/init_service.h"
#include "app/policy_service.h"
#include "app/roster_import.h"
#include "app/stores.h"
#include "core/relation.h"
#include "roster_generator.h"

namespace gongji::bench {
namespace {

using Clock = std::chrono::steady_clock;
constexpr const char* kPolicy = "guangxi";
constexpr std::size_t kPool = 120;  // people each side: small, so windows meet on the same ones

struct Pools {
    std::vector<core::Person> authorizers, users;
};

Pools pools(app::Workspace& ws) {
    Pools p;
    for (std::size_t i = 0; i < 6000 && (p.authorizers.size() < kPool || p.users.size() < kPool); ++i) {
        auto person = app::find_person(ws, generated_id(i));
        if (!person || person->status != 1 || person->pooling_region.rfind("45", 0) != 0) continue;
        if (person->insurance_type == "310" && p.authorizers.size() < kPool)
            p.authorizers.push_back(*person);
        else if (p.users.size() < kPool)
            p.users.push_back(*person);
    }
    return p;
}

struct Tally {
    std::mutex mutex;
    std::vector<double> submit_ms;
    std::atomic<long> submissions{0}, refused{0}, ineligible{0}, approvals{0}, decide_refused{0}, unbinds{0},
        errors{0};
};

void window(const std::string& url, int index, const Pools& pools, Clock::time_point until, Tally& tally) {
    app::Workspace ws(url);
    auto clerk = app::authenticate(ws, "clerk" + std::to_string(index), "bench");
    auto super = app::authenticate(ws, "super" + std::to_string(index), "bench");
    std::mt19937 rng(static_cast<unsigned>(index) * 7919u + 1u);
    std::vector<double> mine;
    for (long cycle = 0; Clock::now() < until; ++cycle) {
        try {
            const auto& a = pools.authorizers[rng() % pools.authorizers.size()];
            const auto& u = pools.users[rng() % pools.users.size()];
            auto card = app::person_card(ws, a.id_number);
            core::RelationPeople people{a.gender, u.gender, a.birth_date, u.birth_date};
            auto relations = core::suggest_relations("", people);
            if (relations.empty()) continue;
            app::BindApplication application;
            application.policy = kPolicy;
            application.authorizer_id = a.id_number;
            application.user_id = u.id_number;
            application.relation = relations[rng() % relations.size()].code;
            application.documents = {core::DocumentType::id_card, core::DocumentType::hukou,
                                     core::DocumentType::marriage_certificate, core::DocumentType::birth_certificate};
            app::EligibilityQuery q{kPolicy, a.id_number, u.id_number, application.relation, std::nullopt,
                                    std::set<core::DocumentType>(application.documents.begin(), application.documents.end())};
            if (!app::check_eligibility(ws, q).eligible) {
                ++tally.ineligible;
            } else {
                auto start = Clock::now();
                try {
                    app::submit_bind(ws, clerk, application);
                    mine.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
                    ++tally.submissions;
                } catch (const app::Refused&) {  // another window bound one of them meanwhile
                    ++tally.refused;
                }
            }
            // The supervisor decides a case someone else took in.
            app::CaseSearch waiting;
            waiting.status = core::CaseStatus::submitted;
            waiting.limit = 20;
            auto cases = app::list_case_summaries(ws, waiting);
            if (!cases.empty()) {
                try {
                    app::approve_case(ws, super, cases[rng() % cases.size()].number);
                    ++tally.approvals;
                } catch (const app::Refused&) {  // decided by another window, or no longer eligible
                    ++tally.decide_refused;
                }
            }
            if (cycle % 10 == 9)
                for (const auto& b : card.as_authorizer)
                    if (b.is_active()) {
                        try {
                            app::unbind(ws, clerk, b.authorizer_id, b.user_id, "request");
                            ++tally.unbinds;
                        } catch (const app::BadInput&) {  // ended by another window meanwhile
                        }
                        break;
                    }
        } catch (const std::exception& e) {
            if (++tally.errors <= 5) std::fprintf(stderr, "window %d: %s\n", index, e.what());
        }
    }
    std::lock_guard<std::mutex> lock(tally.mutex);
    tally.submit_ms.insert(tally.submit_ms.end(), mine.begin(), mine.end());
}

long count(app::Workspace& ws, const std::string& sql) {
    long n = 0;
    app::database(ws).sql() << "SELECT count(*) FROM (" + sql + ") AS v", soci::into(n);
    return n;
}

double percentile(std::vector<double> v, double p) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, static_cast<std::size_t>(p * static_cast<double>(v.size())))];
}

}  // namespace

int run_windows(const std::string& url, int windows, int seconds) {
    {
        app::Workspace ws(url);
        app::InitOptions options;
        options.admin_password = "bench";
        app::initialize(ws, options);
        app::import_roster_text(ws, generate_roster(6000), app::Encoding::auto_detect);
        for (int i = 0; i < windows; ++i) {
            app::add_user(ws, "admin", "clerk" + std::to_string(i), core::Role::clerk, "bench");
            app::add_user(ws, "admin", "super" + std::to_string(i), core::Role::supervisor, "bench");
        }
    }
    app::Workspace ws(url);
    auto people = pools(ws);
    Tally tally;
    auto until = Clock::now() + std::chrono::seconds(seconds);
    auto start = Clock::now();
    std::vector<std::thread> threads;
    for (int i = 0; i < windows; ++i)
        threads.emplace_back([&, i] { window(url, i, people, until, tally); });
    for (auto& t : threads) t.join();
    double elapsed = std::chrono::duration<double>(Clock::now() - start).count();

    auto version = app::load_policy(ws, kPolicy).version_on(app::china_today());
    const std::string open = "status = 'pending' OR status = 'active'";
    long violations =
        count(ws, "SELECT authorizer_id FROM bindings WHERE " + open + " GROUP BY authorizer_id HAVING count(*) > " +
                      std::to_string(version->max_users_per_authorizer.value_or(1 << 30))) +
        count(ws, "SELECT user_id FROM bindings WHERE " + open + " GROUP BY user_id HAVING count(*) > " +
                      std::to_string(version->max_authorizers_per_user.value_or(1 << 30))) +
        count(ws, "SELECT authorizer_id FROM bindings WHERE " + open + " GROUP BY authorizer_id, user_id HAVING count(*) > 1") +
        count(ws, "SELECT entity_key FROM audit_log WHERE action = 'case.approve' OR action = 'case.reject' "
                  "GROUP BY entity_key HAVING count(*) > 1");
    std::fprintf(stderr,
                 "refused at submission %ld, not eligible when checked %ld, approvals %ld (refused %ld), unbinds %ld, "
                 "errors %ld\n",
                 tally.refused.load(), tally.ineligible.load(), tally.approvals.load(), tally.decide_refused.load(),
                 tally.unbinds.load(), tally.errors.load());
    std::printf("windows=%d submissions=%ld per_s=%.1f p50_ms=%.1f p95_ms=%.1f p99_ms=%.1f violations=%ld\n", windows,
                tally.submissions.load(), static_cast<double>(tally.submissions.load()) / elapsed,
                percentile(tally.submit_ms, 0.50), percentile(tally.submit_ms, 0.95), percentile(tally.submit_ms, 0.99),
                violations);
    return 0;
}

}  // namespace gongji::bench
