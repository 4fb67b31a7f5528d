// Pins what several workstations on one database may never do, with real concurrent sessions
// (one connection per thread) on this run's backend: together pass a limit, bind the same pair
// twice, or both decide one case.
#include <boost/test/unit_test.hpp>

#include <atomic>
#include <functional>
#include <thread>

#include "app/cases/case_service.h"
#include "app/trust/audit.h"
#include "app/setup/policy_service.h"
#include "core/case_rules.h"
#include "fixture.h"
#include "people.h"

using namespace gongji;

namespace {

// Runs each task on its own thread with its own Workspace (its own connection), released
// together; returns what each said: "ok:<case>", or the refusal code and the §5 codes.
std::vector<std::string> race(const std::string& url, const std::vector<std::function<storage::CaseRecord(app::Workspace&)>>& tasks) {
    std::vector<std::unique_ptr<app::Workspace>> sessions;
    for (size_t i = 0; i < tasks.size(); ++i) sessions.push_back(std::make_unique<app::Workspace>(url));
    std::vector<std::string> outcome(tasks.size());
    std::atomic<int> ready{0};
    std::atomic<bool> go{false};
    std::vector<std::thread> threads;
    for (size_t i = 0; i < tasks.size(); ++i)
        threads.emplace_back([&, i] {
            ++ready;
            while (!go) std::this_thread::yield();
            try {
                outcome[i] = "ok:" + tasks[i](*sessions[i]).number;
            } catch (const app::NotEligible& e) {
                outcome[i] = "not_eligible:";
                for (const auto& r : e.result().reasons) outcome[i] += r.code + ";";
            } catch (const app::Refused& e) {
                outcome[i] = e.code();
            } catch (const std::exception& e) {
                outcome[i] = std::string("error:") + e.what();
            }
        });
    while (ready < static_cast<int>(tasks.size())) std::this_thread::yield();
    go = true;
    for (auto& t : threads) t.join();
    return outcome;
}

size_t count_prefix(const std::vector<std::string>& outcomes, const std::string& prefix) {
    size_t n = 0;
    for (const auto& o : outcomes) n += o.rfind(prefix, 0) == 0;
    return n;
}

struct SharedDatabase : test::InitializedWorkspace {
    app::Actor clerk1{"clerk1", core::Role::clerk, "win-01"};
    app::Actor clerk2{"clerk2", core::Role::clerk, "win-02"};
    app::Actor super1{"super1", core::Role::supervisor, "win-08"};
    app::Actor super2{"super2", core::Role::supervisor, "win-09"};
    std::vector<test::TestPerson> people;

    SharedDatabase() {
        for (const auto& [name, role] : {std::pair{"clerk1", core::Role::clerk}, {"clerk2", core::Role::clerk},
                                         {"super1", core::Role::supervisor}, {"super2", core::Role::supervisor}})
            app::stores(ws).users.add({name, role, "00", "00", 1, false, std::nullopt, app::now()});
        // A small limit to race for: two users per authorizer, one authorizer per user.
        auto profile = app::load_policy(ws, "guangxi");
        profile.name = "tight";
        profile.versions.back().max_users_per_authorizer = 2;
        app::store_policy_text(ws, core::policy_profile_to_json(profile), "test");
        // Five parents (employees), each with four children.
        for (int parent = 0; parent < 5; ++parent) {
            people.push_back(test::make_person("家长" + std::to_string(parent), true, "196" + std::to_string(parent) + "-03-01"));
            for (int child = 0; child < 4; ++child)
                people.push_back(test::make_person("子女" + std::to_string(parent) + std::to_string(child), child % 2 == 0,
                                                   "199" + std::to_string(parent) + "-0" + std::to_string(child + 1) + "-15", "390"));
        }
        test::assign_ids(people);
        test::import_people(ws, people);
    }
    const std::string& parent(int p) { return people[static_cast<size_t>(p) * 5].id; }
    const test::TestPerson& child(int p, int c) { return people[static_cast<size_t>(p) * 5 + 1 + static_cast<size_t>(c)]; }

