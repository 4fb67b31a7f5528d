// init, user, policy, roster: the administrator's commands.
#include <iostream>

#include "app/trust/backup_service.h"
#include "app/trust/duties.h"
#include "app/platform/errors.h"
#include "app/platform/clock.h"
#include "app/setup/init_service.h"
#include "app/trust/passwords.h"
#include "app/setup/policy_service.h"
#include "app/imports/roster_import.h"
#include "cli/args.h"
#include "cli/commands.h"
#include "cli/json_output.h"
#include "cli/sub_commands.h"
#include "cli/usage_error.h"

namespace gongji::cli {

int run_init(Session& s, const Words& words) {
    Args args(words, {"demo"});
    args.allow_only({"demo"});
    args.expect_positional(0, "");
    auto& ws = s.workspace(/*require_schema=*/false);
    app::InitOptions options;
    options.demo = args.flag("demo");
    if (!options.demo && app::needs_first_admin(ws))
        options.admin_password = read_secret(app::Env::new_password, "Password for the administrator \"admin\": ");
    auto report = app::initialize(ws, options);
    print_json(init_report_json(report));
    std::cerr << "schema at version " << report.to_version << "; " << report.policies_loaded.size()
              << " policy profiles loaded\n";
    return 0;
}

namespace {

// The account a sub-command names, with no option.
const std::string& named_user(const Args& args, std::size_t words = 2, const char* what = "NAME") {
    args.allow_only({});
    args.expect_positional(words, what);
    return args.positional()[1];
}

void print_user(const std::string& name, const char* key, bool value) {
    core::JsonWriter w(true);
    w.begin_object().key("user").value(name).key(key).value(value).end_object();
    print_json(w.str());
}

// The holder's own: the current one from --as, the new one chosen here.
int user_passwd(Session& s, const Args& args) {
    args.allow_only({});
    args.expect_positional(1, "");
    auto actor = s.actor(/*changing_password=*/true);
    auto chosen = read_secret(app::Env::new_password, "New password for " + actor.username + ": ");
    app::change_own_password(s.workspace(), actor, s.password(), chosen);
    print_user(actor.username, "password_changed", true);
    return 0;
}

// Every account, as an administrator of any duty sees them.
int user_list(Session& s, const Args& args) {
    args.allow_only({});
    args.expect_positional(1, "");
    auto actor = s.actor();
    core::JsonWriter w(true);
    w.begin_array();
    for (const auto& u : app::list_users(s.workspace(), actor)) {
        w.begin_object().key("user").value(u.username).key("full_name").value(u.full_name);
        w.key("role").value(core::role_name(u.role));
        if (u.role == core::Role::admin) w.key("duty").value(core::duty_name(app::account_duty(u)));
        w.key("disabled").value(u.disabled).key("must_change_password").value(u.must_change_password);
        if (u.locked_until && *u.locked_until > app::now())
            w.key("locked_until").value(u.locked_until->china()).key("locked_at").value(u.locked_at);
        w.end_object();
    }
    w.end_array();
    print_json(w.str());
    return 0;
}

// 三权分立: which administrator does what.
int user_duty(Session& s, const Args& args) {
    const auto& name = named_user(args, 3, "NAME DUTY");
    auto actor = s.actor();
    auto duty = core::parse_duty(args.positional()[2]);
    if (!duty || *duty == core::Duty::none)
        throw usage_error("duty: system, security or audit, not \"" + args.positional()[2] + "\"");
    app::set_user_duty(s.workspace(), actor, name, *duty);
    core::JsonWriter w(true);
    w.begin_object().key("user").value(name).key("duty").value(core::duty_name(*duty)).end_object();
    print_json(w.str());
    return 0;
}

// An administrator's, for one login.
int user_reset(Session& s, const Args& args) {
    const auto& name = named_user(args);
    auto actor = s.actor();
    app::require_role(actor, {core::Role::admin});  // before asking for a password it may not set
    auto password = read_secret(app::Env::new_password, "One-time password for " + name + ": ");
    app::reset_password(s.workspace(), actor, name, password);
    print_user(name, "must_change_password", true);
    return 0;
}

int set_disabled(Session& s, const Args& args, bool disabled) {
    const auto& name = named_user(args);
    auto actor = s.actor();
    app::set_user_disabled(s.workspace(), actor, name, disabled);
    print_user(name, "disabled", disabled);
    return 0;
}
int user_disable(Session& s, const Args& args) { return set_disabled(s, args, true); }
int user_enable(Session& s, const Args& args) { return set_disabled(s, args, false); }

int user_add(Session& s, const Args& args) {
    args.allow_only({"role", "full-name"});
    args.expect_positional(2, "NAME");
    const auto& name = args.positional()[1];
    auto role = args.coded("role", core::kRoles);
    auto actor = s.actor();
    app::require_role(actor, {core::Role::admin});
    auto password = read_secret(app::Env::new_password, "Password for " + name + ": ");
    app::add_user(s.workspace(), actor.username, name, role, password, args.option("full-name").value_or(""));
    core::JsonWriter w(true);
    w.begin_object().key("user").value(name).key("role").value(core::role_name(role)).end_object();
    print_json(w.str());
    return 0;
}

const SubCommand kUserCommands[] = {
    {"add", user_add},         {"disable", user_disable}, {"enable", user_enable}, {"reset", user_reset},
    {"passwd", user_passwd},   {"duty", user_duty},       {"list", user_list},
};

}  // namespace

int run_user(Session& s, const Words& words) {
    return run_sub_command(s, words, {}, kUserCommands,
                           "usage: gongji user add NAME --role clerk|supervisor|admin [--full-name 姓名] | user disable|enable NAME | "
                           "user reset NAME | user passwd | user duty NAME system|security|audit | user list");
}

namespace {

int policy_import(Session& s, const Args& args) {
    args.allow_only({});
    args.expect_positional(2, "FILE.json");
    auto actor = s.actor();
    auto result = app::import_policy_file(s.workspace(), actor, args.positional()[1]);
    core::JsonWriter w(true);
    w.begin_object()
        .key("name").value(result.name)
        .key("created").value(result.created)
        .key("versions").value(static_cast<long long>(result.versions));
    // What a replacement changed: versions added, and those not yet in force changed or dropped.
    for (const auto& [key, dates] : {std::pair{"added", &result.revision.added}, {"changed", &result.revision.changed},
                                      {"dropped", &result.revision.dropped}}) {
        w.key(key).begin_array();
        for (const auto& d : *dates) w.value(d.to_string());
        w.end_array();
    }
    w.end_object();
    print_json(w.str());
    return 0;
}

int policy_list(Session& s, const Args& args) {
    args.allow_only({});
    args.expect_positional(1, "");
    core::JsonWriter w(true);
    w.begin_array();
    for (const auto& p : app::list_policies(s.workspace())) {
        w.begin_object().key("name").value(p.name).key("title").value(p.title);
        w.key("versions").begin_array();
        for (const auto& v : p.versions) w.value(v.effective_from.to_string());
        w.end_array().end_object();
    }
    w.end_array();
    print_json(w.str());
    return 0;
}

int policy_show(Session& s, const Args& args) {
    args.allow_only({});
    args.expect_positional(2, "NAME");
    print_json(core::policy_profile_to_json(app::load_policy(s.workspace(), args.positional()[1])));
    return 0;
}

const SubCommand kPolicyCommands[] = {{"import", policy_import}, {"list", policy_list}, {"show", policy_show}};

}  // namespace

int run_policy(Session& s, const Words& words) {
    return run_sub_command(s, words, {}, kPolicyCommands, "usage: gongji policy import FILE.json | policy list | policy show NAME");
}

int run_roster(Session& s, const Words& words) {
    Args args(words, {});
    args.allow_only({"encoding"});
    const auto& pos = args.positional();
    if (pos.empty() || pos[0] != "import")
        throw usage_error("usage: gongji roster import FILE [--encoding auto|utf-8|gb18030]");
    args.expect_positional(2, "FILE");
    auto encoding = app::parse_encoding(args.option("encoding").value_or("auto"));
    auto actor = s.actor();
    auto report = app::import_roster(s.workspace(), actor, pos[1], encoding);
    print_json(roster_report_json(report));
    std::cerr << report.inserted << " inserted, " << report.updated << " updated, " << report.unchanged << " unchanged, "
              << report.rejected.size() << " rejected";
    if (!report.rejected.empty())
        std::cerr << " (first: line " << report.rejected.front().line << ", " << report.rejected.front().code << ")";
    std::cerr << "\n";
    return 0;
}

int run_backup_or_restore(Session& s, const Words& words, bool backup) {
    Args args(words, {});
    args.allow_only(backup ? std::set<std::string>{} : std::set<std::string>{"anchor"});
    args.expect_positional(1, "FILE");
    if (!backup) s.keep_schema_as_it_is();
    // A restore is an administrator's, who must log in to a database that has them.
    if (!backup && app::needs_first_admin(s.workspace(false)))
        throw app::BadInput("restore: the database has no schema or no users yet: run `gongji init` on it first (the "
                            "administrator it makes restores), then restore into it",
                            {"schema_missing", {}});
    std::vector<app::AuditAnchor> anchors;  // heads printed when the backup was taken: it must hold them
    for (const auto& text : args.options("anchor")) anchors.push_back(app::parse_audit_anchor(text));
    auto actor = s.actor();
    const auto& file = args.positional()[0];
    auto report = backup ? app::back_up(s.workspace(), actor, file) : app::restore(s.workspace(), actor, file, anchors);
    if (!backup && report.older_schema)
        std::cerr << "gongji restore: the database is now as an older version left it: install that version now. "
                     "Any start of this version, by the desktop app or a gongji command, upgrades it again.\n";
    for (const auto& m : report.not_in_backup)
        std::cerr << "gongji restore: entries " << m.from << " to " << m.to << " of workstation " << m.chain
                  << ", which this machine saw saved, are not in the backup: that work is not brought back\n";
    core::JsonWriter w(true);
    w.begin_object().key(backup ? "backup" : "restored").value(report.file).key("taken_at").value(report.taken_at);
    w.key("audit_entries").value(report.audit_entries).key("chains").value(report.chains).key("verified").value(true);
    if (!backup) {
        w.key("not_in_backup").begin_array();
        for (const auto& m : report.not_in_backup)
            w.begin_object().key("chain").value(m.chain).key("from").value(m.from).key("to").value(m.to).end_object();
        w.end_array();
    }
    if (backup) w.key("tables_match_log").value(report.differs_from_log.empty());
    w.end_object();
    print_json(w.str());
    if (!report.differs_from_log.empty()) {  // exit 1: a nightly script must not take it for a good backup
        std::cerr << "gongji backup: " << report.differs_from_log
                  << ": the copy is kept, but `gongji restore` refuses it; `gongji audit verify` names the rows\n";
        return 1;
    }
    return 0;
}

int run_backup(Session& s, const Words& words) { return run_backup_or_restore(s, words, true); }
int run_restore(Session& s, const Words& words) { return run_backup_or_restore(s, words, false); }

}  // namespace gongji::cli
