#pragma once
// A finding about some input: a stable code for programs, a Chinese message for people.
#include <string>

namespace gongji::core {

struct Issue {
    std::string code;
    std::string message;
};

}  // namespace gongji::core
