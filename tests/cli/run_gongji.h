#pragma once
// Runs the real `gongji` executable as a script would, capturing exit code, stdout and stderr.
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <map>
#include <string>
#include <vector>

namespace gongji::test {

struct CliResult {
    int exit_code = -1;
    std::string out;
    std::string err;
    Poco::Dynamic::Var json() const;  // stdout parsed as JSON
    Poco::JSON::Object::Ptr object() const;
};

// `env` entries are added to the environment of the child (GONGJI_DB, GONGJI_PASSWORD, …).
CliResult run_gongji(const std::vector<std::string>& args, const std::map<std::string, std::string>& env = {});

// Runs `gongji init --demo` on `url`: what FreshDatabase copies for the tests that start from the
// demo (FreshDatabase fresh{"demo", gongji_init_demo}).
void gongji_init_demo(const std::string& url);

// What a shell command prints (stdout), for the tools that read what gongji wrote: pdftotext, unzip.
std::string command_output(const std::string& command);
// The text of a PDF as pdftotext reads it.
std::string pdf_text(const std::string& pdf);

}  // namespace gongji::test
