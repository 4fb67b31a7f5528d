// Pins `gongji init`: schema, code tables, shipped profiles, the first administrator, demo
// data, and that running it again upgrades without undoing an administrator's work.
#include <boost/test/unit_test.hpp>

#include <sys/stat.h>

#include <cstdlib>

#include "app/platform/errors.h"
#include "app/platform/paths.h"
#include "app/cases/eligibility_service.h"
#include "app/setup/policy_service.h"
#include "fixture.h"
#include "storage/migrations.h"

using namespace gongji;

BOOST_AUTO_TEST_SUITE(init)

BOOST_AUTO_TEST_CASE(the_users_own_database_folder_is_theirs_alone) {
    test::TempDir home;
    const char* chosen = std::getenv("GONGJI_DB");
    std::string kept = chosen ? chosen : "";
    ::unsetenv("GONGJI_DB");  // the user's own database, not one named for this run
    ::setenv("XDG_DATA_HOME", home.path().c_str(), 1);
    auto url = app::default_database_url();
    ::unsetenv("XDG_DATA_HOME");
    if (chosen) ::setenv("GONGJI_DB", kept.c_str(), 1);
    BOOST_TEST(url == "sqlite:" + home.path() + "/gongji/gongji.db");
    struct stat st {};
    BOOST_REQUIRE_EQUAL(::stat((home.path() + "/gongji").c_str(), &st), 0);
    BOOST_TEST((st.st_mode & 0777) == 0700u);
}

BOOST_AUTO_TEST_CASE(a_new_database_gets_schema_tables_profiles_and_admin) {
    test::FreshDatabase fresh;
    app::Workspace ws(fresh.url());
    BOOST_CHECK_THROW(ws.require_current_schema(), app::SchemaMismatch);
    app::InitOptions options;
    BOOST_CHECK_THROW(app::initialize(ws, options), app::BadInput);  // no password for admin
    BOOST_TEST(storage::schema_version(app::database(ws)) == 0);                // and nothing was done

    options.admin_password = "s3cret";
    auto report = app::initialize(ws, options);
    ws.require_current_schema();
    BOOST_TEST(report.policies_loaded.size() == 5u);
    BOOST_TEST(report.regions > 3000);
    BOOST_TEST(report.users_created == std::vector<std::string>{"admin"}, boost::test_tools::per_element());
    BOOST_TEST(app::authenticate(ws, "admin", "s3cret").role == core::Role::admin);
    BOOST_TEST(ws.regions().find("450802")->name == "港北区");
    BOOST_TEST(app::stores(ws).persons.count() == 0);
}

BOOST_AUTO_TEST_CASE(running_init_again_keeps_an_administrators_profile) {
    test::InitializedWorkspace f;
    auto edited = app::load_policy(f.ws, "guangxi");
    edited.title = "广西（本地修订）";
    app::store_policy_text(f.ws, core::policy_profile_to_json(edited), "edit");
    auto report = app::initialize(f.ws, {});
    BOOST_TEST(report.migrations_applied.empty());
    BOOST_TEST(report.policies_loaded.empty());
    BOOST_TEST(app::load_policy(f.ws, "guangxi").title == "广西（本地修订）");
}

BOOST_AUTO_TEST_CASE(an_edited_profile_is_checked_then_saved_by_an_administrator_only) {
    test::InitializedWorkspace f;
    app::Actor admin{"admin", core::Role::admin, "test-ws"}, clerk{"clerk", core::Role::clerk, "test-ws"};
    auto text = app::policy_document(f.ws, "guangxi");
    BOOST_TEST(!app::policy_problem(text).has_value());
    auto broken = text;
    broken.replace(broken.find("\"title\""), 7, "\"titel\"");
    BOOST_TEST(app::policy_problem(broken).has_value());
    BOOST_TEST(app::policy_problem("{").has_value());
    BOOST_CHECK_THROW(app::save_policy_text(f.ws, admin, broken), app::BadInput);
    auto edited = app::load_policy(f.ws, "guangxi");
    edited.title = "广西（窗口修订）";
    BOOST_CHECK_THROW(app::save_policy_text(f.ws, clerk, core::policy_profile_to_json(edited)), app::Refused);
    BOOST_TEST(app::load_policy(f.ws, "guangxi").title != "广西（窗口修订）");
    auto result = app::save_policy_text(f.ws, admin, core::policy_profile_to_json(edited));
    BOOST_TEST(!result.created);
    BOOST_TEST(app::load_policy(f.ws, "guangxi").title == "广西（窗口修订）");
    BOOST_CHECK_THROW(app::policy_document(f.ws, "atlantis"), app::BadInput);
}

