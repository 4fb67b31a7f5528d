// Pins that every refusal the application layer can give has words in the desktop app, in both
// of its languages, rather than the code and values the catalogue falls back to. The codes are
// read from the application layer's source, so a new one without words fails here.
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include "app/platform/errors.h"
#include "ui/problem_text.h"
#include "ui/resources.h"

using namespace gongji;

namespace {

std::set<std::string> problem_codes_in(const std::filesystem::path& folder) {
    // BadInput(message, {"code", …}), Refused("code", …), Problem name{"code", …}, and a function
    // returning a Problem.
    static const std::regex patterns[] = {
        // A message's own ';' (in its quotes) does not end the statement.
        std::regex(R"re(BadInput\((?:[^;"]|"(?:[^"\\]|\\.)*")*?\{"([a-z0-9_]+)", \{)re"),
        std::regex(R"re(Refused\("([a-z0-9_]+)")re"),
        std::regex(R"re(Problem \w+\{"([a-z0-9_]+)")re"),
        std::regex(R"re(\nProblem \w+\([^)]*\) \{\s*return \{"([a-z0-9_]+)")re"),
    };
    std::set<std::string> codes;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(folder)) {
        if (entry.path().extension() != ".cpp" && entry.path().extension() != ".h") continue;
        std::ifstream in(entry.path());
        std::stringstream text;
        text << in.rdbuf();
        const std::string source = text.str();
        for (const auto& pattern : patterns)
            for (std::sregex_iterator it(source.begin(), source.end(), pattern), end; it != end; ++it)
                codes.insert((*it)[1]);
    }
    return codes;
}

bool has_chinese(const std::string& utf8) {
    for (unsigned char c : utf8)
        if (c >= 0xE4 && c <= 0xE9) return true;  // the lead byte of U+4E00–U+9FFF
    return false;
}

}  // namespace

BOOST_AUTO_TEST_CASE(every_problem_code_of_the_application_has_words_in_both_languages) {
    const auto codes = problem_codes_in(std::filesystem::path(GONGJI_SOURCE_DIR) / "src" / "app");
    BOOST_TEST_MESSAGE(codes.size() << " codes");
    BOOST_REQUIRE(codes.size() > 60u);  // the reading found them
    for (const auto& code : codes) {
        BOOST_TEST_CONTEXT(code) {
            const app::Problem problem{code, {}};
            const auto fallback = app::describe(problem);
            ui::set_language("en");
            const auto english = ui::problem_text(problem).ToStdString(wxConvUTF8);
            ui::set_language("zh_CN");
            const auto chinese = ui::problem_text(problem).ToStdString(wxConvUTF8);
            BOOST_TEST(english != fallback);
            BOOST_TEST(chinese != fallback);
            BOOST_TEST(has_chinese(chinese), chinese);
        }
    }
}
