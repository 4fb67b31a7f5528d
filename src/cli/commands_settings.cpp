// settings: the agency's and this machine's.
#include <iostream>

#include "app/citizen/rating_link.h"
#include "app/cases/captured_papers.h"
#include "app/platform/errors.h"
#include "app/printing/printed_papers.h"
#include "app/setup/device_settings.h"
#include "app/setup/machine_settings.h"
#include "app/setup/policy_service.h"
#include "app/setup/settings.h"
#include "app/trust/duties.h"
#include "app/trust/passwords.h"
#include "cli/commands.h"
#include "cli/json_output.h"
#include "app/cases/service_states.h"
#include "cli/sub_commands.h"

namespace gongji::cli {
namespace {

const char* const kUsage =
    "usage: gongji settings show | settings set "
    "agency_name|agency_phone|processing_days|correction_days|default_policy|document_max_mb|document_max_megapixels|"
    "document_max_pages|password_min_length|password_min_classes|password_max_age_days|password_history|"
    "login_account_limit|login_account_period_minutes|cli_password_change|separate_duties|workstation|card_reader|camera|"
    "scanner|scanner_dpi|customer_display|rating_url_template|item_code_bind|item_code_unbind|item_code_reorder|item_code_rebind VALUE";

bool is(const std::string& key, const char* name) { return key == name; }

// The keys `settings set` takes, a family a line: which keys it holds and how one is set. This
// machine's (its devices, its name) need no login and say the file they went to; the agency's
// are set by an administrator, in the database.
struct SettingFamily {
    bool (*holds)(const std::string& key);
    std::string (*set)(Session& s, const std::string& key, const std::string& value);  // the file, for this machine's
};

const SettingFamily kFamilies[] = {
    {app::is_device_setting,
     [](Session&, const std::string& key, const std::string& value) {
         app::set_device_setting(key, value);
         return app::devices_file();
     }},
    {[](const std::string& key) { return is(key, "workstation"); },
     [](Session&, const std::string&, const std::string& value) {
         app::set_workstation_name(value);
         return app::workstation_file();
     }},
    {[](const std::string& key) { return is(key, "default_policy"); },
     [](Session& s, const std::string&, const std::string& value) {
         app::set_default_policy(s.workspace(), s.actor(), value);
         return std::string();
     }},
    {app::is_document_limit,
     [](Session& s, const std::string& key, const std::string& value) {
         app::set_document_limit(s.workspace(), s.actor(), key, value);
         return std::string();
     }},
    {app::is_password_setting,
     [](Session& s, const std::string& key, const std::string& value) {
         auto actor = s.actor();
         app::set_password_setting(s.workspace(), actor, key, value);
         if (key == "cli_password_change" && value == "require" && actor.password_change != app::PasswordChange::none)
             std::cerr << "gongji: your own password must be changed before your next command: gongji --as "
                       << actor.username << " user passwd\n";
         return std::string();
     }},
    {[](const std::string& key) { return is(key, "separate_duties"); },
     [](Session& s, const std::string&, const std::string& value) {
         if (value != "on" && value != "off") throw usage_error("separate_duties: on or off, not \"" + value + "\"");
         app::set_duties_separated(s.workspace(), s.actor(), value == "on");
         return std::string();
     }},
    {[](const std::string& key) { return is(key, "agency_phone"); },
     [](Session& s, const std::string&, const std::string& value) {
         app::set_agency_phone(s.workspace(), s.actor(), value);
         return std::string();
     }},
    {[](const std::string& key) { return is(key, "processing_days"); },
     [](Session& s, const std::string&, const std::string& value) {
         app::set_processing_days(s.workspace(), s.actor(), value);
         return std::string();
     }},
    {[](const std::string& key) { return is(key, "correction_days"); },
     [](Session& s, const std::string&, const std::string& value) {
         app::set_correction_days(s.workspace(), s.actor(), value);
         return std::string();
     }},
    {app::is_service_setting,
     [](Session& s, const std::string& key, const std::string& value) {
         app::set_service_setting(s.workspace(), s.actor(), key, value);
         return std::string();
     }},
    {[](const std::string& key) { return is(key, "agency_name"); },
     [](Session& s, const std::string&, const std::string& value) {
         app::set_agency_name(s.workspace(), s.actor(), value);
         return std::string();
     }},
};

// The agency's, read by anyone, with the rules in force.
int show(Session& s, const Args& args) {
    args.allow_only({});
    if (args.positional().size() != 1) throw usage_error(kUsage);
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
    w.key("correction_days").value(app::correction_days(ws));
    w.end_object().end_object();
    print_json(w.str());
    return 0;
}

int set(Session& s, const Args& args) {
    args.allow_only({});
    const auto& pos = args.positional();
    if (pos.size() == 2) throw usage_error("settings set " + pos[1] + ": the value is missing");
    if (pos.size() > 3) throw usage_error("settings set " + pos[1] + ": one value, not \"" + pos[3] + "\" besides (quote a value with spaces)");
    if (pos.size() != 3) throw usage_error(kUsage);
    const auto &key = pos[1], &value = pos[2];
    for (const auto& family : kFamilies) {
        if (!family.holds(key)) continue;
        auto file = family.set(s, key, value);
        core::JsonWriter w(true);
        w.begin_object().key(key).value(value);
        if (!file.empty()) w.key("file").value(file);
        w.end_object();
        print_json(w.str());
        return 0;
    }
    throw usage_error("settings set: there is no setting \"" + key + "\"\n" + kUsage);
}

const SubCommand kSettings[] = {{"show", show}, {"set", set}};

}  // namespace

int run_settings(Session& s, const Words& words) { return run_sub_command(s, words, {}, kSettings, kUsage); }

}  // namespace gongji::cli