    app::BindApplication application(const std::string& authorizer, const test::TestPerson& user) {
        app::BindApplication a;
        a.policy = "tight";
        a.authorizer_id = authorizer;
        a.user_id = user.id;
        a.relation = user.male ? "20" : "30";
        a.documents = {core::DocumentType::id_card, core::DocumentType::hukou};
        return a;
    }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(concurrency, SharedDatabase)

BOOST_AUTO_TEST_CASE(two_windows_cannot_together_pass_an_authorizers_limit) {
    for (int p = 0; p < 5; ++p) {
        BOOST_TEST_CONTEXT("parent " << p) {
            app::submit_bind(ws, clerk1, application(parent(p), child(p, 0)));  // one of two places taken
            auto outcomes = race(fresh.url(), {
                [&](app::Workspace& w) { return app::submit_bind(w, clerk1, application(parent(p), child(p, 1))); },
                [&](app::Workspace& w) { return app::submit_bind(w, clerk2, application(parent(p), child(p, 2))); },
            });
            BOOST_TEST(count_prefix(outcomes, "ok:") == 1u, outcomes[0] << " | " << outcomes[1]);
            BOOST_TEST(count_prefix(outcomes, "not_eligible:authorizer_limit;") == 1u, outcomes[0] << " | " << outcomes[1]);
            BOOST_TEST(app::stores(ws).bindings.count_open_as_authorizer(parent(p)) == 2);
        }
    }
}

BOOST_AUTO_TEST_CASE(two_authorizers_cannot_together_pass_a_users_limit) {
    const auto& shared_child = child(0, 3);
    auto as_father = application(parent(0), shared_child);
    auto as_uncle = application(parent(1), shared_child);  // implausible as a son, but still a race
    as_uncle.relation = as_father.relation;
    auto outcomes = race(fresh.url(), {
        [&](app::Workspace& w) { return app::submit_bind(w, clerk1, as_father); },
        [&](app::Workspace& w) { return app::submit_bind(w, clerk2, as_uncle); },
    });
    BOOST_TEST(count_prefix(outcomes, "ok:") == 1u, outcomes[0] << " | " << outcomes[1]);
    BOOST_TEST(count_prefix(outcomes, "not_eligible:user_limit;") == 1u, outcomes[0] << " | " << outcomes[1]);
    BOOST_TEST(app::stores(ws).bindings.count_open_as_user(shared_child.id) == 1);
}

// The race drill (issue 15): eight windows at once, round after round, each applying for another
// person to the same authorizer. Whatever the interleaving, no limit is passed, nobody gets two
// authorizers, and every window is told a rule's answer, never an error.
BOOST_AUTO_TEST_CASE(eight_windows_racing_round_after_round_pass_no_limit) {
    std::vector<app::Actor> windows;
    for (int w = 0; w < 8; ++w) windows.push_back({w % 2 ? "clerk2" : "clerk1", core::Role::clerk, "win-" + std::to_string(w)});
    size_t attempts = 0, bound = 0;
    for (int p = 0; p < 5; ++p) {
        std::vector<std::function<storage::CaseRecord(app::Workspace&)>> tasks;
        for (int w = 0; w < 8; ++w) {
            const auto& user = child((p + w / 4) % 5, w % 4);
            tasks.push_back([&, w, user_id = user.id, male = user.male](app::Workspace& ws_w) {
                auto a = application(parent(p), child(0, 0));
                a.user_id = user_id;
                a.relation = male ? "20" : "30";
                return app::submit_bind(ws_w, windows[static_cast<size_t>(w)], a);
            });
        }
        auto outcomes = race(fresh.url(), tasks);
        attempts += outcomes.size();
        bound += count_prefix(outcomes, "ok:");
        for (const auto& o : outcomes)
            BOOST_TEST((o.rfind("ok:", 0) == 0 || o.rfind("not_eligible:", 0) == 0), "round " << p << ": " << o);
        BOOST_TEST(app::stores(ws).bindings.count_open_as_authorizer(parent(p)) <= 2, "round " << p);
    }
    for (int p = 0; p < 5; ++p)
        for (int c = 0; c < 4; ++c) BOOST_TEST(app::stores(ws).bindings.count_open_as_user(child(p, c).id) <= 1);
    BOOST_TEST(bound >= 5u);  // each authorizer had places: the drill raced for real ones
    BOOST_TEST_MESSAGE("race drill: " << attempts << " attempts by 8 windows, " << bound << " bound, no limit passed");
}

BOOST_AUTO_TEST_CASE(two_identical_submissions_make_one_case) {
    for (int p = 2; p < 5; ++p) {
        BOOST_TEST_CONTEXT("parent " << p) {
            auto a = application(parent(p), child(p, 1));
            auto outcomes = race(fresh.url(), {
                [&](app::Workspace& w) { return app::submit_bind(w, clerk1, a); },
                [&](app::Workspace& w) { return app::submit_bind(w, clerk2, a); },
            });
            BOOST_TEST(count_prefix(outcomes, "ok:") == 1u, outcomes[0] << " | " << outcomes[1]);
            BOOST_TEST(count_prefix(outcomes, "not_eligible:") == 1u);
            bool names_duplicate = false;
            for (const auto& o : outcomes) names_duplicate = names_duplicate || o.find("duplicate;") != std::string::npos;
            BOOST_TEST(names_duplicate, outcomes[0] << " | " << outcomes[1]);
        }
    }
}

BOOST_AUTO_TEST_CASE(two_supervisors_deciding_one_case_leave_one_decision) {
    for (int round = 0; round < 4; ++round) {
        BOOST_TEST_CONTEXT("round " << round) {
            auto c = app::submit_bind(ws, clerk1, application(parent(round), child(round, 3)));
            auto outcomes = race(fresh.url(), {
                [&](app::Workspace& w) { return app::approve_case(w, super1, c.number); },
                [&](app::Workspace& w) {
                    return round % 2 ? app::reject_case(w, super2, c.number, core::RejectionReason::documents_unclear, std::nullopt)
                                     : app::approve_case(w, super2, c.number);
                },
            });
            BOOST_TEST(count_prefix(outcomes, "ok:") == 1u, outcomes[0] << " | " << outcomes[1]);
            BOOST_TEST(count_prefix(outcomes, "already_decided") == 1u, outcomes[0] << " | " << outcomes[1]);
            auto decided = app::find_case(ws, c.number);
            BOOST_TEST(core::is_final(decided.status));
        }
    }
    BOOST_TEST(!app::verify_audit(ws).broken.has_value());
}

BOOST_AUTO_TEST_SUITE_END()
