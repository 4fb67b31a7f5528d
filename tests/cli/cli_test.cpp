// Pins the `gongji` contract of interfaces.md end to end on this run's backend: exit codes,
// JSON shapes, and the decision of every §5 rule on the demo database.
#include <boost/test/unit_test.hpp>

#include <sys/stat.h>

#include <fstream>

#include <Poco/JSON/Array.h>

#include <soci/soci.h>

#include "run_gongji.h"
#include "storage/migrations.h"
#include "support/test_database.h"

using namespace gongji::test;
using Poco::JSON::Array;
using Poco::JSON::Object;

namespace {

// Demo roster people (db/demo/roster.csv).
const std::string kZhangWei = "450802196503120117";   // 310, authorizer of 张磊
const std::string kLiXiuying = "450802196708200129";  // his wife, 390
const std::string kZhangLei = "450802199205060113";   // his son, bound to him
const std::string kLiNa = "450803199309150128";       // 张磊's wife, 310
const std::string kZhangXiaoyu = "450802201911030122";
const std::string kWangGuilan = "450821194001150121"; // 1940, 张伟's mother
const std::string kZhangQiang = "450802197009090113"; // brother, insured in Nanning
const std::string kChenJianguo = "450802197504040113";// status 4
const std::string kZhaoMin = "45080219851201012X";    // status 0
const std::string kSunLi = "450802197802280123";      // 310, status 2
const std::string kZhouJie = "450802198807070111";    // 390
const std::string kWuGang = "440703196010100117";     // Guangdong, 310
const std::string kZhengHong = "130602199003030121";  // Hebei
const std::string kHuangMing = "450802195001010116";  // 310 with 7 users
const std::string kHuangZihao = "450802201209090117"; // his grandson, not bound
const std::string kNotInRoster = "11010519491231002X";

struct DemoDatabase {
    FreshDatabase fresh{"demo", gongji_init_demo};
    std::map<std::string, std::string> env{{"GONGJI_DB", fresh.url()}};
    TempDir files;
    CliResult gongji(const std::vector<std::string>& args, std::map<std::string, std::string> extra = {}) {
        extra.insert(env.begin(), env.end());
        return run_gongji(args, extra);
    }
    std::map<std::string, std::string> as(const std::string& password) { return {{"GONGJI_PASSWORD", password}}; }
};

std::vector<std::string> reason_codes(const CliResult& r) {
    std::vector<std::string> out;
    auto reasons = r.object()->getArray("reasons");
    for (size_t i = 0; i < reasons->size(); ++i)
        out.push_back(reasons->getObject(static_cast<unsigned>(i))->getValue<std::string>("code"));
    return out;
}

using Codes = std::vector<std::string>;

}  // namespace

BOOST_AUTO_TEST_SUITE(cli)

BOOST_AUTO_TEST_CASE(id_check_answers_in_json_with_exit_codes) {
    auto ok = run_gongji({"id", "check", "11010519491231002x"});
    BOOST_TEST(ok.exit_code == 0);
    auto o = ok.object();
    BOOST_TEST(o->getValue<bool>("valid"));
    BOOST_TEST(o->getValue<std::string>("normalized") == "11010519491231002X");
    BOOST_TEST(o->getValue<std::string>("birth_date") == "1949-12-31");
    BOOST_TEST(o->getValue<std::string>("gender") == "female");
    BOOST_TEST(o->getValue<std::string>("region") == "110105");
    BOOST_TEST(o->getArray("errors")->size() == 0u);

    auto bad = run_gongji({"id", "check", "11010519491231002"});
    BOOST_TEST(bad.exit_code == 1);
    BOOST_TEST(!bad.object()->getValue<bool>("valid"));
    BOOST_TEST(bad.object()->getArray("errors")->getObject(0)->getValue<std::string>("code") == "length");

    auto unknown_region = run_gongji({"id", "check", "459901198001010010"});  // no division of Guangxi
    BOOST_TEST(run_gongji({"id", "check", "990101198001010014"}).exit_code == 1);  // 99 is no province
    BOOST_TEST(unknown_region.exit_code == 0);
    BOOST_TEST(unknown_region.object()->getArray("warnings")->getObject(0)->getValue<std::string>("code") ==
               "region_unknown");

    BOOST_TEST(run_gongji({"id", "check"}).exit_code == 2);
    BOOST_TEST(run_gongji({"frobnicate"}).exit_code == 2);
}

