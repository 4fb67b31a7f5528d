// Pins passwords and roles: PBKDF2 hashes with per-user salt, wrong passwords refused,
// roles checked in the application layer.
#include <boost/test/unit_test.hpp>

#include <chrono>

#include "app/errors.h"
#include "fixture.h"

using namespace gongji;

namespace {
// What logging in answers: the refusal's code, or "accepted".
std::string login_answer(app::Workspace& ws, const std::string& user, const std::string& password) {
    try {
        app::authenticate(ws, user, password);
    } catch (const app::Refused& e) {
        return e.code();
    }
    return "accepted";
}
}  // namespace

BOOST_AUTO_TEST_SUITE(auth)

BOOST_AUTO_TEST_CASE(hashes_are_salted_and_verify_only_the_right_password) {
    auto a = app::hash_password("demo", 1000);
    auto b = app::hash_password("demo", 1000);
    BOOST_TEST(a.salt != b.salt);
    BOOST_TEST(a.hash != b.hash);
    BOOST_TEST(a.hash.size() == 64u);
    BOOST_TEST(app::verify_password("demo", a));
    BOOST_TEST(!app::verify_password("Demo", a));
    BOOST_TEST(!app::verify_password("", a));
}

BOOST_AUTO_TEST_CASE(users_log_in_with_their_password_only) {
    test::InitializedWorkspace f;
    app::add_user(f.ws, "admin", "clerk1", core::Role::clerk, "pw1");
    BOOST_TEST(app::authenticate(f.ws, "clerk1", "pw1").role == core::Role::clerk);
    auto refused_as = [&](const std::string& user, const std::string& pw) { return login_answer(f.ws, user, pw); };
    BOOST_TEST(refused_as("clerk1", "pw2") == "authentication_failed");
    BOOST_TEST(refused_as("nobody", "pw1") == "authentication_failed");
}

BOOST_AUTO_TEST_CASE(nothing_is_said_of_an_account_before_its_password_is_proven) {
    test::InitializedWorkspace f;
    app::add_user(f.ws, "admin", "gone", core::Role::clerk, "pw1");
    app::set_user_disabled(f.ws, f.admin, "gone", true);
    auto refused_as = [&](const std::string& user, const std::string& pw) { return login_answer(f.ws, user, pw); };
    // Unknown, disabled with a guess: one answer, and the same key derivation behind each.
    BOOST_TEST(refused_as("gone", "guess") == "authentication_failed");
    BOOST_TEST(refused_as("nobody", "guess") == "authentication_failed");
    BOOST_TEST(refused_as("gone", "pw1") == "forbidden");  // its owner, who knows the password, is told
    auto time_of = [&](const std::string& user) {
        auto start = std::chrono::steady_clock::now();
        refused_as(user, "guess");
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    };
    // Measured, not asserted as a time: an unknown name costs a derivation as a known one does
    // (logged for the record; docs/performance.md has the figures).
    BOOST_TEST_MESSAGE("wrong password for an unknown user " << time_of("nobody") << " s, for a known one "
                                                              << time_of("gone") << " s");
}

BOOST_AUTO_TEST_CASE(bad_users_are_refused_as_bad_input) {
    test::InitializedWorkspace f;
    BOOST_CHECK_THROW(app::add_user(f.ws, "admin", "admin", core::Role::clerk, "x"), app::BadInput);  // taken
    BOOST_CHECK_THROW(app::add_user(f.ws, "admin", "two words", core::Role::clerk, "x"), app::BadInput);
    BOOST_CHECK_THROW(app::add_user(f.ws, "admin", "c2", core::Role::clerk, ""), app::BadInput);
}

BOOST_AUTO_TEST_CASE(roles_are_checked_here) {
    app::Actor clerk{"c", core::Role::clerk, "test-ws"};
    BOOST_CHECK_NO_THROW(app::require_role(clerk, {core::Role::clerk, core::Role::admin}));
    BOOST_CHECK_EXCEPTION(app::require_role(clerk, {core::Role::admin}), app::Refused,
                          [](const app::Refused& e) { return e.code() == "forbidden"; });
}

BOOST_AUTO_TEST_CASE(an_administrator_resets_a_forgotten_password_and_lifts_the_lock) {
    test::InitializedWorkspace f;
    app::Actor admin{"admin", core::Role::admin, "test-ws"}, clerk{"clerk1", core::Role::clerk, "test-ws"};
    app::add_user(f.ws, "admin", "clerk1", core::Role::clerk, "old");
    for (int i = 0; i < app::kMaxFailedLogins; ++i) BOOST_CHECK_THROW(app::authenticate(f.ws, "clerk1", "guess"), app::Refused);
    BOOST_CHECK_THROW(app::authenticate(f.ws, "clerk1", "old"), app::Refused);  // locked
    BOOST_CHECK_THROW(app::reset_password(f.ws, clerk, "clerk1", "new"), app::Refused);  // not an administrator
    BOOST_CHECK_THROW(app::reset_password(f.ws, admin, "clerk1", ""), app::BadInput);
    BOOST_CHECK_THROW(app::reset_password(f.ws, admin, "nobody", "new"), app::BadInput);
    app::reset_password(f.ws, admin, "clerk1", "new");
    BOOST_TEST(app::authenticate(f.ws, "clerk1", "new").role == core::Role::clerk);
    BOOST_CHECK_THROW(app::authenticate(f.ws, "clerk1", "old"), app::Refused);
    auto users = app::list_users(f.ws, admin);
    BOOST_TEST(users.size() == 2u);
    BOOST_CHECK_THROW(app::list_users(f.ws, clerk), app::Refused);
}

BOOST_AUTO_TEST_CASE(the_last_administrator_cannot_be_disabled) {
    test::InitializedWorkspace f;
    try {
        app::set_user_disabled(f.ws, f.admin, "admin", true);
        BOOST_FAIL("the last administrator was disabled");
    } catch (const app::Refused& e) {
        BOOST_TEST(e.code() == "last_admin");
    }
    BOOST_TEST(app::authenticate(f.ws, "admin", "secret").role == core::Role::admin);  // still there
    // With a second administrator, either may go.
    app::add_user(f.ws, "admin", "admin2", core::Role::admin, "pw2");
    app::set_user_disabled(f.ws, f.admin, "admin", true);
    BOOST_CHECK_THROW(app::set_user_disabled(f.ws, f.admin, "admin2", true), app::Refused);
}

BOOST_AUTO_TEST_SUITE_END()
