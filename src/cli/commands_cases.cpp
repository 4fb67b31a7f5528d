// case, bindings, person, audit: the window's and the supervisor's commands.
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

#include "app/trust/audit.h"
#include "app/trust/audit_keys.h"
#include "app/cases/case_service.h"
#include "app/cases/time_limits.h"
#include "app/cases/captured_papers.h"
#include "devices/scanner.h"
#include "app/platform/errors.h"
#include "app/trust/kept_anchors.h"
#include "app/platform/paths.h"
#include "app/trust/state_check.h"
#include "cli/args.h"
#include "core/instant.h"
#include "cli/commands.h"
#include "cli/json_output.h"
#include "core/documents.h"
#include "cli/service_commands.h"
#include "cli/sub_commands.h"
#include "cli/usage_error.h"

namespace gongji::cli {
namespace {

std::vector<std::string> split_commas(const std::string& list) {
    std::vector<std::string> out;
    std::stringstream in(list);
    std::string item;
    while (std::getline(in, item, ','))
        if (!item.empty()) out.push_back(item);
    return out;
}

// --doc TYPE=FILE: each file is checked whole and stored with the case.
std::vector<app::Upload> uploads(app::Workspace& ws, const Args& args) {
    std::vector<app::Upload> out;
    for (const auto& spec : args.options("doc")) {
        auto eq = spec.find('=');
        auto type_name = spec.substr(0, eq);
        auto type = core::parse_document_type(type_name);
        if (!type) throw usage_error("--doc: unknown document type \"" + type_name + "\"");
        if (eq == std::string::npos || eq + 1 == spec.size())
            throw usage_error("--doc: expected TYPE=FILE, got \"" + spec + "\"");
        out.push_back(app::read_upload(ws, *type, spec.substr(eq + 1)));
    }
    return out;
}

int case_bind(Session& s, const Args& args) {
    args.allow_only({"policy", "authorizer", "user", "relation", "doc", "date", "cites", "ack-ocr"});
    args.expect_positional(1, "");
    app::BindApplication a;
    a.policy = args.required("policy");
    a.authorizer_id = args.required("authorizer");
    a.user_id = args.required("user");
    a.relation = args.required("relation");
    a.date = args.date("date");
    a.uploads = uploads(s.workspace(), args);
    a.cites_case = args.option("cites");
    a.ocr_acknowledged = args.flag("ack-ocr");
    auto actor = s.actor();
    print_json(case_json(app::submit_bind(s.workspace(), actor, a)));
    return 0;
}

// The case a sub-command names, with no option.
const std::string& named_case(const Args& args) {
    args.allow_only({});
    args.expect_positional(2, "CASE");
    return args.positional()[1];
}

int case_show(Session& s, const Args& args) {
    const auto& number = named_case(args);
    s.actor();
    auto c = app::find_case(s.workspace(), number);
    auto reads = app::card_reads_of(s.workspace(), c.id);
    print_json(case_json(c, &reads));
    return 0;
}

int case_approve(Session& s, const Args& args) {
    const auto& number = named_case(args);
    auto actor = s.actor();
    print_json(case_json(app::approve_case(s.workspace(), actor, number)));
    return 0;
}

int case_withdraw(Session& s, const Args& args) {
    const auto& number = named_case(args);
    auto actor = s.actor();
    print_json(case_json(app::withdraw_case(s.workspace(), actor, number)));
    return 0;
}

int case_reject(Session& s, const Args& args) {
    args.allow_only({"reason", "note"});
    args.expect_positional(2, "CASE");
    auto reason = args.coded("reason", core::kRejectionReasons);
    auto actor = s.actor();
    print_json(case_json(app::reject_case(s.workspace(), actor, args.positional()[1], reason, args.option("note"))));
    return 0;
}

int case_unbind(Session& s, const Args& args) {
    args.allow_only({"authorizer", "user", "reason"});
    args.expect_positional(1, "");
    auto a = args.required("authorizer"), u = args.required("user");
    auto reason = args.coded("reason", core::kUnbindReasons);
    auto actor = s.actor();
    print_json(case_json(app::unbind(s.workspace(), actor, a, u, reason)));
    return 0;
}

int case_reorder(Session& s, const Args& args) {
    args.allow_only({"user", "order"});
    args.expect_positional(1, "");
    auto u = args.required("user");
    auto order = split_commas(args.required("order"));
    auto actor = s.actor();
    print_json(case_json(app::reorder(s.workspace(), actor, u, order)));
    return 0;
}

int case_rebind(Session& s, const Args& args) {
    args.allow_only({"authorizer", "user", "doc"});
    args.expect_positional(1, "");
    auto a = args.required("authorizer"), u = args.required("user");
    std::vector<core::DocumentType> docs;
    for (const auto& upload : uploads(s.workspace(), args)) docs.push_back(upload.type);
    auto actor = s.actor();
    print_json(case_json(app::submit_rebind(s.workspace(), actor, a, u, docs)));
    return 0;
}

int case_list(Session& s, const Args& args) {
    args.allow_only({"status", "person", "case", "date", "limit", "due", "channel"});
    const auto due = args.option("due");  // today | overdue: the queue's 超期预警
    if (due && *due != "today" && *due != "overdue") throw usage_error("--due: today or overdue, not \"" + *due + "\"");
    args.expect_positional(1, "");
    app::CaseSearch f;
    if (args.option("status")) f.status = args.coded("status", core::kCaseStatuses);
    if (args.option("channel")) f.channel = args.coded("channel", core::kChannels);
    f.person = args.option("person");
    f.number = args.option("case");
    f.date = args.date("date");
    if (auto limit = args.option("limit")) {
        const bool digits = !limit->empty() && limit->size() <= 6 && limit->find_first_not_of("0123456789") == std::string::npos;
        if (!digits || std::stoi(*limit) < 1) throw usage_error("--limit: a whole number of cases, 1–999999, not \"" + *limit + "\"");
        f.limit = std::stoi(*limit);
    }
    s.actor();
    const app::TimeLimits limits(s.workspace());
    core::JsonWriter w(true);
    w.begin_array();
    for (const auto& c : app::list_cases(s.workspace(), f)) {
        const auto limit = limits.of(c);
        if (due && (!limit || (*due == "today" ? !limit->due_today : !limit->overdue))) continue;
        w.begin_object()
            .key("case").value(c.number)
            .key("kind").value(core::case_kind_name(c.kind))
            .key("status").value(core::case_status_name(c.status))
            .key("channel").value(core::kChannels.code(c.channel))
            .key("apply_no").value(c.service_number())
            .key("user").value(c.user_id);
        w.key("authorizer");
        if (c.authorizer_id) w.value(*c.authorizer_id); else w.null();
        w.key("created_by").value(c.created_by).key("created_at").value(c.created_at.utc());
        // Waiting for papers, the day is the applicant's; the decision's clock is paused.
        const char* day = c.status == core::CaseStatus::correction ? "correction_due" : "due";
        if (limit) w.key(day).value(limit->due.to_string()).key("working_days_left").value(limit->working_days_left);
        w.end_object();
    }
    w.end_array();
    print_json(w.str());
    return 0;
}

const SubCommand kCaseCommands[] = {
    {"bind", case_bind},     {"approve", case_approve}, {"reject", case_reject},   {"withdraw", case_withdraw},
    {"unbind", case_unbind}, {"reorder", case_reorder}, {"rebind", case_rebind},   {"show", case_show},
    {"list", case_list},     {"accept", case_accept},   {"refuse", case_refuse},   {"correct", case_correct},
    {"resume", case_resume}, {"expire", case_expire},   {"deliver", case_deliver},
};

int document_scanners(Session&, const Args&) {
    core::JsonWriter w(true);
    w.begin_array();
    for (const auto& d : devices::list_scanners())
        w.begin_object().key("name").value(d.name).key("vendor").value(d.vendor).key("model").value(d.model)
            .key("type").value(d.type).end_object();
    w.end_array();
    print_json(w.str());
    return 0;
}

int document_scan(Session& s, const Args& args) {
    args.expect_positional(1, "");
    auto number = args.required("case");
    auto type_name = args.required("type");
    auto type = core::parse_document_type(type_name);
    if (!type) throw usage_error("--type: unknown document type \"" + type_name + "\"");
    devices::ScanRequest r;
    r.device = args.required("device");
    r.dpi = std::atoi(args.option("dpi").value_or("200").c_str());
    r.color = args.flag("color");
    r.preview = args.flag("preview");
    auto actor = s.actor();
    auto id = app::scan_into_case(s.workspace(), actor, number, *type, r);
    print_json("{\"document\": " + std::to_string(id) + "}");
    return 0;
}

int document_list(Session& s, const Args& args) {
    args.expect_positional(1, "");
    auto number = args.required("case");
    s.actor();
    core::JsonWriter w(true);
    w.begin_array();
    for (const auto& d : app::list_documents(s.workspace(), number)) {
        w.begin_object().key("id").value(d.id).key("type").value(core::document_type_name(d.type)).key("file").value(d.file_name)
            .key("mime").value(d.mime).key("pages").value(d.pages).key("size").value(d.size_bytes)
            .key("sha256").value(d.sha256).key("captured_by").value(d.captured_by)
            .key("captured_at").value(d.captured_at.utc()).key("removed").value(d.removed_at.has_value()).end_object();
    }
    w.end_array();
    print_json(w.str());
    return 0;
}

int document_attach(Session& s, const Args& args) {
    args.expect_positional(1, "");
    auto number = args.required("case");
    auto files = uploads(s.workspace(), args);
    if (files.empty()) throw usage_error("--doc: TYPE=FILE required");
    auto actor = s.actor();
    core::JsonWriter w(true);
    w.begin_array();
    for (const auto& f : files) w.value(app::attach_document(s.workspace(), actor, number, f));
    w.end_array();
    print_json(w.str());
    return 0;
}

// The paper a sub-command names by its ID.
long long named_document(const Args& args) {
    args.expect_positional(2, "ID");
    const auto& text = args.positional()[1];
    const bool digits = !text.empty() && text.size() <= 18 && text.find_first_not_of("0123456789") == std::string::npos;
    if (!digits) throw usage_error("document: an ID as `document list` shows it, not \"" + text + "\"");
    return std::atoll(text.c_str());
}

int document_remove(Session& s, const Args& args) {
    auto id = named_document(args);
    auto actor = s.actor();
    app::remove_document(s.workspace(), actor, id);
    print_json("{\"removed\": " + std::to_string(id) + "}");
    return 0;
}

int document_get(Session& s, const Args& args) {
    auto id = named_document(args);
    auto actor = s.actor();
    auto bytes = app::read_document(s.workspace(), actor, id);
    auto out = args.required("out");
    app::write_private_file(out, bytes, "--out");  // an ID card's scan: this account's alone
    core::JsonWriter w(true);
    w.begin_object().key("id").value(id).key("out").value(out).key("size").value(static_cast<long long>(bytes.size()))
        .key("intact").value(true).end_object();
    print_json(w.str());
    return 0;
}

const SubCommand kDocumentCommands[] = {
    {"scanners", document_scanners}, {"scan", document_scan}, {"list", document_list},
    {"attach", document_attach},     {"get", document_get},   {"remove", document_remove},
};

}  // namespace

int run_case(Session& s, const Words& words) {
    return run_sub_command(s, words, {"ack-ocr"}, kCaseCommands,
                           "usage: gongji case bind|approve|reject|withdraw|unbind|reorder|rebind|show|list|"
                           "accept|refuse|correct|resume|expire|deliver …");
}

int run_document(Session& s, const Words& words) {
    return run_sub_command(s, words, {"color", "preview"}, kDocumentCommands,
                           "usage: gongji document list --case CASE | attach --case CASE --doc TYPE=FILE | get ID --out FILE | "
                           "remove ID | scanners | scan --case CASE --type TYPE --device NAME [--dpi N] [--color]",
                           {"case", "doc", "out", "type", "device", "dpi", "color", "preview"});
}

int run_bindings(Session& s, const Words& words) {
    Args args(words, {});
    args.allow_only({"user", "authorizer"});
    args.expect_positional(0, "");
    auto user = args.option("user"), authorizer = args.option("authorizer");
    if (!user == !authorizer) throw usage_error("usage: gongji bindings --user ID | --authorizer ID");
    auto actor = s.actor();
    print_json(bindings_json(app::bindings_of(s.workspace(), actor, user ? *user : *authorizer, user.has_value())));
    return 0;
}

int run_person(Session& s, const Words& words) {
    Args args(words, {});
    args.allow_only({});
    if (args.positional().empty() || args.positional()[0] != "show") throw usage_error("usage: gongji person show ID");
    args.expect_positional(2, "ID");
    auto actor = s.actor();
    print_json(person_json(app::person_card(s.workspace(), actor, args.positional()[1])));
    return 0;
}

namespace {

// The machine's, like its name: no login.
int audit_key_new(Session&, const Args& args) {
    args.allow_only({"sm3"});
    args.expect_positional(2, "new");
    if (args.positional()[1] != "new") throw usage_error("usage: gongji audit key new [--sm3]");
    auto key = app::new_audit_key(args.flag("sm3") ? core::SealAlgorithm::hmac_sm3 : core::SealAlgorithm::hmac_sha256);
    core::JsonWriter w(true);
    w.begin_object().key("key_id").value(key.id).key("algorithm").value(core::seal_algorithm_name(key.algorithm));
    w.key("file").value(app::audit_key_file()).end_object();
    print_json(w.str());
    return 0;
}

int audit_anchor(Session& s, const Args& args) {
    args.allow_only({});
    args.expect_positional(1, "");
    core::JsonWriter w(true);
    w.begin_array();
    for (const auto& a : app::audit_anchors(s.workspace())) w.value(a.chain + ":" + std::to_string(a.seq) + ":" + a.hash);
    w.end_array();
    print_json(w.str());
    return 0;
}

// Who looked at whose personal data.
int audit_access(Session& s, const Args& args) {
    args.allow_only({"person", "by"});
    args.expect_positional(1, "");
    auto actor = s.actor();
    core::JsonWriter w(true);
    w.begin_array();
    for (const auto& e : app::personal_data_views(s.workspace(), actor, args.option("person").value_or(""),
                                                  args.option("by").value_or(""))) {
        auto at = core::parse_iso_instant(e.at);  // China time, as every time the agency reads
        w.begin_object().key("at").value(at ? core::format_china(*at) : e.at).key("by").value(e.actor);
        w.key("workstation").value(e.workstation);
        w.key(e.entity).value(e.entity_key).key("read").raw(e.after.empty() ? "{}" : e.after).end_object();
    }
    w.end_array();
    print_json(w.str());
    return 0;
}

void write_difference(core::JsonWriter& w, const app::StateDifference& d) {
    w.begin_object().key("state").value("differs").key("table").value(d.table).key("key").value(d.key);
    if (!d.fields.empty()) {
        w.key("fields").begin_object();
        for (const auto& [field, values] : d.fields)
            w.key(field).begin_object().key("log").raw(values.first).key("table").raw(values.second).end_object();
        w.end_object();
    }
    w.key("log");
    d.log.empty() ? w.null() : w.value(d.log);
    w.key("table_value");
    d.table_value.empty() ? w.null() : w.value(d.table_value);
    w.end_object();
}

int audit_verify(Session& s, const Args& args) {
    args.allow_only({"anchor"});
    args.expect_positional(1, "");
    std::vector<app::AuditAnchor> anchors;
    for (const auto& text : args.options("anchor")) anchors.push_back(app::parse_audit_anchor(text));
    // And the heads this account's programs kept as they committed: a lost tail shows without paper.
    long long kept = 0;
    auto v = app::verify_audit_with_kept(s.workspace(), anchors, &kept);
    // And the tables against what the log says they hold: a change made behind it is found.
    auto state = app::check_state(s.workspace());
    core::JsonWriter w(true);
    w.begin_object().key("entries").value(v.entries).key("chains").value(v.chains).key("unkeyed").value(v.unkeyed);
    w.key("kept_anchors").value(kept);
    w.key("intact").value(!v.broken && state.differences.empty());
    if (v.broken)
        w.key("chain").value(v.broken_chain).key("first_broken").value(v.broken->seq).key("reason").value(v.broken->reason);
    w.key("agency_key").value(app::agency_key_configured());
    w.key("rows_compared").value(state.rows);
    w.key("summary").value(app::state_summary(state));
    w.key("differences").begin_array();
    for (const auto& d : state.differences) write_difference(w, d);
    w.end_array();
    if (state.more_differences) w.key("more_differences").value(state.more_differences);
    w.end_object();
    print_json(w.str());
    if (!app::agency_key_configured())
        std::cerr << "gongji audit: no agency key seals this log (unkeyed entries): anyone who can write the database "
                     "could rewrite it unseen by its seals; `sudo gongji audit key new` makes one (docs/security.md)\n";
    return v.broken || !state.differences.empty() ? 1 : 0;
}

const SubCommand kAuditCommands[] = {
    {"verify", audit_verify}, {"anchor", audit_anchor}, {"access", audit_access}, {"key", audit_key_new},
};

}  // namespace

int run_audit(Session& s, const Words& words) {
    return run_sub_command(s, words, {"sm3"}, kAuditCommands,
                           "usage: gongji audit verify [--anchor CHAIN:SEQ:HASH …] | audit anchor | audit key new [--sm3] | "
                           "audit access [--person ID] [--by USER]");
}

}  // namespace gongji::cli
