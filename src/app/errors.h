#pragma once
// How the application layer says no. The CLI maps these to exit codes (interfaces.md):
// BadInput → 2, Refused → 1, anything else → 3.
#include <stdexcept>
#include <string>

namespace gongji::app {

// Input that cannot be used: names the field or line.
class BadInput : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// An action the rules refuse: `code` is one of interfaces.md's refusal codes.
class Refused : public std::runtime_error {
public:
    Refused(std::string code, const std::string& message)
        : std::runtime_error(message), code_(std::move(code)) {}
    const std::string& code() const { return code_; }

private:
    std::string code_;
};

// The database has no schema yet, or an older one: `gongji init` is needed.
class NotInitialized : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

}  // namespace gongji::app
