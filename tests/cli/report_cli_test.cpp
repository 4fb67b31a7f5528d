// Pins the printed documents end to end on this run's backend: every document renders to a PDF
// with the font embedded, pdftotext finds its Chinese text, masked ID numbers (never the whole
// number) and totals; a 1,000-row statement repeats its header on every page and counts its
// pages; a broken template is reported with its line; every print is recorded.
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <soci/soci.h>

#include "run_gongji.h"
#include "storage/database.h"
#include "support/test_database.h"

using namespace gongji::test;

namespace {

const std::string kFather = "450802196503120117", kWife = "450802196708200129", kSon = "450802199205060113";


struct Office {
    FreshDatabase fresh{"demo", gongji_init_demo};
    TempDir files;
    std::map<std::string, std::string> env{{"GONGJI_DB", fresh.url()}, {"GONGJI_PASSWORD", "demo"},
                                           {"GONGJI_WORKSTATION", "window-3"}};
    CliResult as(const std::string& user, std::vector<std::string> args) {
        args.insert(args.begin(), {"--as", user});
        return run_gongji(args, env);
    }
    std::string submit_wife() {
        auto scan = files.write("scan.png", tiny_png());
        auto r = as("clerk", {"case", "bind", "--policy", "guangxi", "--authorizer", kFather, "--user", kWife,
                              "--relation", "12", "--doc", "id_card=" + scan, "--doc", "marriage_certificate=" + scan});
        BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.err);
        return r.object()->getValue<std::string>("case");
    }
    std::string report(const std::vector<std::string>& args, const std::string& name) {
        auto pdf = files.file(name + ".pdf");
        std::vector<std::string> full = {"report"};
        full.insert(full.end(), args.begin(), args.end());
        full.push_back("--pdf");
        full.push_back(pdf);
        auto r = as("clerk", full);
        BOOST_REQUIRE_MESSAGE(r.exit_code == 0, name << ": " << r.err);
        return pdf;
    }
};

void check_masked(const std::string& text, const std::string& id) {
    BOOST_TEST(text.find(id.substr(0, 6) + "********" + id.substr(14)) != std::string::npos, "masked " << id);
    BOOST_TEST(text.find(id) == std::string::npos, "whole " << id);
}

}  // namespace

