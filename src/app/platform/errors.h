#pragma once
// How the application layer says no: a code and the values it concerns, never a finished
// sentence. The words are chosen at the edges: the CLI writes interfaces.md's Chinese messages
// and maps the kinds to exit codes (BadInput → 2, Refused → 1, anything else → 3); the
// desktop app writes its catalogue's text in the user's language, or offers an action.
#include <map>
#include <stdexcept>
#include <string>

#include "core/civil_date.h"
#include "core/text_limits.h"

namespace gongji::app {

struct Problem {
    std::string code;
    std::map<std::string, std::string> params;

    // The value of `key`, empty when not given.
    std::string param(const std::string& key) const {
        auto it = params.find(key);
        return it == params.end() ? std::string() : it->second;
    }
};

// "already_decided case=GJ20261122-000001 status=approved": for logs and test messages.
std::string describe(const Problem& p);

// Input that cannot be used. The message names the field or line as the CLI says it on stderr;
// the problem's code lets the desktop app say it in its own words (every code has them there:
// tests/ui/problem_codes_test.cpp walks them).
class BadInput : public std::runtime_error {
public:
    BadInput(const std::string& message, Problem problem)
        : std::runtime_error(message), problem_(std::move(problem)) {}
    const Problem& problem() const { return problem_; }

private:
    Problem problem_;
};

// BadInput naming the field when `text` breaks its limit (core/text_limits.h): code
// "text_too_long", "text_control_character", "text_bidi_control", "text_invisible_character" or "text_not_utf8", with
// {"field", "max"}.
// BadInput("period_reversed", {"from", "to"}) for a period whose end comes before its start.
void require_period(const core::CivilDate& from, const core::CivilDate& to);

void require_within(const std::string& text, const core::TextLimit& limit);

// An action the rules refuse: the code is one of interfaces.md's refusal codes.
class Refused : public std::runtime_error {
public:
    explicit Refused(std::string code, std::map<std::string, std::string> params = {})
        : Refused(Problem{std::move(code), std::move(params)}) {}
    explicit Refused(Problem problem) : std::runtime_error(describe(problem)), problem_(std::move(problem)) {}
    const std::string& code() const { return problem_.code; }
    const Problem& problem() const { return problem_; }

private:
    Problem problem_;
};

// The connection to the database broke during the use case (and the next one connects again):
// whether a change was saved before the answer was lost cannot be known from here.
class ConnectionLost : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// The database's schema is not this program's: "schema_missing" (`gongji init` first),
// "schema_behind" (its owner's `gongji init` upgrades it), "schema_newer" (a newer program made
// it). Params "version" (the database's) and "needs" (this program's).
class SchemaMismatch : public std::runtime_error {
public:
    SchemaMismatch(const std::string& message, Problem problem)
        : std::runtime_error(message), problem_(std::move(problem)) {}
    const Problem& problem() const { return problem_; }

private:
    Problem problem_;
};

}  // namespace gongji::app
