// settle, statement, quota: money moving between accounts.
#include <iostream>

#include "app/audit.h"
#include "app/device_settings.h"
#include "app/document_service.h"
#include "app/duties.h"
#include "app/errors.h"
#include "app/machine_settings.h"
#include "app/passwords.h"
#include "app/policy_service.h"
#include "app/report_service.h"
#include "app/settings.h"
#include "app/settlement_service.h"
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
    w.begin_object()
        .key("read").value(static_cast<long long>(report.read))
        .key("applied").value(static_cast<long long>(report.applied))
        .key("duplicates").value(static_cast<long long>(report.duplicates))
        .key("late").value(static_cast<long long>(report.late))
        .key("findings").value(static_cast<long long>(report.findings));
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

int run_report(Session& s, const Words& words) {
    Args args(words, {});
    args.allow_only({"case", "user", "authorizer", "from", "to", "clerk", "date", "pdf", "policy", "relation", "month"});
    args.expect_positional(1, "DOCUMENT");
    app::DocumentRequest r;
    auto paper = app::parse_paper(args.positional()[0]);
    if (!paper)
        throw usage_error("document: must be commitment, receipt, decision, unbind, statement, daily, supervision or stats, not \"" +
                            args.positional()[0] + "\"");
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

int run_settings(Session& s, const Words& words) {
    Args args(words, {});
    args.allow_only({});
    const auto& pos = args.positional();
    if (pos.size() == 1 && pos[0] == "show") {  // the agency's, read by anyone, with the rules in force
        auto& ws = s.workspace();
        auto rules = app::password_rules(ws);
        auto limits = app::document_limits(ws);
        core::JsonWriter w(true);
        w.begin_object().key("stored").begin_object();
        for (const auto& [key, value] : app::stored_settings(ws)) w.key(key).value(value);
        w.end_object().key("in_force").begin_object();
        w.key("password_min_length").value(rules.min_length).key("password_min_classes").value(rules.min_classes);
        w.key("password_max_age_days").value(rules.max_age_days).key("password_history").value(rules.history);
        w.key("cli_password_change").value(app::cli_requires_password_change(ws) ? "require" : "warn");
        const auto lock = app::account_lock_rule(ws);
        w.key("login_account_limit").value(lock.failures).key("login_account_period_minutes").value(lock.minutes);
        w.key("separate_duties").value(app::duties_separated(ws));
        w.key("document_max_mb").value(static_cast<long long>(limits.max_bytes >> 20));
        w.key("document_max_megapixels").value(limits.max_page_pixels / 1'000'000);
        w.key("document_max_pages").value(limits.max_pages);
        w.end_object().end_object();
        print_json(w.str());
        return 0;
    }
    if (pos.size() != 3 || pos[0] != "set" ||
        (pos[1] != "agency_name" && pos[1] != "workstation" && pos[1] != "default_policy" &&
         pos[1] != "agency_phone" && pos[1] != "processing_days" && !app::is_device_setting(pos[1]) &&
         !app::is_document_limit(pos[1]) && !app::is_password_setting(pos[1]) && pos[1] != "separate_duties"))
        throw usage_error(
            "usage: gongji settings show | settings set "
            "agency_name|agency_phone|processing_days|default_policy|document_max_mb|document_max_megapixels|"
            "document_max_pages|password_min_length|password_min_classes|password_max_age_days|password_history|"
            "login_account_limit|login_account_period_minutes|cli_password_change|separate_duties|workstation|card_reader|camera|scanner|scanner_dpi VALUE");
    if (app::is_device_setting(pos[1])) {  // this machine's, like its name
        app::set_device_setting(pos[1], pos[2]);
        core::JsonWriter w(true);
        w.begin_object().key(pos[1]).value(pos[2]).key("file").value(app::devices_file()).end_object();
        print_json(w.str());
        return 0;
    }
    if (pos[1] == "workstation") {  // this machine's, not the database's: no login, the file's permissions
        app::set_workstation_name(pos[2]);
        core::JsonWriter w(true);
        w.begin_object().key("workstation").value(pos[2]).key("file").value(app::workstation_file()).end_object();
        print_json(w.str());
        return 0;
    }
    auto actor = s.actor();
    if (pos[1] == "default_policy")
        app::set_default_policy(s.workspace(), actor, pos[2]);
    else if (app::is_document_limit(pos[1]))
        app::set_document_limit(s.workspace(), actor, pos[1], pos[2]);
    else if (app::is_password_setting(pos[1])) {
        app::set_password_setting(s.workspace(), actor, pos[1], pos[2]);
        if (pos[1] == "cli_password_change" && pos[2] == "require" && actor.password_change != app::PasswordChange::none)
            std::cerr << "gongji: your own password must be changed before your next command: gongji --as "
                      << actor.username << " user passwd\n";
    }
    else if (pos[1] == "separate_duties") {
        if (pos[2] != "on" && pos[2] != "off") throw usage_error("separate_duties: on or off, not \"" + pos[2] + "\"");
        app::set_duties_separated(s.workspace(), actor, pos[2] == "on");
    }
    else if (pos[1] == "agency_phone")
        app::set_agency_phone(s.workspace(), actor, pos[2]);
    else if (pos[1] == "processing_days")
        app::set_processing_days(s.workspace(), actor, pos[2]);
    else
        app::set_agency_name(s.workspace(), actor, pos[2]);
    core::JsonWriter w(true);
    w.begin_object().key(pos[1]).value(pos[2]).end_object();
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
