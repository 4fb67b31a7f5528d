// gongji: the command-line tool over the application layer (interfaces.md).
#include <cstring>
#include <iostream>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/cases/case_service.h"
#include "app/platform/errors.h"
#include "app/platform/paths.h"
#include "app/printing/printed_papers.h"
#include "app/platform/storage_trouble.h"
#include "app/platform/workspace.h"
#include "cli/commands.h"
#include "cli/json_output.h"
#include "cli/refusal_message.h"
#include "core/policy.h"

namespace {

using namespace gongji;

constexpr int kYes = 0, kNo = 1, kBadInput = 2, kFailure = 3;

const char* kUsage =
    "usage: gongji [--db URL] [--as USERNAME] COMMAND [ARGS…]\n"
    "\n"
    "commands:\n"
    "  init [--demo]                         create or upgrade the database\n"
    "  id check NUMBER                       validate an ID number\n"
    "  roster import FILE [--encoding E]     import the insurance roster (CSV)\n"
    "  policy import FILE.json | list | show NAME\n"
    "  check --policy NAME --authorizer ID --user ID --relation CODE [--date D] [--docs T,…]\n"
    "  user add NAME --role clerk|supervisor|admin [--full-name 姓名]   (its one-time password from GONGJI_NEW_PASSWORD)\n"
    "  user disable|enable NAME\n"
    "  user reset NAME   (a one-time password from GONGJI_NEW_PASSWORD)\n"
    "  user passwd       (your own: the current one as for --as, the new one from GONGJI_NEW_PASSWORD)\n"
    "  user duty NAME system|security|audit   an administrator's duty where they are separate\n"
    "  user list                           every account: role, duty, state (administrators)\n"
    "  case bind --policy NAME --authorizer ID --user ID --relation CODE [--doc TYPE=FILE …] [--cites CASE]\n"
    "  case approve CASE · case reject CASE --reason CODE [--note TEXT] · case withdraw CASE\n"
    "  case unbind --authorizer ID --user ID --reason request|divorce|death|other\n"
    "  case reorder --user ID --order ID,ID,… · case rebind --authorizer ID --user ID [--doc …]\n"
    "  case show CASE · case list [--status S] [--channel window|online] [--person ID] [--date YYYY-MM-DD] [--limit N]\n"
    "      [--due today|overdue]\n"
    "  case accept CASE · case refuse CASE --reason CODE [--note T]   an online application taken up (受理) or not\n"
    "  case correct CASE --missing TYPE,… [--note T] · case resume CASE   ask once for every missing paper; they came\n"
    "  case expire · case deliver CASE      corrections past their day withdrawn; the decision handed over (送达)\n"
    "  person show ID · bindings --user ID | --authorizer ID\n"
    "  document list --case CASE · attach --case CASE --doc TYPE=FILE · get ID --out FILE · remove ID\n"
    "  document scanners · document scan --case CASE --type TYPE --device NAME [--dpi N] [--color]\n"
    "  audit verify [--anchor CHAIN:SEQ:HASH …]   check the audit log's chains, seals and anchors\n"
    "  audit anchor                        each chain's head, to print and keep away from the database\n"
    "  audit access [--person ID] [--by USER]   who looked at whose card, statement or papers (audit)\n"
    "  audit key new [--sm3]               a new agency key for sealing the audit log (as root)\n"
    "  settle FILE [--encoding E]          import settlements (split here, or the platform's records), in time order\n"
    "  supervise --from DATE --to DATE [--pdf OUT] [--xlsx OUT]   recorded mutual-aid payments against the rules\n"
    "  stats --month YYYY-MM [--pdf OUT] [--xlsx OUT]   the agency's monthly figures, with charts\n"
    "  statement (--user ID | --authorizer ID) --from DATE --to DATE [--pdf OUT]\n"
    "  report commitment|receipt|decision|unbind|correction|not-accepted|delivery --case CASE --pdf OUT\n"
    "  report commitment --policy NAME --authorizer ID --user ID --relation CODE --pdf OUT   (before a case)\n"
    "  report statement (--user ID | --authorizer ID) --from DATE --to DATE --pdf OUT\n"
    "  report supervision --from DATE --to DATE --pdf OUT · report stats --month YYYY-MM --pdf OUT\n"
    "  report daily --clerk NAME --date DATE --pdf OUT\n"
    "  calendar import FILE [--encoding E]   the year's holidays and worked weekend days (CSV date,kind)\n"
    "  calendar show YEAR                  the working-day calendar of a year, and its working days\n"
    "  intake key new CHANNEL              a key for an online channel's back end (wechat, alipay, web, app, kiosk);\n"
    "                                    its secret is shown this once\n"
    "  intake key revoke KEY_ID · intake key list   (administrators)\n"
    "  rating link CASE                    the 好差评 rating request for a finished case (rating_url_template)\n"
    "  rating import FILE [--encoding E]   the rating system's export (CSV apply_no,grade,comment,rated_at)\n"
    "  rating list [--follow-up open|overdue] [--month YYYY-MM]   ratings, and the follow-ups of the 差评\n"
    "  rating contacted|settled APPLY_NO --note TEXT   a follow-up reached the citizen, or was settled\n"
    "  settings show                       the agency's settings, and the rules and limits in force (no login)\n"
    "  settings set agency_name NAME       the agency's name on every printout\n"
    "  settings set agency_phone PHONE     the number for questions, on every receipt\n"
    "  settings set processing_days N      the working days promised for a decision, on every receipt\n"
    "  settings set correction_days N      the working days an applicant has to bring missing papers (5)\n"
    "  settings set default_policy NAME    the profile offered first at the window\n"
    "  settings set rating_url_template URL   the rating system's address, with {apply_no} {item_code} {state}\n"
    "                                    {clerk} {clerk_name} {window}\n"
    "  settings set item_code_bind|item_code_unbind|item_code_reorder|item_code_rebind CODE   事项编码\n"
    "  settings set document_max_mb|document_max_megapixels|document_max_pages N   what a paper may be\n"
    "  settings set password_min_length|password_min_classes|password_max_age_days|password_history N\n"
    "  settings set login_account_limit|login_account_period_minutes N   an account locked at every window after N\n"
    "                                    wrong passwords at all windows together within the period (20 in 60)\n"
    "  settings set cli_password_change warn|require   (an account that must change its password)\n"
    "  settings set separate_duties on|off   system, security and audit administrators apart (三权分立)\n"
    "  settings set workstation NAME       this machine's name at the window (set once, as root)\n"
    "  settings set card_reader|camera|scanner|scanner_dpi VALUE   this machine's devices (as root)\n"
    "  settings set customer_display N     the monitor turned to the citizen (2 to 9; empty: none)\n"
    "  card read [--device PATH]           the ID card on the reader, as JSON\n"
    "  backup FILE · restore FILE          a verified copy of the embedded database, and back (administrator)\n"
    "  quota reserve --authorizer ID --user ID --amount 元   (cross-province bindings)\n"
    "\n"
    "The database is --db, else $GONGJI_DB, else an embedded SQLite file in the user's data\n"
    "folder. Commands that change data need --as with the password in $GONGJI_PASSWORD.\n"
    "Exit codes: 0 yes, 1 no, 2 bad usage or input, 3 any other failure.\n";

// Overwrites an argument in place, so that the process list shows `shown` from now on.
void hide_from_process_list(char* argument, const std::string& shown) {
    std::strncpy(argument, shown.c_str(), std::strlen(argument));
}

}  // namespace

