// Pins issue 3's path through the `gongji` tool alone on this run's backend: users, a roster,
// a bind case that its clerk cannot approve and a supervisor can, bindings, unbinding, a roster
// import that ends bindings, and an audit log that notices a hand-edited row.
#include <boost/test/unit_test.hpp>

#include <soci/soci.h>

#include "run_gongji.h"
#include "storage/database.h"
#include "support/test_database.h"

using namespace gongji::test;

namespace {

const std::string kHeader = "id_number,name,gender,birth_date,insurance_type,status,pooling_region,account_balance\n";
const std::string kFather = "450802196503120117", kMother = "450802196708200129", kSon = "450802199205060113";
const std::string kRoster = kHeader + kFather + ",张伟,1,1965-03-12,310,1,450800,3200.00\n" + kMother +
                            ",李秀英,2,1967-08-20,390,1,450800,0\n" + kSon + ",张磊,1,1992-05-06,390,1,450800,0\n";

struct Office {
    FreshDatabase fresh;
    TempDir files;
    CliResult as(const std::string& user, const std::string& password, std::vector<std::string> args,
                 std::map<std::string, std::string> env = {}) {
        args.insert(args.begin(), {"--as", user});
        env["GONGJI_DB"] = fresh.url();
        env["GONGJI_PASSWORD"] = password;
        env["GONGJI_WORKSTATION"] = "window-" + user;
        return run_gongji(args, env);
    }
    CliResult anonymous(const std::vector<std::string>& args) { return run_gongji(args, {{"GONGJI_DB", fresh.url()}}); }
};

}  // namespace

