#include "run_gongji.h"

#include <Poco/JSON/Parser.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "support/test_database.h"

namespace gongji::test {
namespace {

std::string quote(const std::string& s) {
    std::string out = "'";
    for (char c : s) {
        if (c == '\'') out += "'\\''";
        else out += c;
    }
    return out + "'";
}

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace

Poco::Dynamic::Var CliResult::json() const {
    Poco::JSON::Parser parser;
    return parser.parse(out);
}

Poco::JSON::Object::Ptr CliResult::object() const { return json().extract<Poco::JSON::Object::Ptr>(); }

CliResult run_gongji(const std::vector<std::string>& args, const std::map<std::string, std::string>& env) {
    TempDir tmp;
    std::string command = "env -u GONGJI_PASSWORD -u GONGJI_NEW_PASSWORD";
    for (const auto& [k, v] : env) command += " " + quote(k + "=" + v);
    command += " " + quote(GONGJI_EXECUTABLE);
    for (const auto& a : args) command += " " + quote(a);
    command += " </dev/null >" + quote(tmp.file("out")) + " 2>" + quote(tmp.file("err"));
    int status = std::system(command.c_str());
    CliResult r;
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = slurp(tmp.file("out"));
    r.err = slurp(tmp.file("err"));
    return r;
}

void gongji_init_demo(const std::string& url) {
    auto r = run_gongji({"init", "--demo"}, {{"GONGJI_DB", url}});
    if (r.exit_code != 0) throw std::runtime_error("gongji init --demo failed: " + r.err);
}

std::string command_output(const std::string& command) {
    std::string out;
    FILE* pipe = popen(command.c_str(), "r");
    char buf[4096];
    size_t n;
    while (pipe && (n = fread(buf, 1, sizeof buf, pipe)) > 0) out.append(buf, n);
    if (pipe) pclose(pipe);
    return out;
}

std::string pdf_text(const std::string& pdf) { return command_output("pdftotext -raw '" + pdf + "' - 2>&1"); }

}  // namespace gongji::test
