// settings: the agency's and this machine's.
#include <iostream>

#include "app/setup/device_settings.h"
#include "app/cases/captured_papers.h"
#include "app/trust/duties.h"
#include "app/platform/errors.h"
#include "app/setup/machine_settings.h"
#include "app/trust/passwords.h"
#include "app/setup/policy_service.h"
#include "app/printing/printed_papers.h"
#include "app/setup/settings.h"
#include "cli/args.h"
#include "cli/commands.h"
#include "cli/json_output.h"
#include "cli/usage_error.h"

namespace gongji::cli {

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

}  // namespace gongji::cli