BOOST_FIXTURE_TEST_CASE(every_rule_decides_on_the_demo_database, DemoDatabase) {
    struct Case {
        const char* name;
        std::vector<std::string> args;
        Codes expected;
    };
    auto check = [](const std::string& policy, const std::string& a, const std::string& u, const std::string& rel,
                    std::vector<std::string> more = {}) {
        std::vector<std::string> args = {"check", "--policy", policy, "--authorizer", a, "--user", u, "--relation", rel};
        args.insert(args.end(), more.begin(), more.end());
        return args;
    };
    const std::vector<Case> cases = {
        {"wife", check("guangxi", kZhangWei, kLiXiuying, "12", {"--docs", "id_card,marriage_certificate"}), {}},
        {"id_invalid", check("guangxi", "450802196503120118", kLiXiuying, "12"), {"id_invalid"}},
        {"same_person", check("guangxi", kZhangWei, kZhangWei, "12"), {"same_person"}},
        {"authorizer_not_found", check("guangxi", kNotInRoster, kLiXiuying, "12"), {"authorizer_not_found"}},
        {"authorizer_not_employee", check("guangxi", kZhouJie, kLiXiuying, "52"), {"authorizer_not_employee"}},
        {"authorizer_status", check("guangxi", kSunLi, kZhangXiaoyu, "30"), {"authorizer_status"}},
        {"user_not_insured", check("guangxi", kZhangWei, kZhaoMin, "30"), {"user_not_insured"}},
        {"user_status", check("guangxi", kZhangWei, kChenJianguo, "20"), {"user_status"}},
        {"relation_not_allowed", check("guangxi", kZhangWei, kZhangQiang, "73", {"--date", "2024-08-31"}),
         {"relation_not_allowed"}},
        {"sibling allowed from 2024-09-01", check("guangxi", kZhangWei, kZhangQiang, "73", {"--date", "2024-09-01"}), {}},
        {"relation_implausible", check("guangxi", kZhangWei, kWangGuilan, "30"), {"relation_implausible"}},
        {"region_scope", check("guangdong", kWuGang, kZhengHong, "30"), {"region_scope"}},
        {"nation scope", check("national-2026", kWuGang, kZhengHong, "30"), {}},
        {"authorizer_limit", check("guangxi", kHuangMing, kHuangZihao, "41"), {"authorizer_limit"}},
        {"user_limit", check("guangxi", kLiNa, kZhangLei, "11"), {"user_limit"}},
        {"duplicate", check("guangxi", kZhangWei, kZhangLei, "20"), {"user_limit", "duplicate"}},
        {"documents_missing", check("guangxi", kZhangWei, kLiXiuying, "12", {"--docs", "id_card"}), {"documents_missing"}},
    };
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.name) {
            auto r = gongji(c.args);
            BOOST_TEST(r.exit_code == (c.expected.empty() ? 0 : 1), r.err);
            BOOST_TEST(r.object()->getValue<bool>("eligible") == c.expected.empty());
            BOOST_TEST(reason_codes(r) == c.expected, boost::test_tools::per_element());
            auto reasons = r.object()->getArray("reasons");
            for (size_t i = 0; i < reasons->size(); ++i) {
                auto reason = reasons->getObject(static_cast<unsigned>(i));
                BOOST_TEST(!reason->getValue<std::string>("message").empty());
                BOOST_TEST(!reason->getValue<std::string>("rule").empty());
                auto subject = reason->getValue<std::string>("subject");
                BOOST_TEST((subject == "authorizer" || subject == "user"));
            }
        }
    }
}

