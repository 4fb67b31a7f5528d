#pragma once
// A finding about some input: a stable code for programs, a Chinese message for people, and
// the values it is about for anyone who says it in another language.
#include <map>
#include <string>

namespace gongji::core {

struct Issue {
    std::string code;
    std::string message;
    std::map<std::string, std::string> params = {};
};

}  // namespace gongji::core