int main(int argc, char** argv) {
    app::keep_new_files_private();
    std::vector<std::string> words(argv + 1, argv + argc);
    std::optional<std::string> db, as;
    size_t i = 0;
    for (; i < words.size(); ++i) {
        const auto& w = words[i];
        if ((w == "--db" && db) || (w == "--as" && as)) {
            std::cerr << "gongji: " << w << ": given 2 times; it takes one value\n";
            return kBadInput;
        }
        if (w == "--db" && i + 1 < words.size()) {
            db = words[++i];
            if (auto warning = app::password_in_url_warning(*db); !warning.empty()) {
                hide_from_process_list(argv[i + 1], app::shown_url(*db));
                std::cerr << "gongji: --db " << app::shown_url(*db) << ": refused, nothing was done: " << warning << "\n";
                return kBadInput;
            }
        } else if (w == "--as" && i + 1 < words.size()) {
            as = words[++i];
        } else if (w == "--help" || w == "-h") {
            std::cout << kUsage;
            return kYes;
        } else if (w == "--version") {
            std::cout << "gongji " GONGJI_VERSION "\n";
            return kYes;
        } else {
            break;
        }
    }
    if (i >= words.size()) {
        std::cerr << kUsage;
        return kBadInput;
    }
    auto command = words[i];
    cli::Words rest(words.begin() + static_cast<long>(i) + 1, words.end());

    static const std::map<std::string, int (*)(cli::Session&, const cli::Words&)> commands = {
        {"init", cli::run_init},     {"id", cli::run_id},       {"roster", cli::run_roster},
        {"policy", cli::run_policy}, {"check", cli::run_check}, {"user", cli::run_user},
        {"case", cli::run_case},     {"bindings", cli::run_bindings}, {"person", cli::run_person},
        {"audit", cli::run_audit},   {"settle", cli::run_settle}, {"statement", cli::run_statement},
        {"supervise", cli::run_supervise}, {"stats", cli::run_stats},
        {"quota", cli::run_quota},   {"document", cli::run_document},   {"report", cli::run_report}, {"settings", cli::run_settings},
        {"card", cli::run_card},     {"backup", cli::run_backup}, {"restore", cli::run_restore},
        {"calendar", cli::run_calendar}, {"intake", cli::run_intake}, {"rating", cli::run_rating},
    };
    auto it = commands.find(command);
    if (it == commands.end()) {
        std::cerr << "gongji: unknown command \"" << command << "\"\n" << kUsage;
        return kBadInput;
    }
    cli::Session session(db, as);
    try {
        return it->second(session, rest);
    } catch (const app::BadInput& e) {
        std::cerr << "gongji " << command << ": " << e.what() << "\n";
        return kBadInput;
    } catch (const gongji::reports::TemplateError& e) {
        std::cerr << "gongji " << command << ": template " << e.what() << "\n";
        return kBadInput;
    } catch (const core::PolicyError& e) {
        std::cerr << "gongji " << command << ": " << e.what() << "\n";
        return kBadInput;
    } catch (const app::NotEligible& e) {
        auto message = cli::refusal_message(e.problem());
        cli::print_json(cli::refusal_json(e.code(), message, &e.result()));
        std::cerr << "gongji " << command << ": " << message << ": ";
        for (const auto& r : e.result().reasons) std::cerr << r.code << " ";
        std::cerr << "\n";
        return kNo;
    } catch (const app::Refused& e) {
        auto message = cli::refusal_message(e.problem());
        cli::print_json(cli::refusal_json(e.code(), message, nullptr, &e.problem().params));
        std::cerr << "gongji " << command << ": " << message << "\n";
        return kNo;
    } catch (const std::exception& e) {
        const auto trouble = app::storage_trouble(e);
        if (trouble == app::StorageTrouble::not_permitted)
            std::cerr << "gongji " << command << ": " << app::kNotPermittedAdvice << " (" << e.what() << ")\n";
        else if (trouble == app::StorageTrouble::damaged)
            std::cerr << "gongji " << command << ": the database file is damaged or is not a Gongji Desk database "
                      << "(nothing was changed; restore the last backup, or check --db / GONGJI_DB): " << e.what() << "\n";
        else
            std::cerr << "gongji " << command << ": " << e.what() << "\n";
        return kFailure;
    }
}