BOOST_FIXTURE_TEST_CASE(small_mistakes_exit_2_naming_what_is_wrong_and_nothing_changes, DemoDatabase) {
    auto limit = gongji({"--as", "clerk", "case", "list", "--limit", "abc"}, as("demo"));
    BOOST_TEST(limit.exit_code == 2);
    BOOST_TEST(limit.err.find("--limit") != std::string::npos, limit.err);
    auto folder = gongji({"--as", "admin", "roster", "import", files.path()}, as("demo"));
    BOOST_TEST(folder.exit_code == 2);
    BOOST_TEST(folder.err.find("a folder, not a file") != std::string::npos, folder.err);
    auto twice = gongji({"--as", "admin", "roster", "import", files.write("twice.csv", "id_number,name,gender,birth_date,insurance_type,status,pooling_region,account_balance,name\n")}, as("demo"));
    BOOST_TEST(twice.exit_code == 2);
    BOOST_TEST(twice.err.find("\"name\" twice") != std::string::npos, twice.err);
    // A settlement cannot have happened after today: its line is refused, nothing is paid.
    auto future = gongji({"--as", "admin", "settle",
                          files.write("future.csv", "setl_id,user_id_number,time,institution_code,institution_name,use,amount\n"
                                                    "S1,450802196708200129,2099-01-01T09:00:00+08:00,H1,医院,clinic,10.00\n")},
                         as("demo"));
    BOOST_TEST(future.exit_code == 0, future.err);
    BOOST_TEST(future.object()->getValue<int>("applied") == 0);
    BOOST_TEST(future.object()->getArray("rejected")->getObject(0)->getValue<std::string>("code") == "time_future");
}

BOOST_FIXTURE_TEST_CASE(bad_input_to_check_exits_2_naming_the_field, DemoDatabase) {
    struct Case { std::vector<std::string> args; const char* names; };
    const Case cases[] = {
        {{"check", "--policy", "guangxi", "--authorizer", kZhangWei, "--user", kLiXiuying, "--relation", "03"}, "relation"},
        {{"check", "--policy", "mars", "--authorizer", kZhangWei, "--user", kLiXiuying, "--relation", "12"}, "policy"},
        {{"check", "--policy", "guangxi", "--authorizer", kZhangWei, "--user", kLiXiuying, "--relation", "12", "--date", "2024-02-30"}, "--date"},
        {{"check", "--policy", "guangxi", "--authorizer", kZhangWei, "--user", kLiXiuying, "--relation", "12", "--date", "2020-01-01"}, "date"},
        {{"check", "--policy", "guangxi", "--authorizer", kZhangWei, "--relation", "12"}, "--user"},
        {{"check", "--policy", "guangxi", "--authorizer", kZhangWei, "--user", kLiXiuying, "--relation", "12", "--docs", "passport"}, "--docs"},
    };
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.names) {
            auto r = gongji(c.args);
            BOOST_TEST(r.exit_code == 2);
            BOOST_TEST(r.err.find(c.names) != std::string::npos, r.err);
            BOOST_TEST(r.err.find('\n') == r.err.size() - 1);  // one line
        }
    }
}