BOOST_AUTO_TEST_CASE(the_agencys_own_profile_is_set_by_an_administrator) {
    test::InitializedWorkspace f;
    app::Actor admin{"admin", core::Role::admin, "test-ws"}, clerk{"clerk", core::Role::clerk, "test-ws"};
    BOOST_TEST(!app::default_policy(f.ws).has_value());
    BOOST_CHECK_THROW(app::set_default_policy(f.ws, admin, "atlantis"), app::BadInput);
    BOOST_CHECK_THROW(app::set_default_policy(f.ws, clerk, "guangxi"), app::Refused);
    app::set_default_policy(f.ws, admin, "guangxi");
    BOOST_TEST(app::default_policy(f.ws).value_or("") == "guangxi");
}

BOOST_AUTO_TEST_CASE(demo_data_has_roster_bindings_and_users) {
    test::DemoWorkspace f;
    BOOST_TEST(app::stores(f.ws).persons.count() == 25);
    BOOST_TEST(app::stores(f.ws).bindings.count_open_as_authorizer("450802195001010116") == 7);
    for (const char* name : {"admin", "clerk", "super"})
        BOOST_TEST_CONTEXT(name) { BOOST_TEST(app::stores(f.ws).users.find(name).has_value()); }
    BOOST_TEST(app::authenticate(f.ws, "super", "demo").role == core::Role::supervisor);
}


BOOST_AUTO_TEST_CASE(the_authorizers_region_chooses_the_profile_unless_the_agencys_own_governs_there) {
    test::InitializedWorkspace f;
    auto profiles = app::list_policies(f.ws);
    // No profile of the agency's own: a 贵港 authorizer gets guangxi, not the first listed.
    BOOST_TEST(app::policy_for_region(profiles, std::nullopt, "450800").value_or("") == "guangxi");
    BOOST_TEST(app::policy_for_region(profiles, std::nullopt, "440700").value_or("") == "guangdong");
    // The agency's own governs there: it is kept; a profile for anywhere governs everywhere.
    BOOST_TEST(app::policy_for_region(profiles, std::string("national-2026"), "450800").value_or("") == "national-2026");
    // The agency's own does not govern there (a cross-province case): the region's profile.
    BOOST_TEST(app::policy_for_region(profiles, std::string("guangxi"), "130600").value_or("") == "hebei");
    // Nowhere specific: a profile for anywhere.
    auto anywhere = app::policy_for_region(profiles, std::nullopt, "650100");
    BOOST_REQUIRE(anywhere.has_value());
    BOOST_TEST(app::load_policy(f.ws, *anywhere).regions.empty());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_CASE(what_the_authorizer_alone_fails_is_known_before_the_relative) {
    test::DemoWorkspace f;
    auto codes = [&](const char* id) {
        std::string out;
        for (const auto& r : app::authorizer_reasons(f.ws, "guangxi", id)) out += r.code + " ";
        return out;
    };
    BOOST_TEST(codes("450802195001010116") == "authorizer_limit ");        // 黄明 pays for seven
    BOOST_TEST(codes("450802196503120117") == "");                         // 张伟 may bind more
    BOOST_TEST(codes("450802196708200129") == "authorizer_not_employee ");  // 李秀英 is insured as a resident
}
