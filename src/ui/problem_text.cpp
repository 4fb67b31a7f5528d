#include "ui/problem_text.h"

#include <wx/intl.h>

#include <cstdlib>

#include "app/platform/storage_trouble.h"
#include "core/case_rules.h"
#include "ui/labels.h"

namespace gongji::ui {
namespace {

wxString who(const std::string& subject) { return subject == "authorizer" ? _("The authorizer") : _("The user"); }

wxString implausible(const core::Reason& r) {
    auto check = r.params.count("check") ? r.params.at("check") : std::string();
    auto relation = u8(r.params.count("relation") ? r.params.at("relation") : std::string());
    if (check == "user_gender") return wxString::Format(_("Relation %s does not fit the user's sex"), relation);
    if (check == "authorizer_gender") return wxString::Format(_("Relation %s does not fit the authorizer's sex"), relation);
    if (check == "user_older") return wxString::Format(_("Relation %s needs the user to be older than the authorizer"), relation);
    if (check == "user_younger")
        return wxString::Format(_("Relation %s needs the user to be younger than the authorizer"), relation);
    if (check == "spouse_gender") return _("Spouses must be of different sexes");
    if (check == "marriage_age")
        return wxString::Format(_("%s is under the legal age of marriage (%s, needs %s)"), who(r.subject),
                                u8(r.params.at("age")), u8(r.params.at("needed")));
    return _("The relation does not fit these two people");
}

}  // namespace

wxString ecert_token_text() { return ecert_token_what() + _(": ") + ecert_token_advice(); }

wxString ecert_token_what() {
    return _("this is a medical insurance e-certificate QR code, which only the national platform can read online");
}

wxString ecert_token_advice() { return _("lay the ID card on the reader or type the number"); }

wxString id_error_text(const std::string& code, const std::map<std::string, std::string>& params) {
    if (code == "check_character" && params.count("expected") && params.count("actual"))
        return wxString::Format(_("its last character (the check character) should be %s, not %s"),
                                u8(params.at("expected")), u8(params.at("actual")));
    if (code == "empty") return _("it is empty");
    if (code == "birth_date") return _("its birth date is not a real date");
    if (code == "birth_date_future") return _("its birth date is in the future");
    if (code == "check_character") return _("its check character is wrong");
    if (code == "region") return _("its region code does not exist");
    return _("it has the wrong length or characters");
}

wxString reason_text(const core::Reason& r, const std::vector<core::DocumentNeed>& checklist) {
    auto p = [&](const char* key) { return u8(r.params.count(key) ? r.params.at(key) : std::string()); };
    const auto& c = r.code;
    if (c == "same_person") return _("The authorizer and the user are the same person");
    if (c == "duplicate") return _("These two people already have a binding pending or in force");
    if (c == "id_invalid") return wxString::Format(_("%s's ID number is not valid: %s"), who(r.subject), id_error_text(utf8(p("error"))));
    if (c == "authorizer_not_found") return _("The authorizer is not in the insurance roster");
    if (c == "authorizer_not_employee")
        return wxString::Format(_("The authorizer must have employee insurance (310), not %s"), p("insurance_type"));
    if (c == "authorizer_status" || c == "user_status")
        return wxString::Format(_("%s's insurance is not in force (status %s)"), who(r.subject), p("status"));
    if (c == "user_not_insured") return _("The user has no basic medical insurance");
    if (c == "relation_not_allowed")
        return wxString::Format(_("The local policy (%s) does not allow relation %s"), p("policy"), p("relation"));
    if (c == "relation_implausible") return implausible(r);
    if (c == "region_scope")
        return wxString::Format(_("The user's region %s is outside the authorizer's region %s allowed by the policy"),
                                p("user_region"), p("authorizer_region"));
    if (c == "authorizer_limit") {
        int open = std::atoi(utf8(p("open")).c_str());
        return wxString::Format(wxPLURAL("The authorizer already has %d binding, the most allowed is %s",
                                         "The authorizer already has %d bindings, the most allowed is %s", open),
                                open, p("max"));
    }
    if (c == "user_limit") {
        int open = std::atoi(utf8(p("open")).c_str());
        return wxString::Format(wxPLURAL("The user already has %d authorizer, the most allowed is %s",
                                         "The user already has %d authorizers, the most allowed is %s", open),
                                open, p("max"));
    }
    if (c == "documents_missing") {
        wxString missing;
        for (const auto& need : checklist)
            if (need.satisfied == false) missing += (missing.empty() ? wxString() : _("; ")) + need_text(need);
        if (!missing.empty()) return wxString::Format(_("Papers missing: %s"), missing);
        int n = std::atoi(utf8(p("missing")).c_str());
        return wxString::Format(wxPLURAL("%d paper is missing", "%d papers are missing", n), n);
    }
    return u8(r.message);
}

wxString line_issue_text(const std::string& code, const std::map<std::string, std::string>& params,
                         const std::string& fallback) {
    auto p = [&](const char* key) { return u8(params.count(key) ? params.at(key) : std::string()); };
    if (code == "columns") return wxString::Format(_("%s fields, but the header has %s"), p("found"), p("expected"));
    if (code == "id_invalid")
        return wxString::Format(_("ID number %s is not valid: %s"), p("value"), id_error_text(utf8(p("error"))));
    if (code == "name_missing") return _("the name is empty");
    if (code == "name_invalid") return _("the name holds a control character or a bidirectional control");
    if (code == "name_too_long") return wxString::Format(_("the name is longer than %s characters"), p("max"));
    if (code == "institution_invalid")
        return wxString::Format(_("the institution's name is longer than %s characters, its code longer than 32, or one holds a "
                                  "control character"),
                                p("max"));
    if (code == "gender_invalid") return wxString::Format(_("gender must be 1 (male) or 2 (female), not \"%s\""), p("value"));
    if (code == "gender_mismatch") return _("the gender does not match the ID number");
    if (code == "birth_date_invalid") return wxString::Format(_("birth date \"%s\" is not a date as YYYY-MM-DD"), p("value"));
    if (code == "birth_date_mismatch") return _("the birth date does not match the ID number");
    if (code == "insurance_type_invalid")
        return wxString::Format(_("the insurance type must be a three-digit code, not \"%s\""), p("value"));
    if (code == "status_invalid") return wxString::Format(_("the status must be 0, 1, 2 or 4, not \"%s\""), p("value"));
    if (code == "region_invalid")
        return wxString::Format(_("the pooling region must be a six-digit code, not \"%s\""), p("value"));
    if (code == "balance_invalid")
        return wxString::Format(_("the balance must be yuan, at least 0, with at most two decimals, not \"%s\""), p("value"));
    if (code == "quote") return _("a quotation mark is not closed");
    if (code == "id_repeated") return wxString::Format(_("the same person as on line %s"), p("line"));
    if (code == "setl_id_conflict") {
        wxString differs;
        for (const auto& part : wxSplit(p("differs"), ','))
            differs += (differs.empty() ? wxString() : wxString(", ")) +
                       (part == "person" ? _("person") : part == "time" ? _("time") : _("amount"));
        return p("line").empty()
                   ? wxString::Format(_("settlement ID %s was imported before with another %s"), p("setl_id"), differs)
                   : wxString::Format(_("settlement ID %s is on line %s with another %s"), p("setl_id"), p("line"), differs);
    }
    return u8(fallback);
}

namespace {

// A printed paper's name as the print log keeps it ("decision"), in the window's words.
wxString paper_text(const wxString& name) {
    if (name == "receipt") return _("receipt");
    if (name == "commitment") return _("commitment letter");
    if (name == "decision") return _("decision notice");
    if (name == "unbind") return _("unbinding notice");
    if (name == "correction") return _("correction notice");
    if (name == "not_accepted") return _("not-accepted notice");
    if (name == "delivery") return _("delivery receipt");
    return name;
}

// Why a file cannot be a case's paper, by the code the check gave (a device's own words otherwise).
wxString paper_problem_text(const app::Problem& problem) {
    auto p = [&](const char* key) { return u8(problem.param(key)); };
    const auto& why = problem.param("why_code");
    if (why == "truncated")
        return wxString::Format(_("%s is cut short, an incomplete %s file: copy or scan it again"), p("file"), p("format"));
    if (why == "damaged") return wxString::Format(_("%s is a damaged %s file: scan it again"), p("file"), p("format"));
    if (why == "not_a_paper") return wxString::Format(_("%s is not a PNG, JPEG, TIFF or PDF file"), p("file"));
    if (why == "active_content")
        return wxString::Format(_("%s is a PDF that would run a program (JavaScript or a launch action): a paper never does"),
                                p("file"));
    if (why == "locked") return wxString::Format(_("%s is a password-protected PDF: save it without the password"), p("file"));
    if (why == "no_pages") return wxString::Format(_("%s is a PDF without pages"), p("file"));
    if (why == "empty") return wxString::Format(_("%s is empty"), p("file"));
    if (why == "too_large") return wxString::Format(_("%s is %s, more than the %s a paper may be"), p("file"), p("size"), p("limit"));
    if (why == "too_many_pixels")
        return wxString::Format(_("%s has a page of %s million pixels, more than the %s million a paper may have"), p("file"),
                                p("size"), p("limit"));
    if (why == "too_many_pages")
        return wxString::Format(_("%s has %s pages, more than the %s a paper may have"), p("file"), p("size"), p("limit"));
    return wxString::Format(_("%s cannot be used: %s"), p("file"), p("why"));
}

}  // namespace

wxString problem_text(const app::Problem& problem) {
    const auto& c = problem.code;
    auto p = [&](const char* key) { return u8(problem.param(key)); };
    if (c == "not_eligible") return _("Not eligible");
    if (c == "audit_keys_unusable")
        return wxString::Format(_("This account cannot use the agency's audit key file %s: the administrator makes it "
                                  "readable by the accounts that run the windows (their group, mode 0640)."),
                                p("file"));
    if (c == "schema_missing") return _("This database has not been set up yet: the administrator runs \"gongji init\".");
    if (c == "schema_behind")
        return wxString::Format(_("The agency's database is at version %s and this version of Gongji Desk needs %s: "
                                  "the database's owner upgrades it with \"gongji init\"."),
                                p("version"), p("needs"));
    if (c == "schema_newer")
        return wxString::Format(_("This database was made by a newer version of Gongji Desk (version %s; this one knows "
                                  "%s): install the newer version."),
                                p("version"), p("needs"));
    if (c == "authentication_failed") return _("Wrong user name or password");
    if (c == "forbidden") {
        if (!problem.param("disabled_user").empty()) return wxString::Format(_("User %s is disabled"), p("disabled_user"));
        auto needs = problem.param("needs");
        if (needs.rfind("admin:", 0) == 0) {  // separate duties: say whose work it is
            auto duty = core::parse_duty(needs.substr(6));
            if (duty) return wxString::Format(_("This is the %s's work"), role_text(core::Role::admin, *duty));
        }
        return _("Your role may not do this");
    }
    if (c == "locked") {
        if (!problem.param("until").empty()) {
            auto until = core::Instant::parse(problem.param("until"));
            if (problem.param("where") == "everywhere")
                return wxString::Format(_("Too many wrong passwords at all windows together: the account is locked at every "
                                          "window until %s"),
                                        u8(china_minutes(until)));
            return wxString::Format(_("Too many wrong passwords: the account is locked until %s"),
                                    u8(china_minutes(until)));
        }
        return wxString::Format(_("%s wrong passwords in a row: the account is locked for %s minutes"), p("tries"),
                                p("minutes"));
    }
    if (c == "already_decided") {
        if (auto status = core::parse_case_status(problem.param("status")))
            return wxString::Format(_("Case %s is already %s"), p("case"), case_status_text(*status));
        if (problem.param("papers") == "closed")
            return wxString::Format(_("Case %s is decided: its papers can no longer change"), p("case"));
        return wxString::Format(_("Case %s was decided by someone else meanwhile"), p("case"));
    }
    if (c == "four_eyes") return wxString::Format(_("You took in case %s: another supervisor decides it"), p("case"));
    if (c == "case_state") {
        if (auto status = core::parse_case_status(problem.param("status")))
            return wxString::Format(_("Case %s is %s: that cannot be done to it now"), p("case"), case_status_text(*status));
        return wxString::Format(_("Case %s: that cannot be done to it now"), p("case"));
    }
    if (c == "password_not_changed")
        return wxString::Format(_("The password of %s was not changed: an administrator's is changed through the "
                                  "administrators' database connection"),
                                p("username"));
    if (c == "not_online")
        return wxString::Format(_("Case %s was taken in at a window and accepted then: reject or withdraw it instead"), p("case"));
    if (c == "apply_no_invalid")
        return wxString::Format(_("The online application number \"%s\" is not 1-64 letters, digits, '-' or '_'"), p("apply_no"));
    if (c == "apply_no_conflict")
        return wxString::Format(_("Online application %s was handed over before with other contents (case %s)"), p("apply_no"),
                                p("case"));
    if (c == "correction_once")
        return wxString::Format(_("Case %s was already asked for papers once: everything missing is asked for at once"), p("case"));
    if (c == "correction_nothing_missing") return _("Name every paper that is missing or unclear");
    if (c == "correction_papers_missing")
        return wxString::Format(_("Case %s: no new paper of the kind asked for (%s) has been added yet"), p("case"),
                                document_type_text(core::parse_document_type(problem.param("type")).value_or(core::DocumentType::other)));
    if (c == "already_delivered") return wxString::Format(_("The decision of case %s was already delivered"), p("case"));
    if (c == "delivery_how_invalid") return _("Delivery is at the window or through the online channel");
    // 好差评: ratings come from the rating system, follow-ups from supervisors.
    if (c == "already_rated") return wxString::Format(_("Service %s is rated already: only a poor rating may be followed by one more"), p("apply_no"));
    if (c == "follow_up_already_rated") return wxString::Format(_("Service %s was rated again after its follow-up already"), p("apply_no"));
    if (c == "follow_up_not_settled") return wxString::Format(_("The follow-up of %s is not settled yet: the citizen rates again once it is"), p("apply_no"));
    if (c == "rated_before_first") return wxString::Format(_("A second rating of %s is dated before the first"), p("apply_no"));
    if (c == "rated_at_invalid") return wxString::Format(_("The rating of %s is dated %s"), p("apply_no"), p("why"));
    if (c == "service_not_finished") return wxString::Format(_("Case %s has not been taken in yet: it cannot be rated"), p("case"));
    if (c == "rating_invalid") return wxString::Format(_("A rating of %s is a grade from 1 to 5: %s"), p("apply_no"), p("why"));
    if (c == "ratings_header_missing") return _("The first line must name the columns apply_no,grade,comment,rated_at");
    if (c == "apply_no_ambiguous") return wxString::Format(_("%s is the number of applications of two channels: the rating must come through its channel"), p("apply_no"));
    if (c == "no_follow_up") return wxString::Format(_("Service %s has no follow-up open"), p("apply_no"));
    if (c == "already_contacted") return wxString::Format(_("The citizen of %s was contacted already; record the follow-up settled"), p("apply_no"));
    if (c == "note_missing") return _("Say what was done, in the note");
    if (c == "rating_template_missing") return _("The rating system's address is not set: an administrator sets rating_url_template");
    if (c == "setting_invalid") return wxString::Format(_("The setting %s: %s"), p("key"), p("why"));
    // The intake service's (its channels read codes, not words) and its keys' (the command line's).
    if (c == "apply_no_unknown") return wxString::Format(_("No online application %s from this channel"), p("apply_no"));
    if (c == "signature") return _("The request's signature does not hold");
    if (c == "cursor_invalid") return wxString::Format(_("The events feed has no position %s"), p("cursor"));
    if (c == "limit_invalid") return _("The events feed gives 1 to 500 events at a time");
    if (c == "via_unknown")
        return wxString::Format(_("\"%s\" is not an online channel: wechat, alipay, web, app or kiosk"), p("via"));
    if (c == "key_unknown") return wxString::Format(_("No channel key %s"), p("key_id"));
    if (c == "name_mismatch")
        return wxString::Format(_("%s: the name is not the roster's for the ID number %s"), p("field"), p("id"));
    if (c == "same_person") return _("The authorizer and the user are the same person");
    if (c == "correction_days_invalid")
        return wxString::Format(_("The working days for bringing papers are a whole number, 1-30, not \"%s\""), p("value"));
    if (c == "ocr_mismatch")
        return wxString::Format(_("The ID card scan %s reads the number %s, which is neither of the two typed"),
                                p("file"), p("read"));
    if (c == "last_admin") {
        if (auto duty = core::parse_duty(problem.param("duty")); duty && *duty != core::Duty::none)
            return wxString::Format(_("%s is the last %s: give the duty to another before disabling this one"),
                                    p("username"), role_text(core::Role::admin, *duty));
        return wxString::Format(_("%s is the last administrator: add another before disabling this one"), p("username"));
    }
    if (c == "card_name_differs")
        return wxString::Format(_("The name on the card, %s, differs from the roster's, %s: check before going on."),
                                p("name_on_card"), p("roster_name"));
    if (c == "scan_failed") return wxString::Format(_("The scanner failed: %s"), p("why"));
    if (c == "devices_unwritable") return wxString::Format(_("%s cannot be written"), p("file"));
    if (c == "devices_unreadable") return wxString::Format(_("%s cannot be read"), p("file"));
    if (c == "document_damaged")
        return wxString::Format(_("Paper %s (%s) no longer matches its SHA-256 from capture: it cannot be shown as valid"),
                                p("document"), p("file"));
    if (c == "cancelled") return _("Import cancelled: nothing was saved");
    if (c == "insufficient_balance") return _("The authorizer's account balance is too low");
    if (c == "id_invalid") return wxString::Format(_("%s is not a valid ID number"), p("text"));
    if (c == "not_in_roster") return wxString::Format(_("%s is not in the insurance roster"), p("id"));
    if (c == "note_required") return _("Write a note when the reason is \"other\"");
    if (c == "file_unusable") return paper_problem_text(problem);
    if (c == "username_invalid") return _("A user name is 1-64 letters, digits, '.', '_' or '-'");
    if (c == "password_empty") return _("The password must not be empty");
    if (c == "password_too_short") return wxString::Format(_("The new password needs at least %s characters"), p("min"));
    if (c == "password_too_few_classes")
        return wxString::Format(_("The new password needs %s of: lower case, upper case, digits, other characters"), p("min"));
    if (c == "password_has_username") return _("The new password must not contain the user name");
    if (c == "password_reused") return wxString::Format(_("None of your last %s passwords may be chosen again"), p("history"));
    if (c == "full_name_too_long") return _("The full name is too long (at most about 20 Chinese characters)");
    if (c == "text_too_long") return wxString::Format(_("%s: longer than %s characters"), p("field"), p("max"));
    if (c == "text_control_character")
        return wxString::Format(_("%s: holds a control character (a NUL, a tab or a line break)"), p("field"));
    if (c == "text_bidi_control") return wxString::Format(_("%s: holds a bidirectional control character"), p("field"));
    if (c == "text_invisible_character")
        return wxString::Format(_("%s: holds an invisible character (such as a zero-width space)"), p("field"));
    if (c == "text_not_utf8") return wxString::Format(_("%s: not valid UTF-8"), p("field"));
    if (c == "file_not_regular")
        return wxString::Format(_("%s is not a regular file (a pipe, a socket or a device): choose a file"), p("file"));
    if (c == "header_too_wide")
        return wxString::Format(_("The header has %s columns; a header may have at most %s. Nothing was imported."),
                                p("columns"), p("max"));
    if (c == "username_taken") return wxString::Format(_("User %s exists already"), p("username"));
    if (c == "user_unknown") return wxString::Format(_("There is no user %s"), p("username"));
    if (c == "agency_phone_invalid") return _("Give the number citizens call, at most 40 characters");
    if (c == "processing_days_invalid")
        return wxString::Format(_("Working days are a whole number from 1 to 999, not \"%s\""), p("value"));
    if (c == "agency_name_empty") return _("The agency's name must not be empty");
    if (c == "workstation_invalid") return _("A workstation name is 1-64 bytes on one line");
    if (c == "workstation_unwritable")
        return wxString::Format(_("%s cannot be written: ask the administrator to name this machine"), p("file"));
    if (c == "policy_version_in_force") {
        if (problem.param("kind") == "new_in_the_past")
            return wxString::Format(_("A new version of %s cannot take effect on %s: the rules of days already served never "
                                      "change. Let it take effect after %s."),
                                    p("profile"), p("from"), p("today"));
        return wxString::Format(_("The version of %s from %s has taken effect and cannot change or be removed: cases were "
                                  "decided under it. Add a new version from a later date instead."),
                                p("profile"), p("from"));
    }
    if (c == "case_unknown") return wxString::Format(_("There is no case %s"), p("case"));
    if (c == "file_empty") return _("The file is empty: a header line is required");
    if (c == "column_repeated") return wxString::Format(_("The header names column \"%s\" twice"), p("column"));
    if (c == "column_missing") return wxString::Format(_("The header has no column \"%s\""), p("column"));
    if (c == "encoding_invalid")
        return wxString::Format(_("Line %s: the file is neither UTF-8 nor GB18030 text"), p("line"));
    if (c == "anchor_invalid")
        return wxString::Format(_("An anchor is CHAIN:SEQ:HASH as the audit anchor printout gives it, not \"%s\""), p("text"));
    if (c == "backup_unverified")
        return wxString::Format(_("The copy does not check out, so it was not kept: %s"), p("why"));
    if (c == "binding_not_active")
        return problem.param("pending") == "yes"
                   ? wxString::Format(_("The binding from %s to %s is still an application: withdraw or reject its case"),
                                      p("authorizer"), p("user"))
                   : wxString::Format(_("There is no binding in force from %s to %s"), p("authorizer"), p("user"));
    if (c == "binding_not_legacy")
        return wxString::Format(_("There is no binding under the old rules from %s to %s to renew"), p("authorizer"), p("user"));
    if (c == "binding_without_quota") return _("This binding pays from the live account: it has no quota");
    if (c == "calendar_header_missing") return _("The calendar file's first line must name the columns date,kind");
    if (c == "calendar_empty") return _("The calendar file names no day");
    if (c == "calendar_line_invalid")
        return wxString::Format(_("Line %s of the calendar file: %s"), p("line"), p("why"));
    if (c == "card_read_not_a_paper")
        return _("Only a card read on this window's reader counts as the ID card read; a file never does");
    if (c == "cites_not_rejected")
        return wxString::Format(_("Case %s is not a rejected case of the same two people"), p("case"));
    if (c == "date_before_profile") return wxString::Format(_("The profile has no rules in force on %s"), p("date"));
    if (c == "device_setting_invalid")
        return wxString::Format(_("The setting %s takes a value of at most 255 bytes on one line"), p("key"));
    if (c == "device_setting_unknown") return wxString::Format(_("There is no device setting %s"), p("key"));
    if (c == "document_limit_invalid")
        return wxString::Format(_("The paper limit %s cannot be \"%s\""), p("key"), p("value"));
    if (c == "document_unknown") return wxString::Format(_("There is no paper %s"), p("document"));
    if (c == "duties_unstaffed")
        return wxString::Format(_("No enabled administrator holds the %s duty yet: give it to one first"), p("duty"));
    if (c == "duty_invalid")
        return wxString::Format(_("%s is not an administrator: only administrators have a duty"), p("username"));
    if (c == "encoding_unknown")
        return wxString::Format(_("The encoding is automatic, UTF-8 or GB18030, not \"%s\""), p("encoding"));
    if (c == "file_exists") return wxString::Format(_("%s exists already: choose a new file"), p("file"));
    if (c == "is_database")
        return wxString::Format(_("%s is the database itself (or its journal): choose another file"), p("file"));
    if (c == "file_is_folder") return wxString::Format(_("%s is a folder: choose a file"), p("file"));
    if (c == "file_missing") return wxString::Format(_("There is no file %s"), p("file"));
    if (c == "file_unreadable") return wxString::Format(_("%s cannot be read"), p("file"));
    if (c == "file_unwritable") return wxString::Format(_("%s cannot be written"), p("file"));
    if (c == "month_invalid") return wxString::Format(_("A month is written YYYY-MM, not \"%s\""), p("text"));
    if (c == "no_card_reader") return _("No card reader is set for this machine: choose one in the machine settings");
    if (c == "no_pages") return _("No page was captured");
    if (c == "not_a_backup") return wxString::Format(_("This file is not a backup of Gongji Desk: %s"), p("why"));
    if (c == "order_incomplete")
        return wxString::Format(_("The order must list each of the user's %s authorizers once"), p("count"));
    if (c == "order_repeats") return _("An authorizer is listed twice in the order");
    if (c == "paper_not_for_case")
        return wxString::Format(_("Case %s has no %s paper to print"), p("case"), paper_text(p("paper")));
    if (c == "password_setting_invalid")
        return wxString::Format(_("The password rule %s cannot be \"%s\""), p("key"), p("value"));
    if (c == "period_reversed")
        return wxString::Format(_("The period ends (%s) before it starts (%s)"), p("to"), p("from"));
    if (c == "policy_invalid")
        return wxString::Format(_("%s is not a usable policy profile: %s"), p("file"), p("detail"));
    if (c == "profile_unknown") return wxString::Format(_("There is no policy profile %s"), p("profile"));
    if (c == "relation_unknown") return wxString::Format(_("%s is not a GB/T 4761 relation code"), p("relation"));
    if (c == "request_incomplete") return wxString::Format(_("The %s paper needs: %s"), p("paper"), p("needs"));
    if (c == "scanner_dpi_invalid")
        return wxString::Format(_("The scanner resolution is 150 to 300 dpi, not \"%s\""), p("value"));
    if (c == "workbook_unwritable")
        return wxString::Format(_("The workbook %s cannot be written: %s"), p("file"), p("detail"));
    if (!problem.param("detail").empty()) return p("detail");
    return u8(app::describe(problem));
}

wxString problem_text(const std::exception& e) {
    if (const auto* r = dynamic_cast<const app::Refused*>(&e)) return problem_text(r->problem());
    if (const auto* b = dynamic_cast<const app::BadInput*>(&e); b && !b->problem().code.empty())
        return problem_text(b->problem());
    if (const auto* m = dynamic_cast<const app::SchemaMismatch*>(&e)) return problem_text(m->problem());
    // The database's own words go to the administrator's log; the user reads what to do.
    switch (app::storage_trouble(e)) {
        case app::StorageTrouble::none:
            return u8(e.what());
        case app::StorageTrouble::busy:
            app::log_for_administrator("busy", e);
            return _("Another program has the database locked. Try again in a moment: nothing was changed.");
        case app::StorageTrouble::unreachable:
            return wxString::Format(_("The database cannot be reached at the address this window was given: trying again "
                                      "will not help. Call the administrator to check the address and the server. "
                                      "Details for the administrator: %s"),
                                    u8(app::log_for_administrator("unreachable", e)));
        case app::StorageTrouble::damaged:
            return wxString::Format(_("The database file is damaged. Stop work at this window and call the administrator, "
                                      "who restores the last backup. Details for the administrator: %s"),
                                    u8(app::log_for_administrator("damaged", e)));
        case app::StorageTrouble::not_permitted:
            app::log_for_administrator("not permitted", e);
            return _("This window's connection may not change users, settings or policy profiles: an administrator does "
                     "this through the administrators' connection. Nothing was changed.");
        case app::StorageTrouble::other:
            break;
    }
    return wxString::Format(_("The database could not do this; nothing was changed. Try again, and if it happens again "
                              "call the administrator. Details for the administrator: %s"),
                            u8(app::log_for_administrator("failed", e)));
}

wxString problem_text(const std::exception& e, app::Workspace& ws) {
    // Whether a change got in before the answer was lost cannot be known here; trying again
    // says, and a submission is never saved twice.
    if (dynamic_cast<const app::ConnectionLost*>(&e) || ws.connection_lost())
        return _("The connection to the database was lost. Try again: the window connects again by itself, "
                 "and nothing is submitted twice.");
    return problem_text(e);
}

wxString problem_text(const std::exception_ptr& e, app::Workspace& ws) {
    if (!e) return wxString();
    try {
        std::rethrow_exception(e);
    } catch (const std::exception& kept) {
        return problem_text(kept, ws);
    }
}

}  // namespace gongji::ui
