// report: a printed paper to a PDF file.
#include "app/printing/printed_papers.h"
#include "cli/args.h"
#include "cli/commands.h"
#include "cli/json_output.h"
#include "cli/usage_error.h"

namespace gongji::cli {

int run_report(Session& s, const Words& words) {
    Args args(words, {});
    args.allow_only({"case", "user", "authorizer", "from", "to", "clerk", "date", "pdf", "policy", "relation", "month"});
    args.expect_positional(1, "DOCUMENT");
    app::DocumentRequest r;
    auto paper = app::parse_paper(args.positional()[0]);
    if (!paper)
        throw usage_error("document: must be commitment, receipt, decision, unbind, correction, not-accepted, delivery, "
                          "statement, daily, supervision or stats, not \"" + args.positional()[0] + "\"");
    r.kind = *paper;
    r.case_number = args.option("case");
    r.user = args.option("user");
    r.authorizer = args.option("authorizer");
    r.from = args.date("from");
    r.to = args.date("to");
    r.clerk = args.option("clerk");
    r.policy = args.option("policy");
    r.relation = args.option("relation");
    r.date = args.date("date");
    r.month = args.option("month");
    auto pdf = args.required("pdf");
    args.require_writable("pdf");
    auto actor = s.actor();
    int pages = app::print_document(s.workspace(), actor, r, pdf);
    core::JsonWriter w(true);
    w.begin_object().key("pdf").value(pdf).key("pages").value(pages).end_object();
    print_json(w.str());
    return 0;
}

}  // namespace gongji::cli