BOOST_FIXTURE_TEST_CASE(roster_import_reports_each_bad_line, DemoDatabase) {
    auto path = files.write("roster.csv",
                            "name,id_number,gender,birth_date,insurance_type,status,pooling_region,account_balance\n"
                            "新人,450802200001010013,1,2000-01-01,390,1,450800,12.30\n"
                            "坏人,450802200001010012,1,2000-01-01,390,1,450800,12.30\n");
    auto denied = gongji({"roster", "import", path});
    BOOST_TEST(denied.exit_code == 2);  // no --as
    auto wrong = gongji({"--as", "admin", "roster", "import", path}, as("nope"));
    BOOST_TEST(wrong.exit_code == 1);
    BOOST_TEST(wrong.object()->getValue<std::string>("refused") == "authentication_failed");
    auto clerk = gongji({"--as", "clerk", "roster", "import", path}, as("demo"));
    BOOST_TEST(clerk.exit_code == 1);
    BOOST_TEST(clerk.object()->getValue<std::string>("refused") == "forbidden");

    auto r = gongji({"--as", "admin", "roster", "import", path}, as("demo"));
    BOOST_TEST(r.exit_code == 0, r.err);
    auto o = r.object();
    BOOST_TEST(o->getValue<int>("read") == 2);
    BOOST_TEST(o->getValue<int>("inserted") == 1);
    BOOST_TEST(o->getValue<int>("updated") == 0);
    BOOST_TEST(o->getValue<int>("bindings_ended") == 0);
    auto rejected = o->getArray("rejected");
    BOOST_REQUIRE(rejected->size() == 1u);
    BOOST_TEST(rejected->getObject(0)->getValue<int>("line") == 3);
    BOOST_TEST(rejected->getObject(0)->getValue<std::string>("code") == "id_invalid");

    auto missing = gongji({"--as", "admin", "roster", "import", files.file("none.csv")}, as("demo"));
    BOOST_TEST(missing.exit_code == 2);
    // A pipe would block until someone wrote to it (issue 31: "blocks forever"); a device never ends.
    auto pipe = files.file("roster.fifo");
    BOOST_REQUIRE(::mkfifo(pipe.c_str(), 0600) == 0);
    auto from_pipe = gongji({"--as", "admin", "roster", "import", pipe}, as("demo"));
    BOOST_TEST(from_pipe.exit_code == 2);
    BOOST_TEST(from_pipe.err.find("not a regular file") != std::string::npos, from_pipe.err);
    BOOST_TEST(gongji({"--as", "admin", "roster", "import", "/dev/zero"}, as("demo")).exit_code == 2);
    BOOST_TEST(gongji({"--as", "admin", "stats", "--month", "2026-11", "--xlsx", pipe}, as("demo")).exit_code == 2);
}

BOOST_FIXTURE_TEST_CASE(policies_import_list_and_show, DemoDatabase) {
    auto list = gongji({"policy", "list"});
    BOOST_TEST(list.exit_code == 0);
    BOOST_TEST(list.json().extract<Array::Ptr>()->size() == 5u);

    auto show = gongji({"policy", "show", "guangxi"});
    BOOST_TEST(show.exit_code == 0);
    BOOST_TEST(show.object()->getValue<std::string>("title") == "广西壮族自治区");
    BOOST_TEST(show.object()->getArray("versions")->size() == 2u);

    // The shown JSON imports back; a changed title replaces the stored profile.
    auto edited = show.out;
    edited.replace(edited.find("广西壮族自治区"), std::string("广西壮族自治区").size(), "广西（修订）");
    auto good = gongji({"--as", "admin", "policy", "import", files.write("gx.json", edited)}, as("demo"));
    BOOST_TEST(good.exit_code == 0, good.err);
    BOOST_TEST(!good.object()->getValue<bool>("created"));
    BOOST_TEST(gongji({"policy", "show", "guangxi"}).object()->getValue<std::string>("title") == "广西（修订）");

    auto broken = edited;
    broken.replace(broken.find("\"province\""), 10, "\"county\"");
    auto bad = gongji({"--as", "admin", "policy", "import", files.write("bad.json", broken)}, as("demo"));
    BOOST_TEST(bad.exit_code == 2);
    BOOST_TEST(bad.err.find("versions[0].scope") != std::string::npos, bad.err);
    BOOST_TEST(gongji({"policy", "show", "guangxi"}).object()->getValue<std::string>("title") == "广西（修订）");

    BOOST_TEST(gongji({"policy", "show", "mars"}).exit_code == 2);
}