BOOST_FIXTURE_TEST_CASE(every_document_renders_with_its_text_masked_ids_and_embedded_font, Office) {
    BOOST_REQUIRE(as("admin", {"settings", "set", "agency_name", "贵港市医疗保障事业管理中心"}).exit_code == 0);
    BOOST_REQUIRE(as("admin", {"settings", "set", "agency_phone", "0775-12393"}).exit_code == 0);
    BOOST_REQUIRE(as("admin", {"settings", "set", "processing_days", "15"}).exit_code == 0);
    BOOST_TEST(as("admin", {"settings", "set", "processing_days", "two weeks"}).exit_code == 2);
    auto approved = submit_wife();
    BOOST_REQUIRE(as("super", {"case", "approve", approved}).exit_code == 0);
    auto unbound = as("clerk", {"case", "unbind", "--authorizer", kFather, "--user", kSon, "--reason", "divorce"});
    auto unbind_case = unbound.object()->getValue<std::string>("case");
    auto settle = files.write("s.csv", "setl_id,user_id_number,time,institution_code,institution_name,use,amount\n"
                                       "S1," + kWife + ",2026-11-22T09:30:00+08:00,H1,贵港市人民医院,clinic,86.50\n");
    BOOST_REQUIRE(as("admin", {"settle", settle}).exit_code == 0);

    struct Doc { const char* name; std::vector<std::string> args; std::vector<std::string> texts; };
    const std::vector<Doc> docs = {
        {"commitment", {"commitment", "--case", approved}, {"职工医保个人账户家庭共济承诺书", "一经使用，不予退回", "授权人签字", "张伟"}},
        {"receipt", {"receipt", "--case", approved},
         {"家庭共济业务受理回执", approved, "身份证", "结婚证", "受理窗口 window-3", "受理经办人 韦丽华（clerk）",
          "自受理之日起15个工作日内", "咨询电话 0775-12393"}},
        {"decision", {"decision", "--case", approved}, {"家庭共济审核结果通知书", "审核通过", "起生效"}},
        {"unbind", {"unbind", "--case", unbind_case}, {"家庭共济关系解除通知书", "离婚", "不予退回"}},
        {"statement", {"statement", "--user", kWife, "--from", "2026-11-01", "--to", "2026-11-30"},
         {"职工医保个人账户共济使用明细", "贵港市人民医院", "86.50", "合计金额"}},
        {"daily", {"daily", "--clerk", "clerk", "--date", "2026-11-22"}, {"家庭共济窗口业务日报", "共济关系绑定", "合计受理", "审计锚点", "与审计日志一致"}},
    };
    for (const auto& d : docs) {
        BOOST_TEST_CONTEXT(d.name) {
            auto pdf = report(d.args, d.name);
            auto text = pdf_text(pdf);
            for (const auto& t : d.texts) BOOST_TEST(text.find(t) != std::string::npos, "missing “" << t << "”");
            BOOST_TEST(text.find("贵港市医疗保障事业管理中心") != std::string::npos);
            BOOST_TEST(text.find("第 1 页 / 共 1 页") != std::string::npos);
            BOOST_TEST(text.find("经办人：韦丽华（clerk）") != std::string::npos);  // the person, not only the login
            if (std::string(d.name) != "daily") check_masked(text, d.name == std::string("statement") ? kWife : kFather);
            auto fonts = command_output("pdffonts '" + pdf + "'");
            BOOST_TEST(fonts.find("NotoSerifCJKsc-Regular") != std::string::npos, fonts);
            BOOST_TEST(fonts.find("yes yes yes") != std::string::npos, fonts);  // embedded, subset, unicode
        }
    }
    // Every print is recorded: what, for which case, by whom, when, from where.
    auto show = as("clerk", {"case", "show", approved});
    BOOST_TEST(show.exit_code == 0);
    BOOST_TEST(run_gongji({"audit", "verify"}, env).exit_code == 0);
    auto db = gongji::storage::Database::open(fresh.url());
    long long prints = 0;
    db->sql() << "SELECT count(*) FROM prints WHERE subject = :s AND printed_by = 'clerk' AND workstation = 'window-3'",
        soci::use(approved), soci::into(prints);
    BOOST_TEST(prints == 3);
}

// The service-state notices (domain.md §9): one 补正告知书 naming every paper asked for and the
// day, then the 送达回执 for the decision, each a PDF with its Chinese text and masked numbers.
BOOST_FIXTURE_TEST_CASE(the_correction_notice_and_the_delivery_receipt_render, Office) {
    auto number = submit_wife();
    BOOST_REQUIRE(as("super", {"case", "correct", number, "--missing", "hukou,marriage_certificate", "--note", "结婚证复印件模糊"})
                      .exit_code == 0);
    auto text = pdf_text(report({"correction", "--case", number}, "correction"));
    for (const char* t : {"家庭共济申请材料补正告知书", "需补正的全部材料", "户口簿", "结婚证", "结婚证复印件模糊", "补正期间不计入办理时限", "补正期限"})
        BOOST_TEST(text.find(t) != std::string::npos, "missing “" << t << "”");
    check_masked(text, kFather);
    // Waiting for papers it cannot be decided; the refusal says its state for scripts.
    auto early = as("super", {"case", "approve", number});
    BOOST_TEST(early.exit_code == 1);
    BOOST_TEST(early.object()->getValue<std::string>("refused") == "case_state");
    BOOST_TEST(early.object()->getObject("details")->getValue<std::string>("status") == "correction");
    // A case not accepted has the other notice; this one has none yet, nor a delivery.
    BOOST_TEST(as("clerk", {"report", "not-accepted", "--case", number, "--pdf", files.file("n.pdf")}).exit_code == 2);
    BOOST_TEST(as("clerk", {"report", "delivery", "--case", number, "--pdf", files.file("d.pdf")}).exit_code == 2);
    auto scan = files.write("hukou.png", tiny_png());
    BOOST_REQUIRE(as("clerk", {"document", "attach", "--case", number, "--doc", "hukou=" + scan, "--doc",
                               "marriage_certificate=" + scan}).exit_code == 0);
    BOOST_REQUIRE(as("clerk", {"case", "resume", number}).exit_code == 0);
    BOOST_REQUIRE(as("super", {"case", "approve", number}).exit_code == 0);
    BOOST_REQUIRE(as("clerk", {"case", "deliver", number}).exit_code == 0);
    text = pdf_text(report({"delivery", "--case", number}, "delivery"));
    for (const char* t : {"送达回执", "《审核结果通知书》", "审核通过", "窗口当面送达", "受送达人（签名）"})
        BOOST_TEST(text.find(t) != std::string::npos, "missing “" << t << "”");
    check_masked(text, kFather);
    BOOST_TEST(run_gongji({"audit", "verify"}, env).exit_code == 0);
}

