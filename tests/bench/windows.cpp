// Many windows on one database at once (issue 13): each window logs in once as its own clerk
// and supervisor and repeats a clerk's cycle — find the authorizer, check, submit a binding with
// its papers, decide someone else's waiting case, now and then unbind — on a small pool of people
// so that windows collide on the same ones. Afterwards the database is asked what the rules
// forbid: a limit exceeded, a pair bound twice, a case decided twice.
#include "windows.h"

#include "latency.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <random>
#include <thread>
#include <vector>

#include <soci/soci.h>

#include "app/trust/auth.h"
#include "app/cases/case_service.h"
#include "app/cases/eligibility_service.h"
#include "app/setup/init_service.h"
#include "app/setup/policy_service.h"
#include "app/imports/roster_import.h"
#include "app/platform/stores.h"
#include "core/relation.h"
#include "roster_generator.h"

namespace gongji::bench {
namespace {

using Clock = std::chrono::steady_clock;
constexpr const char* kPolicy = "guangxi";
constexpr std::size_t kRoster = 60000;
constexpr std::size_t kHot = 40;  // one pick in four comes from these few, so windows meet on them

struct Pools {
    std::vector<core::Person> authorizers, users;  // the first kHot of each are the hot ones
};

// The eligible people of Guangxi in the generated roster, read from the roster's own text.
Pools pools(const std::string& roster) {
    Pools p;
    std::size_t line_start = roster.find('\n') + 1;
    while (line_start < roster.size()) {
        auto line_end = roster.find('\n', line_start);
        std::vector<std::string> f;
        for (std::size_t at = line_start; at <= line_end;) {
            auto comma = std::min(roster.find(',', at), line_end);
            f.push_back(roster.substr(at, comma - at));
            at = comma + 1;
        }
        line_start = line_end + 1;
        if (f[5] != "1" || f[6].rfind("45", 0) != 0) continue;
        core::Person person;
        person.id_number = f[0];
        person.gender = f[2] == "1" ? core::Gender::male : core::Gender::female;
        person.birth_date = *core::CivilDate::parse(f[3]);
        (f[4] == "310" ? p.authorizers : p.users).push_back(person);
    }
    return p;
}

const core::Person& pick(const std::vector<core::Person>& pool, std::mt19937& rng) {
    return rng() % 4 == 0 ? pool[rng() % kHot] : pool[rng() % pool.size()];
}

// The clock starts when the last window has logged in: logins are not part of the cycle.
class Start {
public:
    Start(int windows, int seconds) : waiting_(windows), seconds_(seconds) {}
    Clock::time_point wait_for_all() {
        std::unique_lock<std::mutex> lock(mutex_);
        if (--waiting_ == 0) {
            began_ = Clock::now();
            ready_.notify_all();
        } else {
            ready_.wait(lock, [&] { return waiting_ == 0; });
        }
        return began_ + std::chrono::seconds(seconds_);
    }
    Clock::time_point began() const { return began_; }

private:
    std::mutex mutex_;
    std::condition_variable ready_;
    int waiting_, seconds_;
    Clock::time_point began_;
};

struct Tally {
    std::mutex mutex;
    std::vector<double> submit_ms;
    std::atomic<long> submissions{0}, refused{0}, ineligible{0}, approvals{0}, decide_refused{0}, unbinds{0},
        errors{0};
};

// Logs in, waits for every window to be ready, then works until `until`.
void window(const std::string& url, int index, const Pools& pools, Start& start, Tally& tally) {
    app::Workspace ws(url);
    auto clerk = app::authenticate(ws, "clerk" + std::to_string(index), "bench");
    auto super = app::authenticate(ws, "super" + std::to_string(index), "bench");
    clerk.workstation = super.workstation = "窗口-" + std::to_string(index + 1);  // a desk each, as in a hall
    const auto until = start.wait_for_all();
    std::mt19937 rng(static_cast<unsigned>(index) * 7919u + 1u);
    std::vector<double> mine;
    for (long cycle = 0; Clock::now() < until; ++cycle) {
        try {
            const auto& a = pick(pools.authorizers, rng);
            const auto& u = pick(pools.users, rng);
            auto card = app::person_card(ws, clerk, a.id_number);
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
            waiting.limit = 50;
            auto cases = app::list_case_summaries(ws, waiting);
            cases.erase(std::remove_if(cases.begin(), cases.end(),
                                       [&](const core::CaseSummary& c) { return c.created_by == clerk.username; }),
                        cases.end());
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
                            app::unbind(ws, clerk, b.authorizer_id, b.user_id, core::UnbindReason::request);
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

}  // namespace

int run_windows(const std::string& url, int windows, int seconds) {
    const auto roster = generate_roster(kRoster);
    {
        app::Workspace ws(url);
        app::InitOptions options;
        options.admin_password = "bench";
        app::initialize(ws, options);
        app::import_roster_text(ws, roster, app::Encoding::auto_detect);
        for (int i = 0; i < windows; ++i) {
            app::add_user(ws, "admin", "clerk" + std::to_string(i), core::Role::clerk, "bench");
            app::add_user(ws, "admin", "super" + std::to_string(i), core::Role::supervisor, "bench");
        }
    }
    app::Workspace ws(url);
    const auto people = pools(roster);
    Tally tally;
    Start start(windows, seconds);
    std::vector<std::thread> threads;
    for (int i = 0; i < windows; ++i)
        threads.emplace_back([&, i] { window(url, i, people, start, tally); });
    for (auto& t : threads) t.join();
    double elapsed = std::chrono::duration<double>(Clock::now() - start.began()).count();

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
