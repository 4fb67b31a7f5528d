// Pins roster import on this run's backend: encodings, upsert counts, bad lines reported with
// their line numbers while the rest is imported, whole-file failures that store nothing, and
// bindings of terminated people ended.
#include <boost/test/unit_test.hpp>

#include <iconv.h>
#include <soci/soci.h>

#include "app/platform/errors.h"
#include "app/imports/roster_import.h"
#include "app/money/settlement_service.h"
#include "fixture.h"

using namespace gongji;

namespace {

const std::string kHeader = "id_number,name,gender,birth_date,insurance_type,status,pooling_region,account_balance\n";
const std::string kZhang = "450802196503120117,张伟,1,1965-03-12,310,1,450800,3200.00\n";
const std::string kLi = "450802196708200129,李秀英,2,1967-08-20,390,1,450800,0\n";

std::string to_gb18030(const std::string& utf8) {
    iconv_t cd = iconv_open("GB18030", "UTF-8");
    std::string out(utf8.size() * 2, '\0');
    char* in = const_cast<char*>(utf8.data());
    size_t in_left = utf8.size(), out_left = out.size();
    char* dst = &out[0];
    BOOST_REQUIRE(iconv(cd, &in, &in_left, &dst, &out_left) != static_cast<size_t>(-1));
    iconv_close(cd);
    out.resize(out.size() - out_left);
    return out;
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(roster_import, test::InitializedWorkspace)

BOOST_AUTO_TEST_CASE(utf8_with_and_without_bom_and_gb18030_read_the_same) {
    const std::string text = kHeader + kZhang + kLi;
    struct Case { const char* name; std::string bytes; app::Encoding encoding; const char* detected; };
    const Case cases[] = {
        {"utf-8", text, app::Encoding::auto_detect, "utf-8"},
        {"utf-8 bom", "\xEF\xBB\xBF" + text, app::Encoding::auto_detect, "utf-8"},
        {"gb18030 detected", to_gb18030(text), app::Encoding::auto_detect, "gb18030"},
        {"gb18030 named", to_gb18030(text), app::Encoding::gb18030, "gb18030"},
    };
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.name) {
            auto path = files.write("roster.csv", c.bytes);
            auto r = app::import_roster(ws, admin, path, c.encoding);
            BOOST_TEST(r.encoding == c.detected);
            BOOST_TEST(r.read == 2u);
            BOOST_TEST(r.rejected.empty());
            BOOST_TEST(app::stores(ws).persons.find("450802196708200129")->name == "李秀英");
        }
    }
}

BOOST_AUTO_TEST_CASE(reimporting_updates_by_id_number) {
    auto first = app::import_roster(ws, admin, files.write("a.csv", kHeader + kZhang), app::Encoding::auto_detect);
    BOOST_TEST(first.inserted == 1u);
    auto second = app::import_roster(
        ws, admin,
        files.write("b.csv", kHeader + "450802196503120117,张伟,1,1965-03-12,310,2,450800,10.05\n" + kLi),
        app::Encoding::auto_detect);
    BOOST_TEST(second.inserted == 1u);
    BOOST_TEST(second.updated == 1u);
    auto zhang = app::stores(ws).persons.find("450802196503120117");
    BOOST_TEST(zhang->status == 2);
    BOOST_TEST(zhang->balance_fen == 1005);
}