unsigned mode_of(const std::string& path) {
    return static_cast<unsigned>(std::filesystem::status(path).permissions()) & 0777u;
}

// Papers, workbooks and scans got back carry personal data: this account's alone (0600), a file
// written over included.
BOOST_FIXTURE_TEST_CASE(papers_exports_and_scans_got_back_are_written_for_this_account_alone, Office) {
    auto number = submit_wife();
    auto old = files.write("receipt.pdf", "an older file, open to all");
    std::filesystem::permissions(old, std::filesystem::perms(0644));
    BOOST_REQUIRE(as("clerk", {"report", "receipt", "--case", number, "--pdf", old}).exit_code == 0);
    BOOST_TEST(mode_of(old) == 0600u);
    auto xlsx = files.file("stats.xlsx");
    BOOST_REQUIRE(as("admin", {"stats", "--month", "2026-11", "--xlsx", xlsx}).exit_code == 0);
    BOOST_TEST(mode_of(xlsx) == 0600u);
    auto listed = as("clerk", {"document", "list", "--case", number});
    auto id = std::to_string(listed.json().extract<Poco::JSON::Array::Ptr>()->getObject(0)->getValue<long long>("id"));
    auto scan = files.file("scan-back.png");
    BOOST_REQUIRE(as("clerk", {"document", "get", id, "--out", scan}).exit_code == 0);
    BOOST_TEST(mode_of(scan) == 0600u);
    auto nowhere = as("clerk", {"document", "get", id, "--out", files.file("no/such/folder/x.png")});
    BOOST_TEST(nowhere.exit_code == 2);
    BOOST_TEST(nowhere.err.find("--out: cannot write") != std::string::npos, nowhere.err);
}

BOOST_FIXTURE_TEST_CASE(a_commitment_letter_prints_before_any_case_exists, Office) {
    // interfaces.md, second set: a citizen without proof of relation signs the letter first.
    auto pdf = report({"commitment", "--policy", "guangxi", "--authorizer", kFather, "--user", " " + kWife + "\n",
                       "--relation", "12"},
                      "before");
    auto text = pdf_text(pdf);
    for (const char* t : {"职工医保个人账户家庭共济承诺书", "张伟", "李秀英", "使用人是授权人的妻", "广西", "授权人签字"})
        BOOST_TEST(text.find(t) != std::string::npos, "missing “" << t << "”");
    BOOST_TEST(text.find("办件编号") == std::string::npos);  // no case yet, so no number
    BOOST_TEST(text.find("GJ") == std::string::npos);
    check_masked(text, kFather);
    // Nothing was submitted: the letter is paper, not a case.
    auto cases = as("clerk", {"case", "list", "--person", kFather});
    BOOST_TEST(cases.out.find("\"bind\"") == std::string::npos);
    // Each missing or wrong field is named.
    auto no_relation = as("clerk", {"report", "commitment", "--policy", "guangxi", "--authorizer", kFather, "--user", kWife,
                                    "--pdf", files.file("x.pdf")});
    BOOST_TEST(no_relation.exit_code == 2);
    BOOST_TEST(no_relation.err.find("--relation") != std::string::npos, no_relation.err);
    auto bad_relation = as("clerk", {"report", "commitment", "--policy", "guangxi", "--authorizer", kFather, "--user", kWife,
                                     "--relation", "1x", "--pdf", files.file("y.pdf")});
    BOOST_TEST(bad_relation.exit_code == 2);
    BOOST_TEST(bad_relation.err.find("--relation") != std::string::npos, bad_relation.err);
}

