// The service states of a case from the command line (interfaces.md, third set).
#include <sstream>

#include "app/cases/service_states.h"
#include "cli/json_output.h"
#include "cli/service_commands.h"
#include "cli/usage_error.h"
#include "core/case_rules.h"
#include "core/json_writer.h"

namespace gongji::cli {
namespace {

const std::string& case_named(const Args& args, std::initializer_list<std::string> options) {
    args.allow_only(options);
    args.expect_positional(2, "CASE");
    return args.positional()[1];
}

std::set<core::DocumentType> papers_listed(const std::string& list) {
    std::set<core::DocumentType> out;
    std::stringstream in(list);
    for (std::string name; std::getline(in, name, ',');) {
        if (name.empty()) continue;
        auto type = core::parse_document_type(name);
        if (!type) throw usage_error("--missing: unknown document type \"" + name + "\"");
        out.insert(*type);
    }
    return out;
}

}  // namespace

int case_accept(Session& s, const Args& args) {
    const auto& number = case_named(args, {});
    auto actor = s.actor();
    print_json(case_json(app::accept_case(s.workspace(), actor, number)));
    return 0;
}

int case_refuse(Session& s, const Args& args) {
    const auto& number = case_named(args, {"reason", "note"});
    auto reason = args.coded("reason", core::kNotAcceptedReasons);
    auto note = args.option("note");
    auto actor = s.actor();
    print_json(case_json(app::refuse_case(s.workspace(), actor, number, reason, note)));
    return 0;
}

int case_correct(Session& s, const Args& args) {
    const auto& number = case_named(args, {"missing", "note"});
    auto missing = papers_listed(args.required("missing"));
    auto note = args.option("note").value_or("");
    auto actor = s.actor();
    print_json(case_json(app::ask_correction(s.workspace(), actor, number, missing, note)));
    return 0;
}

int case_resume(Session& s, const Args& args) {
    const auto& number = case_named(args, {});
    auto actor = s.actor();
    print_json(case_json(app::answer_correction(s.workspace(), actor, number)));
    return 0;
}

int case_expire(Session& s, const Args& args) {
    args.allow_only({});
    args.expect_positional(1, "");
    auto actor = s.actor();
    core::JsonWriter w(true);
    w.begin_array();
    for (const auto& c : app::expire_corrections(s.workspace(), actor)) w.value(c.number);
    w.end_array();
    print_json(w.str());
    return 0;
}

int case_deliver(Session& s, const Args& args) {
    const auto& number = case_named(args, {});
    auto actor = s.actor();  // at the window: the citizen signed the 送达回执
    print_json(case_json(app::deliver_case(s.workspace(), actor, number, "window")));
    return 0;
}

}  // namespace gongji::cli