// A file deep in a folder, or with a long name, is a path longer than an audit entry's key (64
// characters, PostgreSQL's VARCHAR(64)): both imports key their entry by the file's name, cut to
// 64 characters, and keep the whole path in the entry's record.
BOOST_AUTO_TEST_CASE(an_import_from_a_long_path_is_audited_by_its_name_with_the_path_in_the_record) {
    std::string name;
    for (int i = 0; i < 70; ++i) name += "名";
    const auto roster = files.write(name + ".csv", kHeader + kZhang);
    const auto settlements = files.write(name + "-settlements.csv", "setl_id,user_id_number,time,institution_code,institution_name,use,amount\n"
                                                  "S1,450802196503120117,2026-11-22T09:30:00+08:00,H1,医院,clinic,1.00\n");
    BOOST_TEST(app::import_roster(ws, admin, roster, app::Encoding::auto_detect).inserted == 1u);
    BOOST_TEST(app::settle_file(ws, admin, settlements, app::Encoding::auto_detect).applied == 1u);
    for (const std::string action : {"roster.import", "settlement.import"}) {
        BOOST_TEST_CONTEXT(action) {
            std::string key, after;
            app::database(ws).sql() << "SELECT entity_key, after_state FROM audit_log WHERE action = :a",
                soci::use(action), soci::into(key), soci::into(after);
            BOOST_TEST(key == name.substr(0, 64 * 3));  // 64 characters of three bytes
            BOOST_TEST(after.find(files.path()) != std::string::npos);
        }
    }
}

// A province re-imports millions of people to change a few: only those are written and counted.
BOOST_AUTO_TEST_CASE(the_same_file_again_changes_nobody_and_says_so) {
    auto file = files.write("a.csv", kHeader + kZhang + kLi);
    app::import_roster(ws, admin, file, app::Encoding::auto_detect);
    auto again = app::import_roster(ws, admin, file, app::Encoding::auto_detect);
    BOOST_TEST(again.inserted == 0u);
    BOOST_TEST(again.updated == 0u);
    BOOST_TEST(again.unchanged == 2u);
}

// One roster saying two things of one person is a mistake in the file: the first line is taken
// and the later one refused naming it (a re-import of a later file still updates).
BOOST_AUTO_TEST_CASE(the_same_person_twice_in_one_roster_is_refused_on_the_later_line) {
    auto r = app::import_roster(
        ws, admin,
        files.write("dup.csv", kHeader + kZhang + kLi + "450802196503120117,张伟,1,1965-03-12,310,2,450800,1.00\n"),
        app::Encoding::auto_detect);
    BOOST_TEST(r.inserted == 2u);
    BOOST_TEST(r.updated == 0u);
    BOOST_REQUIRE(r.rejected.size() == 1u);
    BOOST_TEST(r.rejected[0].line == 4u);
    BOOST_TEST(r.rejected[0].code == "id_repeated");
    BOOST_TEST(r.rejected[0].params.at("line") == "2");
    BOOST_TEST(app::stores(ws).persons.find("450802196503120117")->balance_fen == 320000);
}

BOOST_AUTO_TEST_CASE(bad_lines_are_rejected_with_line_and_code_the_rest_imported) {
    const std::string text = kHeader + kZhang +
                             "450802196708200128,李秀英,2,1967-08-20,390,1,450800,0\n"  // line 3: check char
                             "\n" +                                                        // line 4: blank
                             "450802199205060113,张磊,1,1992-05-06,390,1,450800\n" +      // line 5: a column short
                             kLi +                                                         // line 6: good
                             "450802199205060113,张磊,1,1992-05-06,390,1,450800,-3\n";    // line 7: negative
    auto r = app::import_roster(ws, admin, files.write("r.csv", text), app::Encoding::auto_detect);
    BOOST_TEST(r.read == 5u);
    BOOST_TEST(r.inserted == 2u);
    BOOST_REQUIRE(r.rejected.size() == 3u);
    BOOST_TEST(r.rejected[0].line == 3u);
    BOOST_TEST(r.rejected[0].code == "id_invalid");
    BOOST_TEST(r.rejected[1].line == 5u);
    BOOST_TEST(r.rejected[1].code == "columns");
    BOOST_TEST(r.rejected[2].line == 7u);
    BOOST_TEST(r.rejected[2].code == "balance_invalid");
    BOOST_TEST(app::stores(ws).persons.count() == 2);
}

