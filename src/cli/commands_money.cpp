// settle, statement, quota: money moving between accounts.
#include "app/platform/errors.h"
#include "app/printing/printed_papers.h"
#include "app/money/settlement_service.h"
#include "cli/args.h"
#include "cli/commands.h"
#include "cli/json_output.h"
#include "core/instant.h"
#include "core/money.h"
#include "cli/usage_error.h"

namespace gongji::cli {
namespace {

core::CivilDate date_option(const Args& args, const std::string& name) {
    args.required(name);  // BadInput when absent
    return *args.date(name);
}

}  // namespace

int run_settle(Session& s, const Words& words) {
    Args args(words, {});
    args.allow_only({"encoding"});
    args.expect_positional(1, "FILE");
    auto encoding = app::parse_encoding(args.option("encoding").value_or("auto"));
    auto actor = s.actor();
    auto report = app::settle_file(s.workspace(), actor, args.positional()[0], encoding);
    core::JsonWriter w(true);
    w.begin_object();
    app::write_counts(w, report);
    w.key("rejected");
    write_rejected(w, report.rejected);
    w.end_object();
    print_json(w.str());
    return 0;
}

int run_statement(Session& s, const Words& words) {
    Args args(words, {});
    args.allow_only({"user", "authorizer", "from", "to", "pdf"});
    args.expect_positional(0, "");
    auto user = args.option("user"), authorizer = args.option("authorizer");
    if (!user == !authorizer)
        throw usage_error("usage: gongji statement (--user ID | --authorizer ID) --from DATE --to DATE");
    auto from = date_option(args, "from"), to = date_option(args, "to");
    args.require_writable("pdf");
    auto actor = s.actor();
    if (auto pdf = args.option("pdf")) {
        app::DocumentRequest r;
        r.kind = app::Paper::statement;
        r.user = user;
        r.authorizer = authorizer;
        r.from = from;
        r.to = to;
        int pages = app::print_document(s.workspace(), actor, r, *pdf);
        core::JsonWriter w(true);
        w.begin_object().key("pdf").value(*pdf).key("pages").value(pages).end_object();
        print_json(w.str());
        return 0;
    }
    auto st = app::statement(s.workspace(), actor, user.has_value(), user ? *user : *authorizer, from, to);
    core::JsonWriter w(true);
    w.begin_object().key("rows").begin_array();
    for (const auto& row : st.rows) {
        const auto& x = row.settlement;
        w.begin_object()
            .key("setl_id").value(x.setl_id)
            .key("kind").value(x.recorded ? "recorded" : "split")
            .key("late").value(x.late)
            .key("time").value(core::china_text(x.settled_at, core::ChinaFormat::iso))
            .key("user").value(x.user_id)
            .key("institution").value(x.institution_name)
            .key("institution_code").value(x.institution_code)
            .key("use").value(x.use)
            .key("amount_fen").value(x.amount_fen)
            .key("own_fen").value(x.own_fen);
        w.key("own_balance_after_fen");
        bool own = false;
        for (const auto& e : row.entries)
            if (e.kind == core::LedgerKind::own) {
                w.value(e.balance_after_fen);
                own = true;
            }
        if (!own) w.null();
        w.key("mutual_aid").begin_array();
        for (const auto& e : row.entries)
            if (core::is_mutual_aid(e.kind))
                w.begin_object()
                    .key("authorizer").value(e.account)
                    .key("amount_fen").value(-e.amount_fen)
                    .key("balance_after_fen").value(e.balance_after_fen)
                    .key("from_quota").value(e.kind == core::LedgerKind::quota_draw)
                    .end_object();
        w.end_array();
        w.key("cash_fen").value(x.cash_fen).end_object();
    }
    w.end_array();
    w.key("totals").begin_object()
        .key("amount_fen").value(st.amount_fen)
        .key("own_fen").value(st.own_fen)
        .key("mutual_aid_fen").value(st.mutual_aid_fen)
        .key("cash_fen").value(st.cash_fen)
        .end_object();
    w.end_object();
    print_json(w.str());
    return 0;
}

int run_quota(Session& s, const Words& words) {
    Args args(words, {});
    args.allow_only({"authorizer", "user", "amount"});
    if (args.positional().size() != 1 || args.positional()[0] != "reserve")
        throw usage_error("usage: gongji quota reserve --authorizer ID --user ID --amount 元");
    auto amount_text = args.required("amount");
    auto amount = core::parse_yuan(amount_text);
    if (!amount) throw usage_error("--amount: \"" + amount_text + "\" is not an amount in 元");
    auto a = args.required("authorizer"), u = args.required("user");
    auto actor = s.actor();
    auto quota = app::reserve_quota(s.workspace(), actor, a, u, *amount);
    core::JsonWriter w(true);
    w.begin_object().key("quota_fen").value(quota).end_object();
    print_json(w.str());
    return 0;
}

}  // namespace gongji::cli