BOOST_AUTO_TEST_CASE(init_needs_a_password_for_the_first_admin) {
    FreshDatabase fresh;
    auto none = run_gongji({"init"}, {{"GONGJI_DB", fresh.url()}});
    BOOST_TEST(none.exit_code == 2);
    BOOST_TEST(none.err.find("GONGJI_NEW_PASSWORD") != std::string::npos, none.err);
    auto r = run_gongji({"init"}, {{"GONGJI_DB", fresh.url()}, {"GONGJI_NEW_PASSWORD", "pw"}});
    BOOST_TEST(r.exit_code == 0, r.err);
    BOOST_TEST(r.object()->getArray("users_created")->size() == 1u);
    auto list = run_gongji({"policy", "list"}, {{"GONGJI_DB", fresh.url()}});
    BOOST_TEST(list.exit_code == 0);
}

BOOST_AUTO_TEST_CASE(the_workstation_name_is_set_once_for_the_machine_without_a_login) {
    TempDir dir;
    auto file = dir.path() + "/etc/workstation";
    auto contents = [&] {
        std::ifstream in(file);
        return std::string(std::istreambuf_iterator<char>(in), {});
    };
    auto r = run_gongji({"settings", "set", "workstation", "窗口-07"}, {{"GONGJI_WORKSTATION_FILE", file}});
    BOOST_TEST(r.exit_code == 0, r.err);
    BOOST_TEST(contents() == "窗口-07\n");
    auto empty = run_gongji({"settings", "set", "workstation", ""}, {{"GONGJI_WORKSTATION_FILE", file}});
    BOOST_TEST(empty.exit_code == 2);
    BOOST_TEST(contents() == "窗口-07\n");  // the bad name changed nothing
}

BOOST_AUTO_TEST_CASE(an_agency_key_seals_the_audit_log_and_anchors_are_checked) {
    FreshDatabase fresh;
    TempDir dir;
    std::map<std::string, std::string> env{{"GONGJI_DB", fresh.url()},
                                           {"GONGJI_AUDIT_KEY_FILE", dir.path() + "/audit.key"},
                                           {"GONGJI_NEW_PASSWORD", "pw"}};
    auto key = run_gongji({"audit", "key", "new", "--sm3"}, env);
    BOOST_TEST(key.exit_code == 0, key.err);
    BOOST_TEST(key.object()->getValue<std::string>("algorithm") == "hmac-sm3");
    BOOST_REQUIRE(run_gongji({"init"}, env).exit_code == 0);
    auto verified = run_gongji({"audit", "verify"}, env);
    BOOST_TEST(verified.exit_code == 0, verified.out);
    BOOST_TEST(verified.object()->getValue<long long>("unkeyed") == 0);
    auto anchors = run_gongji({"audit", "anchor"}, env).json().extract<Poco::JSON::Array::Ptr>();
    BOOST_REQUIRE(anchors->size() >= 1u);
    auto anchor = anchors->getElement<std::string>(0);
    BOOST_TEST(run_gongji({"audit", "verify", "--anchor", anchor}, env).exit_code == 0);
    auto wrong = anchor.substr(0, anchor.rfind(':') + 1) + "00000000000000000000";
    auto refused = run_gongji({"audit", "verify", "--anchor", wrong}, env);
    BOOST_TEST(refused.exit_code == 1);
    BOOST_TEST(refused.object()->getValue<std::string>("reason").find("rewritten") != std::string::npos, refused.out);
    BOOST_TEST(run_gongji({"audit", "verify", "--anchor", "nonsense"}, env).exit_code == 2);
}