BOOST_AUTO_TEST_CASE(a_file_that_cannot_be_used_stores_nothing) {
    auto expect_bad = [&](const std::string& name, const std::string& bytes, app::Encoding enc, const std::string& says) {
        BOOST_TEST_CONTEXT(name) {
            auto path = files.write(name, bytes);
            BOOST_CHECK_EXCEPTION(app::import_roster(ws, admin, path, enc), app::BadInput,
                                  [&](const app::BadInput& e) { return std::string(e.what()).find(says) != std::string::npos; });
        }
    };
    expect_bad("empty.csv", "", app::Encoding::auto_detect, "line 1");
    expect_bad("header.csv", "id_number,name,gender\n" + kZhang, app::Encoding::auto_detect, "birth_date");
    expect_bad("gbk.csv", to_gb18030(kHeader + kZhang), app::Encoding::utf8, "line 2");
    expect_bad("binary.csv", kHeader + kZhang + "\xFF\xFF\xFF\n", app::Encoding::auto_detect, "line 3");
    BOOST_CHECK_THROW(app::import_roster(ws, admin, files.file("missing.csv"), app::Encoding::auto_detect), app::BadInput);
    BOOST_TEST(app::stores(ws).persons.count() == 0);
}

BOOST_AUTO_TEST_CASE(a_database_failure_midway_rolls_the_whole_file_back) {
    // A trigger makes the database refuse the third person, as a failing server would.
    if (test::backend_name() == "sqlite") {
        app::database(ws).sql() << "CREATE TRIGGER refuse BEFORE INSERT ON persons WHEN NEW.name = '坏' "
                         "BEGIN SELECT RAISE(ABORT, 'refused'); END";
    } else {
        app::database(ws).sql() << "CREATE FUNCTION refuse() RETURNS trigger AS $$ BEGIN "
                         "IF NEW.name = '坏' THEN RAISE EXCEPTION 'refused'; END IF; RETURN NEW; END $$ "
                         "LANGUAGE plpgsql";
        app::database(ws).sql() << "CREATE TRIGGER refuse BEFORE INSERT ON persons FOR EACH ROW EXECUTE FUNCTION refuse()";
    }
    auto text = kHeader + kZhang + kLi + "450802199205060113,坏,1,1992-05-06,390,1,450800,0\n";
    BOOST_CHECK_THROW(app::import_roster(ws, admin, files.write("r.csv", text), app::Encoding::auto_detect),
                      std::exception);
    BOOST_TEST(app::stores(ws).persons.count() == 0);
}

BOOST_AUTO_TEST_CASE(only_an_administrator_imports) {
    app::Actor clerk{"c", core::Role::clerk, "test-ws"};
    BOOST_CHECK_THROW(app::import_roster(ws, clerk, files.write("r.csv", kHeader + kZhang), app::Encoding::auto_detect),
                      app::Refused);
    BOOST_TEST(app::stores(ws).persons.count() == 0);
}

BOOST_AUTO_TEST_CASE(terminating_a_person_ends_their_bindings) {
    app::import_roster(ws, admin, files.write("a.csv", kHeader + kZhang + kLi), app::Encoding::auto_detect);
    storage::BindingRecord b;
    b.authorizer_id = "450802196503120117";
    b.user_id = "450802196708200129";
    b.relation = "12";
    b.policy = "guangxi";
    b.status = core::BindingStatus::active;
    b.created_at = app::now();
    app::stores(ws).bindings.insert(b);
    auto r = app::import_roster(ws, admin,
                                files.write("b.csv", kHeader + "450802196708200129,李秀英,2,1967-08-20,390,4,450800,0\n"),
                                app::Encoding::auto_detect);
    BOOST_TEST(r.bindings_ended == 1);
    BOOST_TEST(app::stores(ws).bindings.list_by_user("450802196708200129")[0].end_reason.value_or("") == "auto");
}

BOOST_AUTO_TEST_SUITE_END()