BOOST_FIXTURE_TEST_CASE(a_thousand_row_statement_paginates_with_repeated_headers, Office) {
    std::string csv = "setl_id,user_id_number,time,institution_code,institution_name,use,amount\n";
    for (int i = 0; i < 1000; ++i)
        csv += "M" + std::to_string(1000 + i) + "," + kSon + ",2026-11-" + (i % 28 < 9 ? "0" : "") +
               std::to_string(i % 28 + 1) + "T10:00:00+08:00,H45080200001,贵港市人民医院,clinic,1.00\n";
    BOOST_REQUIRE(as("admin", {"settle", files.write("m.csv", csv)}).exit_code == 0);
    auto pdf = files.file("long.pdf");
    auto r = as("clerk", {"statement", "--user", kSon, "--from", "2026-11-01", "--to", "2026-11-30", "--pdf", pdf});
    BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    int pages = r.object()->getValue<int>("pages");
    BOOST_TEST(pages > 10);
    auto info = command_output("pdfinfo '" + pdf + "'");
    BOOST_TEST(info.find("Pages:") != std::string::npos);
    BOOST_TEST(info.find(std::to_string(pages)) != std::string::npos);
    for (int p = 1; p <= pages; ++p) {
        auto text = command_output("pdftotext -raw -f " + std::to_string(p) + " -l " + std::to_string(p) + " '" + pdf + "' -");
        BOOST_TEST_CONTEXT("page " << p) {
            BOOST_TEST(text.find("结算时间 / 编号") != std::string::npos);  // the header, again
            BOOST_TEST(text.find("第 " + std::to_string(p) + " 页 / 共 " + std::to_string(pages) + " 页") != std::string::npos);
        }
    }
    auto all = pdf_text(pdf);
    BOOST_TEST(all.find("合计金额 1000.00 元") != std::string::npos);
    BOOST_TEST(all.find("共 1000 笔") != std::string::npos);
}

// An agency's own wording lives in /etc/gongji/reports, which no upgrade touches: a template
// there stands in for the shipped one of its name, and the others are still the shipped ones.
BOOST_FIXTURE_TEST_CASE(an_agencys_own_template_stands_in_for_the_shipped_one, Office) {
    TempDir agency;
    std::ofstream(agency.file("receipt.tpl")) << "title 受理凭证（本中心格式）\nfield 办件编号 | {case}\n"
                                                 "text 请于工作日到三号窗口领取结果。\n";
    env["GONGJI_AGENCY_REPORTS_DIR"] = agency.path();
    auto number = submit_wife();
    auto receipt = pdf_text(report({"receipt", "--case", number}, "own"));
    BOOST_TEST(receipt.find("受理凭证（本中心格式）") != std::string::npos, receipt);
    BOOST_TEST(receipt.find("请于工作日到三号窗口领取结果。") != std::string::npos);
    BOOST_TEST(receipt.find("家庭共济业务受理回执") == std::string::npos);
    auto commitment = pdf_text(report({"commitment", "--case", number}, "shipped"));
    BOOST_TEST(commitment.find("职工医保个人账户家庭共济承诺书") != std::string::npos);
}

BOOST_FIXTURE_TEST_CASE(a_broken_template_is_reported_with_its_line, Office) {
    TempDir templates;
    for (const auto& entry : std::filesystem::directory_iterator(GONGJI_REPORTS_SOURCE))
        std::filesystem::copy_file(entry.path(), templates.file(entry.path().filename().string()));
    std::ofstream(templates.file("receipt.tpl")) << "title 回执\nfield 办件编号 | {case}\ntable x\n  column 甲 | {a}\nend\n";
    auto number = submit_wife();
    env["GONGJI_REPORTS_DIR"] = templates.path();
    auto r = as("clerk", {"report", "receipt", "--case", number, "--pdf", files.file("x.pdf")});
    BOOST_TEST(r.exit_code == 2);
    BOOST_TEST(r.err.find("receipt.tpl:4:") != std::string::npos, r.err);
    BOOST_TEST(!std::filesystem::exists(files.file("x.pdf")));
}