// A password on the command line is in /proc/PID/cmdline for every account to read: refused;
// one in GONGJI_DB (this account's own environment) is warned of; neither is ever echoed.
BOOST_AUTO_TEST_CASE(a_password_in_the_database_url_is_refused_on_the_command_line_and_never_echoed) {
    auto away = run_gongji({"--db", "postgresql://clerk:Sekr1t-pw@127.0.0.1:1/none?connect_timeout=2", "policy", "list"});
    BOOST_TEST(away.exit_code == 2);
    BOOST_TEST(away.err.find("PGPASSWORD") != std::string::npos, away.err);
    BOOST_TEST(away.err.find("Sekr1t-pw") == std::string::npos, away.err);
    auto from_env = run_gongji({"policy", "list"}, {{"GONGJI_DB", "postgresql://clerk:Sekr1t-pw@127.0.0.1:1/none?connect_timeout=2"}});
    BOOST_TEST(from_env.exit_code == 3);
    BOOST_TEST(from_env.err.find("GONGJI_DB holds a password") != std::string::npos, from_env.err);
    BOOST_TEST(from_env.err.find("Sekr1t-pw") == std::string::npos, from_env.err);
    // A single-valued option given twice is refused, not taken first-come.
    BOOST_TEST(run_gongji({"--db", "sqlite:/tmp/a.db", "--db", "sqlite:/tmp/b.db", "policy", "list"}).exit_code == 2);
    auto twice = run_gongji({"check", "--policy", "guangxi", "--policy", "national-2026", "--authorizer", "x", "--user", "y",
                             "--relation", "12"});
    BOOST_TEST(twice.exit_code == 2);
    BOOST_TEST(twice.err.find("--policy: given 2 times") != std::string::npos, twice.err);
    auto wrong = run_gongji({"--db", "postgres ql://clerk:Sekr1t-pw@host/db", "policy", "list"});
    BOOST_TEST(wrong.err.find("clerk:***@host") != std::string::npos, wrong.err);
    BOOST_TEST(wrong.err.find("Sekr1t-pw") == std::string::npos, wrong.err);
    auto keyword = run_gongji({"--db", "postgresql://clerk@127.0.0.1:1/none?password=Sekr1t-pw&connect_timeout=2", "policy", "list"});
    BOOST_TEST(keyword.err.find("PGPASSWORD") != std::string::npos, keyword.err);
    BOOST_TEST(keyword.err.find("Sekr1t-pw") == std::string::npos, keyword.err);
    // As libpq reads a keyword string: spaces around '=' and quoted values (a red-team trial got
    // "password =x" past the check and "password= x" echoed).
    for (const char* url : {"host=127.0.0.1 port=1 dbname=none password =Sekr1t-pw", "host=127.0.0.1 port=1 password= Sekr1t-pw",
                            "host=127.0.0.1 port=1 password = 'Sekr1t-pw and more'", "host=127.0.0.1 port=1 password=ab\\ Sekr1t-pw",
                            "host=127.0.0.1 port=1 password=Sekr1t-pw password=", "postgresql://u@127.0.0.1:1/x?%70assword=Sekr1t-pw"}) {
        auto spaced = run_gongji({"--db", url, "policy", "list"});
        BOOST_TEST(spaced.exit_code == 2, url);
        BOOST_TEST(spaced.err.find("PGPASSWORD") != std::string::npos, spaced.err);
        BOOST_TEST(spaced.err.find("Sekr1t-pw") == std::string::npos, spaced.err);
        auto env = run_gongji({"policy", "list"}, {{"GONGJI_DB", url}});
        BOOST_TEST(env.err.find("GONGJI_DB holds a password") != std::string::npos, env.err);
        BOOST_TEST(env.err.find("Sekr1t-pw") == std::string::npos, env.err);
    }
}

// interfaces.md: any libpq connection string, keyword/value form included; a server reached
// over the network without verifying its certificate is said to be so.
BOOST_AUTO_TEST_CASE(a_keyword_connection_string_is_taken_and_an_unverified_server_is_named) {
    auto keywords = run_gongji({"--db", "host=127.0.0.1 port=1 dbname=none connect_timeout=2", "policy", "list"});
    BOOST_TEST(keywords.exit_code == 3);
    BOOST_TEST(keywords.err.find("cannot open database") != std::string::npos, keywords.err);
    BOOST_TEST(keywords.err.find("certificate") == std::string::npos, keywords.err);  // this machine
    auto remote = run_gongji({"--db", "postgresql://nobody@192.0.2.1:5432/none?connect_timeout=1&sslmode=require", "policy", "list"});
    BOOST_TEST(remote.err.find("192.0.2.1 does not verify the server's certificate") != std::string::npos, remote.err);
    auto verified = run_gongji({"--db", "postgresql://nobody@192.0.2.1:5432/none?connect_timeout=1&sslmode=verify-full", "policy", "list"});
    BOOST_TEST(verified.err.find("certificate:") == std::string::npos, verified.err);
}

