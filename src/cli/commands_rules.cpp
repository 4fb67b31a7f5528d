// id check and check: the questions a clerk asks of the rules.
#include <sstream>

#include "app/cases/eligibility_service.h"
#include "app/platform/errors.h"
#include "cli/args.h"
#include "cli/commands.h"
#include "cli/json_output.h"
#include "core/documents.h"
#include "core/id_number.h"
#include "cli/usage_error.h"

namespace gongji::cli {
namespace {

// Region look-ups come from the shipped table, so `id check` needs no database.
const core::RegionTable& shipped_regions() {
    static const core::RegionTable table = app::load_shipped_regions();
    return table;
}

std::set<core::DocumentType> parse_documents(const std::string& list) {
    std::set<core::DocumentType> out;
    std::stringstream in(list);
    std::string item;
    while (std::getline(in, item, ',')) {
        if (item.empty()) continue;
        auto t = core::parse_document_type(item);
        if (!t)
            throw usage_error("--docs: unknown document type \"" + item +
                                "\" (id_card, hukou, birth_certificate, marriage_certificate, "
                                "commitment_letter, other)");
        out.insert(*t);
    }
    return out;
}

}  // namespace

int run_id(Session&, const Words& words) {
    Args args(words, {});
    args.allow_only({});
    if (args.positional().empty() || args.positional()[0] != "check")
        throw usage_error("usage: gongji id check NUMBER");
    args.expect_positional(2, "NUMBER");
    auto check = core::check_id_number(args.positional()[1], app::china_today(), &shipped_regions());
    print_json(id_check_json(check));
    return check.valid ? 0 : 1;
}

int run_check(Session& s, const Words& words) {
    Args args(words, {});
    args.allow_only({"policy", "authorizer", "user", "relation", "date", "docs"});
    args.expect_positional(0, "");
    app::EligibilityQuery q;
    q.policy = args.required("policy");
    q.authorizer_id = args.required("authorizer");
    q.user_id = args.required("user");
    q.relation = args.required("relation");
    q.date = args.date("date");
    if (auto docs = args.option("docs")) q.documents = parse_documents(*docs);
    auto result = app::check_eligibility(s.workspace(), q);
    print_json(eligibility_json(result));
    return result.eligible ? 0 : 1;
}

}  // namespace gongji::cli
