#define BOOST_TEST_MODULE gongji_reports
#include <boost/test/unit_test.hpp>

#include "reports/renderer.h"
#include "reports/template.h"

// Pins the template language: what it accepts, the line every error names, and filling fields.

using namespace gongji::reports;

BOOST_AUTO_TEST_CASE(a_template_with_every_directive_parses) {
    auto t = parse_template("# comment\ntitle 标题\nheading 小标题\ntext 正文 {a}\nfield 标签 | {b}\nlist docs\n  item {document}\nend\n"
                            "table rows\n  column 甲 | {x} | 30\n  column 乙 | {y} | 20 | right\nend\nif a\nsignature 签字\nendif\n"
                            "qrcode {a}\nspace 5\n",
                            "t.tpl");
    BOOST_REQUIRE(t.directives.size() == 9u);
    BOOST_TEST(t.directives[5].columns.size() == 2u);
    BOOST_TEST(t.directives[5].columns[1].right);
    BOOST_TEST(t.directives[6].body.size() == 1u);
}

BOOST_AUTO_TEST_CASE(every_error_names_its_line) {
    struct Case { const char* text; int line; const char* says; };
    const Case cases[] = {
        {"title 好\nbanner 坏\n", 2, "unknown directive"},
        {"text\n", 1, "needs a text"},
        {"title 好\n\ntext {unclosed\n", 3, "without"},
        {"text }\n", 1, "without"},
        {"text {two words}\n", 1, "not a field name"},
        {"field 只有标签\n", 1, "field LABEL | VALUE"},
        {"space lots\n", 1, "millimetres"},
        {"table rows\n  column 甲 | {x}\nend\n", 2, "column HEADER"},
        {"table rows\n  column 甲 | {x} | wide\nend\n", 2, "millimetres"},
        {"table rows\n  column 甲 | {x} | 30 | middle\nend\n", 2, "alignment"},
        {"table rows\n  column 甲 | {x} | 30\n", 1, "no closing"},
        {"table rows\nend\n", 1, "needs columns"},
        {"list docs\n  text x\nend\n", 2, "only “item”"},
        {"if a\ntext x\n", 1, "no closing “endif”"},
        {"text x\nend\n", 2, "without a block"},
        {"column 甲 | {x} | 30\n", 1, "belongs inside a table"},
    };
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.text) {
            try {
                parse_template(c.text, "bad.tpl");
                BOOST_ERROR("accepted");
            } catch (const TemplateError& e) {
                BOOST_TEST(e.line() == c.line);
                std::string what = e.what();
                BOOST_TEST(what.find("bad.tpl:" + std::to_string(c.line) + ":") == 0u, what);
                BOOST_TEST(what.find(c.says) != std::string::npos, what);
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(fields_are_filled_from_the_row_then_the_document) {
    ReportData d;
    d.fields = {{"name", "张伟"}, {"x", "doc"}};
    std::map<std::string, std::string> row = {{"x", "row"}};
    BOOST_TEST(fill("{name}:{x}", d, &row, "t", 1) == "张伟:row");
    BOOST_TEST(fill("{x}", d, nullptr, "t", 1) == "doc");
    BOOST_CHECK_EXCEPTION(fill("{missing}", d, nullptr, "t.tpl", 7), TemplateError,
                          [](const TemplateError& e) { return e.line() == 7; });
}

BOOST_AUTO_TEST_CASE(an_unknown_field_fails_the_layout_naming_the_line) {
    auto t = parse_template("title 好\ntext {nobody}\n", "t.tpl");
    BOOST_CHECK_EXCEPTION(LaidOutDocument(t, ReportData{}, PageFrame{}), TemplateError,
                          [](const TemplateError& e) { return e.line() == 2; });
}

BOOST_AUTO_TEST_CASE(long_tables_repeat_their_header_and_count_their_pages) {
    auto t = parse_template("title 明细\ntable rows\n  column 序号 | {n} | 30\n  column 内容 | {text} | 100\nend\n", "t.tpl");
    ReportData d;
    for (int i = 0; i < 300; ++i) d.tables["rows"].push_back({{"n", std::to_string(i)}, {"text", "共济使用记录"}});
    LaidOutDocument doc(t, d, PageFrame{"机构", "明细", "2026-11-22 10:00:00", "clerk"});
    BOOST_TEST(doc.pages() > 5);
    BOOST_TEST(checked_font_family() == "Noto Serif CJK SC");
}