BOOST_AUTO_TEST_CASE(a_database_that_is_missing_or_unreachable_exits_3) {
    FreshDatabase fresh;
    auto uninitialized = run_gongji({"policy", "list"}, {{"GONGJI_DB", fresh.url()}});
    BOOST_TEST(uninitialized.exit_code == 3);
    BOOST_TEST(uninitialized.err.find("gongji init") != std::string::npos, uninitialized.err);
    auto away = run_gongji({"--db", "postgresql://nobody@127.0.0.1:1/none?connect_timeout=2", "policy", "list"});
    BOOST_TEST(away.exit_code == 3);
    BOOST_TEST(away.err.find("cannot open database") != std::string::npos, away.err);
}

BOOST_FIXTURE_TEST_CASE(a_database_newer_than_the_program_is_refused_untouched, DemoDatabase) {
    {
        auto db = gongji::storage::Database::open(fresh.url());
        db->sql() << "INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, '0099_future.sql', 'x')";
    }
    for (const auto& args : {std::vector<std::string>{"policy", "list"}, std::vector<std::string>{"init"}}) {
        BOOST_TEST_CONTEXT(args[0]) {
            auto r = gongji(args, {{"GONGJI_NEW_PASSWORD", "x"}});
            BOOST_TEST(r.exit_code == 3);
            BOOST_TEST(r.err.find("newer than this program") != std::string::npos, r.err);
        }
    }
    auto db = gongji::storage::Database::open(fresh.url());
    BOOST_TEST(gongji::storage::schema_version(*db) == 99);
}

// The demo's and an administrator's passwords are for one login. Scripts keep working with a
// warning on stderr until the agency requires the change; `user passwd` makes it, under the rules.
BOOST_AUTO_TEST_CASE(a_password_set_by_an_administrator_is_changed_with_user_passwd) {
    DemoDatabase db;
    auto warned = db.gongji({"--as", "clerk", "person", "show", kZhangWei}, db.as("demo"));
    BOOST_TEST(warned.exit_code == 0, warned.err);
    BOOST_TEST(warned.err.find("user passwd") != std::string::npos, warned.err);

    BOOST_TEST(db.gongji({"--as", "admin", "settings", "set", "cli_password_change", "require"}, db.as("demo")).exit_code == 0);
    auto refused = db.gongji({"--as", "clerk", "person", "show", kZhangWei}, db.as("demo"));
    BOOST_TEST(refused.exit_code == 1);
    BOOST_TEST(refused.object()->getValue<std::string>("refused") == "password_change_required", refused.out);

    auto change = [&](const std::string& current, const std::string& chosen) {
        auto env = db.as(current);
        env["GONGJI_NEW_PASSWORD"] = chosen;
        return db.gongji({"--as", "clerk", "user", "passwd"}, env);
    };
    auto weak = change("demo", "demo2");
    BOOST_TEST(weak.exit_code == 2);
    BOOST_TEST(weak.err.find("8") != std::string::npos, weak.err);
    BOOST_TEST(change("demo", "Window-07a").exit_code == 0);
    auto works = db.gongji({"--as", "clerk", "person", "show", kZhangWei}, db.as("Window-07a"));
    BOOST_TEST(works.exit_code == 0, works.err);
    BOOST_TEST(works.err.empty(), works.err);
    BOOST_TEST(db.gongji({"--as", "clerk", "person", "show", kZhangWei}, db.as("demo")).exit_code == 1);

    // A reset makes it one-time again.
    auto reset_env = db.as("demo");
    reset_env["GONGJI_NEW_PASSWORD"] = "tmp-given";
    BOOST_TEST(db.gongji({"--as", "admin", "user", "reset", "clerk"}, reset_env).exit_code == 1);  // admin too must change first
    auto admin_env = db.as("demo");
    admin_env["GONGJI_NEW_PASSWORD"] = "Root-2026!x";
    BOOST_TEST(db.gongji({"--as", "admin", "user", "passwd"}, admin_env).exit_code == 0);
    reset_env = db.as("Root-2026!x");
    reset_env["GONGJI_NEW_PASSWORD"] = "tmp-given";
    BOOST_TEST(db.gongji({"--as", "admin", "user", "reset", "clerk"}, reset_env).exit_code == 0);
    auto again = db.gongji({"--as", "clerk", "person", "show", kZhangWei}, db.as("tmp-given"));
    BOOST_TEST(again.object()->getValue<std::string>("refused") == "password_change_required", again.out);
}