BOOST_FIXTURE_TEST_CASE(the_whole_window_workflow_from_the_command_line, Office) {
    BOOST_REQUIRE(run_gongji({"init"}, {{"GONGJI_DB", fresh.url()}, {"GONGJI_NEW_PASSWORD", "root-pw"}}).exit_code == 0);
    for (const auto& [name, role] : {std::pair{"wang", "clerk"}, {"zhao", "supervisor"}}) {
        auto r = as("admin", "root-pw", {"user", "add", name, "--role", role}, {{"GONGJI_NEW_PASSWORD", name + std::string("-pw")}});
        BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    }
    auto imported = as("admin", "root-pw", {"roster", "import", files.write("roster.csv", kRoster)});
    BOOST_REQUIRE_MESSAGE(imported.exit_code == 0, imported.err);

    auto scan = files.write("scan.png", tiny_png());
    auto bind = as("wang", "wang-pw", {"case", "bind", "--policy", "guangxi", "--authorizer", kFather, "--user", kSon,
                                       "--relation", "20", "--doc", "id_card=" + scan, "--doc", "hukou=" + scan});
    BOOST_REQUIRE_MESSAGE(bind.exit_code == 0, bind.err);
    BOOST_TEST(bind.object()->getValue<std::string>("status") == "submitted");
    auto number = bind.object()->getValue<std::string>("case");

    auto own = as("wang", "wang-pw", {"case", "approve", number});
    BOOST_TEST(own.exit_code == 1);
    BOOST_TEST(own.object()->getValue<std::string>("refused") == "four_eyes");

    auto approved = as("zhao", "zhao-pw", {"case", "approve", number});
    BOOST_TEST(approved.exit_code == 0, approved.err);
    BOOST_TEST(approved.object()->getValue<std::string>("status") == "approved");
    auto twice = as("zhao", "zhao-pw", {"case", "approve", number});
    BOOST_TEST(twice.object()->getValue<std::string>("refused") == "already_decided");

    auto bindings = as("wang", "wang-pw", {"bindings", "--user", kSon});
    BOOST_REQUIRE(bindings.exit_code == 0);
    auto list = bindings.json().extract<Poco::JSON::Array::Ptr>();
    BOOST_REQUIRE(list->size() == 1u);
    BOOST_TEST(list->getObject(0)->getValue<std::string>("status") == "active");
    BOOST_TEST(list->getObject(0)->getValue<int>("order") == 1);

    auto shown = as("wang", "wang-pw", {"case", "show", number});
    BOOST_TEST(shown.object()->getValue<std::string>("decided_by") == "zhao");
    BOOST_TEST(shown.object()->getValue<std::string>("workstation") == "window-wang");

    // Not eligible: refused with the §5 reasons, exit 1.
    auto refused = as("wang", "wang-pw", {"case", "bind", "--policy", "guangxi", "--authorizer", kFather, "--user", kSon,
                                          "--relation", "20", "--doc", "id_card=" + scan});
    BOOST_TEST(refused.exit_code == 1);
    BOOST_TEST(refused.object()->getValue<std::string>("refused") == "not_eligible");
    BOOST_TEST(refused.object()->getArray("reasons")->size() >= 2u);

    // A reason that is not one of the codes is refused, naming them; nothing ends.
    auto whim = as("wang", "wang-pw", {"case", "unbind", "--authorizer", kFather, "--user", kSon, "--reason", "whim"});
    BOOST_TEST(whim.exit_code == 2);
    BOOST_TEST(whim.err.find("--reason: must be request, divorce, death or other, not \"whim\"") != std::string::npos, whim.err);
    auto mood = as("zhao", "zhao-pw", {"case", "reject", number, "--reason", "bad_mood"});
    BOOST_TEST(mood.exit_code == 2);
    BOOST_TEST(mood.err.find("documents_unclear, relation_unproven, information_mismatch, not_eligible or other") !=
                   std::string::npos, mood.err);

    // Unbinding ends it at once.
    auto unbound = as("wang", "wang-pw", {"case", "unbind", "--authorizer", kFather, "--user", kSon, "--reason", "request"});
    BOOST_TEST(unbound.exit_code == 0, unbound.err);
    auto after_unbind = as("wang", "wang-pw", {"bindings", "--user", kSon}).json().extract<Poco::JSON::Array::Ptr>();
    BOOST_TEST(after_unbind->getObject(0)->getValue<std::string>("status") == "ended");
    BOOST_TEST(after_unbind->getObject(0)->getValue<std::string>("end_reason") == "request");

    // The mother binds, is approved, then is terminated by the next roster import.
    auto wife = as("wang", "wang-pw", {"case", "bind", "--policy", "guangxi", "--authorizer", kFather, "--user", kMother,
                                       "--relation", "12", "--doc", "id_card=" + scan, "--doc", "commitment_letter=" + scan});
    BOOST_REQUIRE_MESSAGE(wife.exit_code == 0, wife.err);
    BOOST_REQUIRE(as("zhao", "zhao-pw", {"case", "approve", wife.object()->getValue<std::string>("case")}).exit_code == 0);
    auto terminated = as("admin", "root-pw", {"roster", "import",
                                              files.write("r2.csv", kHeader + kMother + ",李秀英,2,1967-08-20,390,4,450800,0\n")});
    BOOST_TEST(terminated.exit_code == 0, terminated.err);
    BOOST_TEST(terminated.object()->getValue<int>("bindings_ended") == 1);
    auto mother = as("wang", "wang-pw", {"person", "show", kMother});
    BOOST_TEST(mother.object()->getArray("bindings_as_user")->getObject(0)->getValue<std::string>("end_reason") == "auto");

    auto listed = as("zhao", "zhao-pw", {"case", "list", "--status", "approved"});
    BOOST_TEST(listed.json().extract<Poco::JSON::Array::Ptr>()->size() == 3u);

    // The audit log is whole, until someone edits a row by hand.
    auto verified = anonymous({"audit", "verify"});
    BOOST_TEST(verified.exit_code == 0, verified.out);
    BOOST_TEST(verified.object()->getValue<bool>("intact"));
    {
        auto db = gongji::storage::Database::open(fresh.url());
        db->sql() << "UPDATE audit_log SET actor = 'zhao' WHERE action = 'case.submit' AND entity_key = :n",
            soci::use(number);
    }
    auto broken = anonymous({"audit", "verify"});
    BOOST_TEST(broken.exit_code == 1);
    BOOST_TEST(!broken.object()->getValue<bool>("intact"));
    BOOST_TEST(broken.object()->getValue<long long>("first_broken") > 0);
}

BOOST_FIXTURE_TEST_CASE(five_wrong_passwords_lock_a_user_out, Office) {
    BOOST_REQUIRE(run_gongji({"init", "--demo"}, {{"GONGJI_DB", fresh.url()}}).exit_code == 0);
    for (int i = 1; i <= 5; ++i) {
        auto r = as("clerk", "guess" + std::to_string(i), {"person", "show", kFather});
        BOOST_TEST(r.exit_code == 1);
        BOOST_TEST(r.object()->getValue<std::string>("refused") == "authentication_failed");  // the same every time
    }
    auto right = as("clerk", "demo", {"person", "show", kFather});
    BOOST_TEST(right.object()->getValue<std::string>("refused") == "locked");
    BOOST_TEST(as("super", "demo", {"person", "show", kFather}).exit_code == 0);
}
