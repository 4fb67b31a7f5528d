#include "app/platform/errors.h"

namespace gongji::app {

std::string describe(const Problem& p) {
    std::string out = p.code;
    for (const auto& [key, value] : p.params) out += " " + key + "=" + value;
    return out;
}

void require_period(const core::CivilDate& from, const core::CivilDate& to) {
    if (!(to < from)) return;
    throw BadInput("--to: " + to.to_string() + " is before --from " + from.to_string(),
                   {"period_reversed", {{"from", from.to_string()}, {"to", to.to_string()}}});
}

void require_within(const std::string& text, const core::TextLimit& limit) {
    auto problem = core::text_problem(text, limit);
    if (problem.empty()) return;
    throw BadInput(core::text_problem_message(problem, limit),
                   {"text_" + problem, {{"field", limit.field}, {"max", std::to_string(limit.max_chars)}}});
}

}  // namespace gongji::app