// Who looked at whose data, as the audit administrator reads it once duties are separate.
BOOST_AUTO_TEST_CASE(the_audit_administrator_reads_who_looked_at_whose_card) {
    DemoDatabase db;
    auto admin = db.as("demo");
    BOOST_TEST(db.gongji({"--as", "clerk", "person", "show", kZhangWei}, db.as("demo")).exit_code == 0);
    for (const auto& [name, duty] : {std::pair{"anquan", "security"}, std::pair{"shenji", "audit"}}) {
        auto env = admin;
        env["GONGJI_NEW_PASSWORD"] = "given";
        BOOST_REQUIRE(db.gongji({"--as", "admin", "user", "add", name, "--role", "admin"}, env).exit_code == 0);
        BOOST_REQUIRE(db.gongji({"--as", "admin", "user", "duty", name, duty}, admin).exit_code == 0);
    }
    BOOST_REQUIRE(db.gongji({"--as", "admin", "settings", "set", "separate_duties", "on"}, admin).exit_code == 0);
    auto shown = db.gongji({"settings", "show"});
    BOOST_TEST(shown.object()->getObject("in_force")->getValue<bool>("separate_duties"), shown.out);
    BOOST_TEST(shown.object()->getObject("in_force")->getValue<int>("password_min_length") == 8);
    auto users = db.gongji({"--as", "anquan", "user", "list"}, db.as("given")).json().extract<Poco::JSON::Array::Ptr>();
    std::map<std::string, std::string> duties;
    for (std::size_t i = 0; i < users->size(); ++i)
        if (users->getObject(static_cast<unsigned>(i))->has("duty"))
            duties[users->getObject(static_cast<unsigned>(i))->getValue<std::string>("user")] =
                users->getObject(static_cast<unsigned>(i))->getValue<std::string>("duty");
    BOOST_TEST((duties == std::map<std::string, std::string>{{"admin", "system"}, {"anquan", "security"}, {"shenji", "audit"}}));
    auto refused = db.gongji({"--as", "admin", "audit", "access", "--person", kZhangWei}, admin);
    BOOST_TEST(refused.exit_code == 1);
    BOOST_TEST(refused.object()->getValue<std::string>("message").find("审计管理员") != std::string::npos, refused.out);
    BOOST_TEST(db.gongji({"--as", "shenji", "audit", "access", "--by", "nosuch"}, db.as("given")).exit_code == 2);
    auto seen = db.gongji({"--as", "shenji", "audit", "access", "--person", kZhangWei}, db.as("given"));
    BOOST_TEST(seen.exit_code == 0, seen.err);
    auto views = seen.json().extract<Poco::JSON::Array::Ptr>();
    BOOST_REQUIRE(views->size() == 1u);
    BOOST_TEST(views->getObject(0)->getValue<std::string>("by") == "clerk");
    BOOST_TEST(views->getObject(0)->getObject("read")->getValue<std::string>("what") == "card");
}

BOOST_AUTO_TEST_SUITE_END()
