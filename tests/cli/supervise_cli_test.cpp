// Pins `gongji settle` with the platform's settlement records, `gongji supervise` as the
// fund-supervision staff use it and `gongji stats` as the agency reports up, on this run's
// backend: exit 1 with findings, the JSON of interfaces.md, printed PDFs whose text pdftotext
// finds (ID numbers masked), and .xlsx workbooks whose sheets hold the same tables.
#include <boost/test/unit_test.hpp>

#include <filesystem>

#include "run_gongji.h"
#include "support/test_database.h"

using namespace gongji::test;

namespace {

const std::string kFather = "450802196503120117", kSon = "450802199205060113";  // demo: bound, 3200 元
const std::string kLina = "450803199309150128";                                 // demo: not bound to him


}  // namespace

BOOST_AUTO_TEST_CASE(platform_records_are_imported_and_supervise_lists_what_breaks_the_rules) {
    FreshDatabase fresh{"demo", gongji_init_demo};
    TempDir files;
    std::map<std::string, std::string> env{{"GONGJI_DB", fresh.url()}, {"GONGJI_PASSWORD", "demo"}};
    // Lines out of time order; R2 is paid by the father (bound) and by 李娜 (not bound).
    auto file = files.write(
        "platform.csv",
        "setl_id,setl_time,certno,psn_name,fixmedins_code,fixmedins_name,med_type,medfee_sumamt,psn_part_amt,"
        "acct_pay,acct_mulaid_pay,mulaid_certno,psn_cash_pay,balc\n"
        "R2,2026-11-23 10:00:00," + kSon + ",张磊,H1,贵港市人民医院,11,150.00,100.00,0.00,60.00," + kFather + ",0.00,0.00\n"
        "R2,2026-11-23 10:00:00," + kSon + ",张磊,H1,贵港市人民医院,11,150.00,100.00,0.00,40.00," + kLina + ",0.00,0.00\n"
        "R1,2026-11-22 09:30:00," + kSon + ",张磊,H1,贵港市人民医院,41,120.00,86.50,0.00,86.50," + kFather + ",0.00,0.00\n");
    auto imported = run_gongji({"--as", "admin", "settle", file}, env);
    BOOST_REQUIRE_MESSAGE(imported.exit_code == 0, imported.err);
    BOOST_TEST(imported.object()->getValue<int>("applied") == 2);
    BOOST_TEST(imported.object()->getValue<int>("late") == 0);
    BOOST_TEST(imported.object()->getValue<int>("findings") == 1);

    auto st = run_gongji({"--as", "clerk", "statement", "--user", kSon, "--from", "2026-11-01", "--to", "2026-11-30"}, env);
    BOOST_REQUIRE_MESSAGE(st.exit_code == 0, st.err);
    auto rows = st.object()->getArray("rows");
    BOOST_REQUIRE(rows->size() == 2u);
    BOOST_TEST(rows->getObject(0)->getValue<std::string>("setl_id") == "R1");  // in time order
    BOOST_TEST(rows->getObject(0)->getValue<std::string>("kind") == "recorded");
    BOOST_TEST(rows->getObject(1)->getArray("mutual_aid")->size() == 2u);

    BOOST_TEST(run_gongji({"--as", "clerk", "supervise", "--from", "2026-11-01", "--to", "2026-11-30"}, env).exit_code == 1);
    BOOST_TEST(run_gongji({"--as", "super", "supervise", "--from", "2026-11-30", "--to", "2026-11-01"}, env).exit_code == 2);
    BOOST_TEST(run_gongji({"--as", "super", "supervise", "--from", "2026-11-01", "--to", "2026-11-22"}, env).exit_code == 0);

    auto pdf = files.file("findings.pdf"), xlsx = files.file("findings.xlsx");
    auto check = run_gongji({"--as", "super", "supervise", "--from", "2026-11-01", "--to", "2026-11-30", "--pdf", pdf,
                             "--xlsx", xlsx},
                            env);
    BOOST_TEST(check.exit_code == 1);  // there are findings
    BOOST_REQUIRE(check.object());
    BOOST_TEST(check.object()->getValue<int>("checked") == 2);
    auto findings = check.object()->getArray("findings");
    BOOST_REQUIRE(findings->size() == 1u);
    auto f = findings->getObject(0);
    BOOST_TEST(f->getValue<std::string>("code") == "no_binding");
    BOOST_TEST(f->getValue<std::string>("setl_id") == "R2");
    BOOST_TEST(f->getValue<std::string>("authorizer") == kLina);
    BOOST_TEST(f->getValue<std::string>("user") == kSon);
    BOOST_TEST(f->getValue<long long>("amount_fen") == 4000);
    BOOST_TEST(f->getValue<std::string>("time") == "2026-11-23T10:00:00+08:00");

    auto text = pdf_text(pdf);
    BOOST_TEST(text.find("共济支付核查结果") != std::string::npos);
    BOOST_TEST(text.find("无共济关系仍支付") != std::string::npos);
    BOOST_TEST(text.find("450803********0128") != std::string::npos);  // masked
    BOOST_TEST(text.find(kLina) == std::string::npos);
    BOOST_TEST(command_output("pdffonts '" + pdf + "'").find(" yes ") != std::string::npos);  // embedded

    // The workbook: a sheet of counts by code, a sheet of the findings (IDs masked, money a number).
    auto sheets = command_output("unzip -p '" + xlsx + "' xl/workbook.xml");
    BOOST_TEST(sheets.find("问题统计") != std::string::npos);
    BOOST_TEST(sheets.find("问题明细") != std::string::npos);
    auto list = command_output("unzip -p '" + xlsx + "' xl/worksheets/sheet2.xml");
    BOOST_TEST(list.find("no_binding") != std::string::npos);
    BOOST_TEST(list.find("450803********0128") != std::string::npos);
    BOOST_TEST(list.find(kLina) == std::string::npos);
    BOOST_TEST(list.find("<v>40</v>") != std::string::npos);  // 40.00 元 as a number

    // The month's figures: 186.50 元 of mutual aid, 86.50 for the pharmacy on 11-22.
    BOOST_TEST(run_gongji({"--as", "clerk", "stats", "--month", "2026-11"}, env).exit_code == 1);  // refused
    BOOST_TEST(run_gongji({"--as", "super", "stats", "--month", "2026-1"}, env).exit_code == 2);
    auto stats_pdf = files.file("stats.pdf"), stats_xlsx = files.file("stats.xlsx");
    auto stats = run_gongji({"--as", "super", "stats", "--month", "2026-11", "--pdf", stats_pdf, "--xlsx", stats_xlsx}, env);
    BOOST_REQUIRE_MESSAGE(stats.exit_code == 0, stats.err);
    auto money = stats.object()->getObject("mutual_aid");
    BOOST_TEST(money->getValue<long long>("amount_fen") == 18650);
    BOOST_TEST(money->getArray("by_use")->getObject(0)->getValue<std::string>("use") == "clinic");
    BOOST_TEST(money->getArray("by_use")->getObject(0)->getValue<long long>("recorded_fen") == 10000);
    BOOST_TEST(money->getArray("by_day")->size() == 30u);
    BOOST_TEST(money->getArray("by_day")->getObject(21)->getValue<long long>("amount_fen") == 8650);
    auto stats_text = pdf_text(stats_pdf);
    BOOST_TEST(stats_text.find("家庭共济月度统计") != std::string::npos);
    BOOST_TEST(stats_text.find("药店购药") != std::string::npos);
    BOOST_TEST(stats_text.find("186.50") != std::string::npos);
    BOOST_TEST(command_output("unzip -p '" + stats_xlsx + "' xl/workbook.xml").find("共济金额") != std::string::npos);
    BOOST_TEST(command_output("unzip -p '" + stats_xlsx + "' xl/worksheets/sheet4.xml").find("<v>86.5</v>") != std::string::npos);
    // The time limits have their own sheet; this agency promises no working days yet, and it says so.
    BOOST_TEST(command_output("unzip -p '" + stats_xlsx + "' xl/workbook.xml").find("办结时限") != std::string::npos);
    BOOST_TEST(command_output("unzip -p '" + stats_xlsx + "' xl/sharedStrings.xml xl/worksheets/sheet6.xml").find("未设定办结时限") !=
               std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_workbook_that_cannot_be_written_is_a_clear_error) {
    FreshDatabase fresh{"demo", gongji_init_demo};
    TempDir files;
    std::map<std::string, std::string> env{{"GONGJI_DB", fresh.url()}, {"GONGJI_PASSWORD", "demo"}};
    auto r = run_gongji({"--as", "super", "supervise", "--from", "2026-11-01", "--to", "2026-11-30", "--xlsx",
                         files.file("no/such/folder/x.xlsx")},
                        env);
    BOOST_TEST(r.exit_code == 2);
    BOOST_TEST(r.err.find("--xlsx") != std::string::npos);
    // Checked before any work: a good --pdf beside a bad --xlsx is not written either.
    auto pdf = files.file("written-anyway.pdf");
    r = run_gongji({"--as", "super", "supervise", "--from", "2026-11-01", "--to", "2026-11-30", "--pdf", pdf, "--xlsx",
                    files.file("no/such/folder/x.xlsx")},
                   env);
    BOOST_TEST(r.exit_code == 2);
    BOOST_TEST(!std::filesystem::exists(pdf));
    auto same = files.file("same.out");
    r = run_gongji({"--as", "super", "stats", "--month", "2026-11", "--pdf", same, "--xlsx", same}, env);
    BOOST_TEST(r.exit_code == 2);  // the workbook would replace the PDF
    BOOST_TEST(!std::filesystem::exists(same));
    r = run_gongji({"--as", "super", "stats", "--month", "2026-11", "--pdf", files.file("no/such/folder/s.pdf")}, env);
    BOOST_TEST(r.exit_code == 2);
    BOOST_TEST(r.err.find("--pdf: cannot write") != std::string::npos, r.err);
}
