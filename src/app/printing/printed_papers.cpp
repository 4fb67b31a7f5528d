#include "app/printing/printed_papers.h"

#include <cstdlib>
#include <filesystem>
#include <map>

#include "app/trust/audit.h"
#include "app/platform/environment.h"
#include "app/cases/case_service.h"
#include "app/cases/time_limits.h"
#include "app/platform/errors.h"
#include "app/platform/paths.h"
#include "app/setup/settings.h"
#include "app/setup/policy_service.h"
#include "app/money/settlement_service.h"
#include "app/trust/state_check.h"
#include "app/platform/stores.h"
#include "app/oversight/stats_service.h"
#include "app/oversight/supervision_service.h"
#include "app/oversight/oversight_papers.h"
#include "core/case_rules.h"
#include "core/instant.h"
#include "core/masking.h"
#include "core/money.h"
#include "core/relation.h"

namespace gongji::app {
namespace {

// A request that lacks what its paper needs (the desktop app always gives it; the CLI may not).
Problem incomplete(const std::string& paper, const char* needs) {
    return {"request_incomplete", {{"paper", paper}, {"needs", needs}}};
}

struct PaperInfo {
    Paper paper;
    const char* name;
    const char* title;
};
constexpr PaperInfo kPapers[] = {
    {Paper::commitment, "commitment", "承诺书"},     {Paper::receipt, "receipt", "受理回执"},
    {Paper::decision, "decision", "审核结果通知书"}, {Paper::unbind, "unbind", "解绑通知书"},
    {Paper::statement, "statement", "共济使用明细"}, {Paper::daily, "daily", "窗口日报"},
    {Paper::supervision, "supervision", "共济支付核查结果"}, {Paper::stats, "stats", "月度统计"},
    {Paper::correction, "correction", "补正告知书"}, {Paper::not_accepted, "not-accepted", "不予受理通知书"},
    {Paper::delivery, "delivery", "送达回执"},
};
const PaperInfo& info(Paper p) {
    for (const auto& i : kPapers)
        if (i.paper == p) return i;
    return kPapers[0];
}

std::string name_of(Workspace& ws, const std::string& id) {
    auto p = stores(ws).persons.find(id);
    return p ? p->name : "";
}

// "韦丽华（clerk）": staff by name and login, as the citizen's papers name them.
std::string staff_of(Workspace& ws, const std::string& username) {
    if (username.empty()) return "";
    auto user = stores(ws).users.find(username);
    return staff_label(username, user ? user->full_name : "");
}

// What the agency promises on a receipt: where to ask, and by when it is decided — the day, counted
// in the agency's working days, once the case was accepted.
// A case's promise is what it was given when accepted, whatever the setting says now.
void agency_promise_fields(Workspace& ws, reports::ReportData& d, const std::optional<core::Instant>& accepted = {},
                           std::optional<int> promised = {}) {
    auto agency = agency_settings(ws);
    if (!promised) promised = processing_days(ws);
    std::string promise;
    if (promised) {
        promise = "自受理之日起" + std::to_string(*promised) + "个工作日内";
        if (auto due = accepted ? TimeLimits(ws).due(*accepted, 0, promised) : std::nullopt) promise += "（最迟" + due->to_chinese() + "）";
    }
    d.fields["processing_time"] = promise;
    d.fields["agency_phone"] = agency.phone.value_or("");
}

void person_fields(Workspace& ws, reports::ReportData& d, const std::string& prefix, const std::optional<std::string>& id) {
    d.fields[prefix + "_name"] = id ? name_of(ws, *id) : "";
    d.fields[prefix + "_id"] = id ? core::mask_id_number(*id) : "";
}

// A stored reason's words, by what the case is: an unbinding's, an application not accepted, a
// correction left unanswered, or a rejection.
std::string reason_label(const core::Case& c) {
    const std::string reason = c.reason.value_or("");
    if (c.kind == core::CaseKind::unbind) return core::unbind_reason_label(reason);
    if (reason == core::kCorrectionExpired) return "逾期未补正，视为撤回申请";
    if (c.status == core::CaseStatus::not_accepted) {
        auto r = core::kNotAcceptedReasons.parse(reason);
        return r ? core::kNotAcceptedReasons.label(*r) : "";
    }
    return core::rejection_reason_label(reason);
}

// Where the case came from, its correction and its delivery (domain.md §9), for the notices.
void service_fields(const core::Case& c, reports::ReportData& d) {
    d.fields["apply_no"] = c.channel == core::Channel::online ? c.service_number() : "";
    d.fields["channel_label"] = c.via ? std::string("网上（") + core::kVias.label(*c.via) + "）" : core::kChannels.label(c.channel);
    d.fields["applied_at"] = core::china_text(c.created_at, core::ChinaFormat::seconds);
    d.fields["not_accepted"] = c.status == core::CaseStatus::not_accepted ? "是" : "";
    d.fields["delivered_paper"] = c.status == core::CaseStatus::not_accepted ? "不予受理通知书" : "审核结果通知书";
    d.fields["delivered_at"] = core::china_text(c.delivered_at, core::ChinaFormat::seconds);
    d.fields["delivered_how"] = !c.delivered_how ? "" : *c.delivered_how == "channel" ? "网上渠道推送" : "窗口当面送达";
    if (!c.correction) return;
    d.fields["correction_asked_at"] = core::china_text(c.correction->asked_at, core::ChinaFormat::seconds);
    d.fields["correction_due"] = c.correction->due.to_chinese();
    d.fields["correction_note"] = c.correction->note;
    auto& missing = d.tables["missing"];
    for (auto type : c.correction->missing) missing.push_back({{"document", core::document_type_label(type)}});
}

void case_fields(Workspace& ws, const core::Case& c, reports::ReportData& d) {
    d.fields["case"] = c.number;
    d.fields["kind_label"] = core::case_kind_label(c.kind);
    d.fields["status_label"] = core::case_status_label(c.status);
    person_fields(ws, d, "authorizer", c.authorizer_id);
    person_fields(ws, d, "user", c.user_id);
    auto relation = c.relation ? core::find_relation(*c.relation) : std::nullopt;
    d.fields["relation_name"] = relation ? relation->name : "";
    d.fields["policy_title"] = c.policy ? load_policy(ws, *c.policy).title : "";
    d.fields["clerk"] = staff_of(ws, c.created_by);
    d.fields["workstation"] = c.workstation;
    agency_promise_fields(ws, d, c.submitted_at, c.promised_days);
    d.fields["application_date"] = c.application_date.to_string();
    d.fields["submitted_at"] = core::china_text(c.submitted_at, core::ChinaFormat::seconds);
    d.fields["decided_at"] = core::china_text(c.decided_at, core::ChinaFormat::seconds);
    d.fields["decided_by"] = staff_of(ws, c.decided_by.value_or(""));
    d.fields["approved"] = c.status == core::CaseStatus::approved ? "是" : "";
    d.fields["rejected"] = c.status == core::CaseStatus::rejected ? "是" : "";
    d.fields["reason_label"] = reason_label(c);
    d.fields["note"] = c.note.value_or("");
    auto user = stores(ws).persons.find(c.user_id);
    d.fields["minor"] = user && user->birth_date.years_until(c.application_date) < 18 ? "是" : "";
    auto& docs = d.tables["documents"];
    for (auto type : c.documents) docs.push_back({{"document", core::document_type_label(type)}});
    service_fields(c, d);
}

// The 承诺书 before a case exists, for a citizen whose signed letter is to stand in for proof of
// relation: everything the case's letter says but its number.
void proposal_fields(Workspace& ws, const Actor& actor, const DocumentRequest& r, reports::ReportData& d,
                     std::string& subject) {
    if (!r.policy || !r.authorizer || !r.user || !r.relation)
        throw BadInput("commitment: give --case CASE, or --policy, --authorizer, --user and --relation",
                       incomplete("commitment", "case, or policy, authorizer, user and relation"));
    auto authorizer = normalized_id(*r.authorizer, "--authorizer");
    auto user = normalized_id(*r.user, "--user");
    auto relation = core::find_relation(*r.relation);
    if (!relation)
        throw BadInput("--relation: \"" + *r.relation + "\" is not a GB/T 4761 relation code",
                       {"relation_unknown", {{"relation", *r.relation}}});
    auto policy = load_policy(ws, *r.policy);  // BadInput for an unknown profile
    d.fields["case"] = "";  // none yet: the letter carries no number
    person_fields(ws, d, "authorizer", authorizer);
    person_fields(ws, d, "user", user);
    d.fields["relation_name"] = relation->name;
    d.fields["policy_title"] = policy.title;
    d.fields["clerk"] = staff_label(actor.username, actor.full_name);
    d.fields["workstation"] = actor.workstation;
    agency_promise_fields(ws, d);
    auto today = china_today();
    d.fields["application_date"] = today.to_string();
    auto person = stores(ws).persons.find(user);
    d.fields["minor"] = person && person->birth_date.years_until(today) < 18 ? "是" : "";
    subject = authorizer + ">" + user;
}

void statement_fields(Workspace& ws, const Actor& actor, const DocumentRequest& r, reports::ReportData& d, std::string& subject) {
    if (!r.user == !r.authorizer)
        throw BadInput("statement: give --user ID or --authorizer ID", incomplete("statement", "user or authorizer"));
    if (!r.from || !r.to) throw BadInput("statement: --from and --to are required", incomplete("statement", "from and to"));
    auto id = normalized_id(r.user ? *r.user : *r.authorizer, r.user ? "--user" : "--authorizer");
    auto st = statement(ws, actor, r.user.has_value(), id, *r.from, *r.to, /*printed=*/true);
    subject = id;
    d.fields["subject_role"] = r.user ? "使用人" : "授权人";
    d.fields["subject_name"] = name_of(ws, id);
    d.fields["subject_id"] = core::mask_id_number(id);
    d.fields["from"] = r.from->to_string();
    d.fields["to"] = r.to->to_string();
    auto& rows = d.tables["rows"];
    std::map<std::string, std::string> names;
    for (const auto& row : st.rows) {
        const auto& s = row.settlement;
        std::string own, aid;
        for (const auto& e : row.entries) {
            if (e.kind == core::LedgerKind::own) own = core::format_yuan(-e.amount_fen) + " / " + core::format_yuan(e.balance_after_fen);
            if (core::is_mutual_aid(e.kind)) {
                if (!names.count(e.account)) names[e.account] = name_of(ws, e.account);
                aid += (aid.empty() ? "" : "\n") + names[e.account] + " " + core::format_yuan(-e.amount_fen) + " / " +
                       core::format_yuan(e.balance_after_fen);
            }
        }
        auto use = use_label(s.use);
        std::string note = s.recorded ? "平台记录" : "";
        if (s.late) note += note.empty() ? "补传" : "·补传";
        rows.push_back({{"time", core::china_text(s.settled_at, core::ChinaFormat::seconds)},
                        {"setl_id", s.setl_id},
                        {"note", note.empty() ? "" : "（" + note + "）"},
                        {"user", name_of(ws, s.user_id)},
                        {"institution", s.institution_name},
                        {"use", use},
                        {"amount", core::format_yuan(s.amount_fen)},
                        {"own", own.empty() ? "0.00" : own},
                        {"mutual_aid", aid.empty() ? "0.00" : aid},
                        {"cash", core::format_yuan(s.cash_fen)}});
    }
    d.fields["total_amount"] = core::format_yuan(st.amount_fen);
    d.fields["total_own"] = core::format_yuan(st.own_fen);
    d.fields["total_mutual_aid"] = core::format_yuan(st.mutual_aid_fen);
    d.fields["total_cash"] = core::format_yuan(st.cash_fen);
    d.fields["count"] = std::to_string(st.rows.size());
}

void daily_fields(Workspace& ws, const DocumentRequest& r, reports::ReportData& d, std::string& subject) {
    if (!r.clerk || !r.date)
        throw BadInput("daily: --clerk NAME and --date YYYY-MM-DD are required", incomplete("daily", "clerk and date"));
    CaseSearch f;
    f.limit = 100000;
    f.date = r.date;
    f.created_by = r.clerk;
    std::map<core::CaseKind, std::map<std::string, int>> counts;
    int total = 0;
    for (const auto& c : list_cases(ws, f)) {
        auto& k = counts[c.kind];
        ++k["submitted"];
        ++k[c.status == core::CaseStatus::submitted ? "pending" : core::case_status_name(c.status)];
        ++total;
    }
    const std::pair<core::CaseKind, const char*> kinds[] = {{core::CaseKind::bind, "共济关系绑定"},
                                                            {core::CaseKind::unbind, "共济关系解除"},
                                                            {core::CaseKind::reorder, "扣款顺序变更"},
                                                            {core::CaseKind::rebind, "历史关系续签"}};
    for (const auto& [kind, label] : kinds) {
        auto& k = counts[kind];
        d.tables["kinds"].push_back({{"kind", label},
                                     {"submitted", std::to_string(k["submitted"])},
                                     {"approved", std::to_string(k["approved"])},
                                     {"rejected", std::to_string(k["rejected"])},
                                     {"withdrawn", std::to_string(k["withdrawn"])},
                                     {"pending", std::to_string(k["pending"])}});
    }
    d.fields["clerk"] = *r.clerk;
    d.fields["date"] = r.date->to_string();
    d.fields["total"] = std::to_string(total);
    // The audit log's anchors as they stand now, kept on paper away from the database
    // (docs/security.md): 32 hex digits of each seal are plenty to check against.
    for (const auto& a : audit_anchors(ws))
        d.tables["anchors"].push_back({{"anchor", a.chain + ":" + std::to_string(a.seq) + ":" + a.hash.substr(0, 32)}});
    // And the tables held against the log (app/trust/state_check.h), where that is cheap.
    if (auto check = check_state_if_cheap(ws))
        d.fields["state"] = check->differences.empty()
                                ? "与审计日志一致（核对" + std::to_string(check->rows) + "行）"
                                : std::to_string(static_cast<long long>(check->differences.size()) + check->more_differences) +
                                      "行与审计日志不符：请管理员运行 gongji audit verify 查明";
    else
        d.fields["state"] = "数据量大，由每日 gongji audit verify 核对";
    subject = *r.clerk + "@" + r.date->to_string();
}

}  // namespace

std::string reports_dir() {
    if (auto dir = env(Env::reports_dir)) return *dir;
    std::error_code ec;
    if (!running_installed() && std::filesystem::is_directory(GONGJI_SOURCE_REPORTS_DIR, ec)) return GONGJI_SOURCE_REPORTS_DIR;
    return GONGJI_INSTALLED_REPORTS_DIR;
}

std::string agency_reports_dir() { return env(Env::agency_reports_dir).value_or("/etc/gongji/reports"); }

namespace {
std::string template_path(const char* name) {
    auto own = agency_reports_dir() + "/" + name + ".tpl";
    std::error_code ec;
    if (std::filesystem::is_regular_file(own, ec)) return own;
    return reports_dir() + "/" + name + ".tpl";
}
}  // namespace

std::vector<std::string> commitment_promises() {
    const auto path = template_path("commitment");
    const auto tpl = reports::parse_template(read_file(path), path);
    std::vector<std::string> out;  // the first heading and the plain lines of text after it
    for (const auto& d : tpl.directives) {
        const bool plain = d.a.find('{') == std::string::npos;
        if (out.empty()) {
            if (d.kind == reports::Directive::Kind::heading && plain) out.push_back(d.a);
        } else if (d.kind == reports::Directive::Kind::text && plain) {
            out.push_back(d.a);
        } else {
            break;
        }
    }
    return out;
}

const char* paper_name(Paper p) { return info(p).name; }

std::optional<Paper> parse_paper(std::string_view name) {
    for (const auto& i : kPapers)
        if (name == i.name) return i.paper;
    return std::nullopt;
}

bool case_has_document(const core::Case& c, Paper kind) {
    using core::CaseKind;
    switch (kind) {
        case Paper::unbind: return c.kind == CaseKind::unbind;
        case Paper::decision: return c.is_decided() && c.kind != CaseKind::unbind;
        case Paper::commitment: return c.kind == CaseKind::bind || c.kind == CaseKind::rebind;
        // 受理回执: only of a case accepted (an application refused before it was never taken in).
        case Paper::receipt: return (c.kind == CaseKind::bind || c.kind == CaseKind::rebind) && c.submitted_at.has_value();
        case Paper::correction: return c.correction.has_value();
        case Paper::not_accepted: return c.status == core::CaseStatus::not_accepted;
        case Paper::delivery: return c.is_decided() || c.status == core::CaseStatus::not_accepted;
        default: return false;
    }
}

PreparedDocument start_document(Workspace& ws, const Actor& actor, Paper kind) {
    const auto& paper = info(kind);
    auto path = template_path(paper.name);
    PreparedDocument doc;
    doc.tpl = reports::parse_template(read_file(path), path);
    doc.frame.agency = agency_name(ws);
    doc.frame.title = paper.title;
    doc.frame.printed_at = core::china_text(now(), core::ChinaFormat::seconds);
    doc.frame.operator_name = staff_label(actor.username, actor.full_name);
    return doc;
}

PreparedDocument prepare_document(Workspace& ws, const Actor& actor, const DocumentRequest& r) {
    const auto& paper = info(r.kind);
    if (r.kind == Paper::daily) require_role(actor, {core::Role::clerk, core::Role::supervisor, core::Role::admin});
    auto doc = start_document(ws, actor, r.kind);
    if (r.kind == Paper::statement) {
        statement_fields(ws, actor, r, doc.data, doc.subject);
    } else if (r.kind == Paper::supervision) {
        if (!r.from || !r.to) throw BadInput("supervision: --from and --to are required", incomplete("supervision", "from and to"));
        supervision_fields(ws, supervise(ws, actor, *r.from, *r.to), doc.data, doc.subject);
    } else if (r.kind == Paper::stats) {
        if (!r.month) throw BadInput("stats: --month YYYY-MM is required", incomplete("stats", "month"));
        stats_fields(ws, monthly_figures(ws, actor, *r.month), doc.data, doc.subject);
    } else if (r.kind == Paper::daily) {
        daily_fields(ws, r, doc.data, doc.subject);
    } else if (r.kind == Paper::commitment && !r.case_number) {
        require_role(actor, {core::Role::clerk, core::Role::supervisor});
        proposal_fields(ws, actor, r, doc.data, doc.subject);
    } else {
        if (!r.case_number)
            throw BadInput("--case: required for a " + std::string(paper.name) + " document", incomplete(paper.name, "case"));
        auto c = find_case(ws, *r.case_number);
        if (!case_has_document(c, r.kind))
            throw BadInput("--case: " + c.number + " (" + core::case_kind_name(c.kind) + ", " +
                           core::case_status_name(c.status) + ") has no " + paper.name + " document",
                           {"paper_not_for_case", {{"case", c.number}, {"paper", paper.name}}});
        case_fields(ws, c, doc.data);
        doc.subject = c.number;
    }
    return doc;
}

void record_print(Workspace& ws, const Actor& actor, Paper kind, const std::string& subject, int pages) {
    storage::Transaction tx(database(ws));
    std::string name = paper_name(kind);
    stores(ws).settings.record_print(name, subject, pages, actor.username, actor.workstation,
                                                           now().utc());
    audit(ws, {actor.username, actor.workstation}, "print", "document", subject, "",
          "{\"document\":\"" + name + "\",\"pages\":" + std::to_string(pages) + "}");
    tx.commit();
}

int print_prepared(Workspace& ws, const Actor& actor, Paper kind, const PreparedDocument& doc, const std::string& pdf_path) {
    refuse_unsafe_output(pdf_path, "--pdf");
    reports::LaidOutDocument laid_out(doc.tpl, doc.data, doc.frame);
    laid_out.write_pdf(pdf_path);
    keep_private(pdf_path);
    record_print(ws, actor, kind, doc.subject, laid_out.pages());
    return laid_out.pages();
}

int print_document(Workspace& ws, const Actor& actor, const DocumentRequest& request, const std::string& pdf_path) {
    return print_prepared(ws, actor, request.kind, prepare_document(ws, actor, request), pdf_path);
}


std::string agency_name(Workspace& ws) { return agency_settings(ws).name; }

namespace {

std::string checked_phone(const std::string& phone) {
    if (phone.empty() || phone.size() > 40)
        throw BadInput("agency_phone: give the number citizens call, at most 40 characters", {"agency_phone_invalid", {}});
    return phone;
}

std::string checked_days(const std::string& days) {
    bool digits = !days.empty() && days.size() <= 3 && days.find_first_not_of("0123456789") == std::string::npos;
    if (!digits || std::stoi(days) == 0)
        throw BadInput("processing_days: working days as a whole number, 1–999, not \"" + days + "\"",
                       {"processing_days_invalid", {{"value", days}}});
    return std::to_string(std::stoi(days));
}

std::string checked_name(const std::string& name) {
    if (name.empty()) throw BadInput("agency_name: must not be empty", {"agency_name_empty", {}});
    require_within(name, core::kAgencyNameLimit);
    return name;
}

}  // namespace

void set_agency_phone(Workspace& ws, const Actor& actor, const std::string& phone) {
    require_role(actor, {core::Role::admin});
    change_setting(ws, actor, "agency_phone", checked_phone(phone));
}

void set_processing_days(Workspace& ws, const Actor& actor, const std::string& days) {
    require_role(actor, {core::Role::admin});
    change_setting(ws, actor, "processing_days", checked_days(days));
}

void set_agency_name(Workspace& ws, const Actor& actor, const std::string& name) {
    require_role(actor, {core::Role::admin});
    change_setting(ws, actor, "agency_name", checked_name(name));
}

void set_agency_details(Workspace& ws, const Actor& actor, const std::string& name, const std::string& phone,
                        const std::string& days) {
    require_role(actor, {core::Role::admin});
    const auto before = agency_settings(ws);
    std::vector<std::pair<std::string, std::string>> changes{{"agency_name", checked_name(name)}};
    if (!phone.empty() && phone != before.phone) changes.emplace_back("agency_phone", checked_phone(phone));
    if (!days.empty() && days != before.processing_days) changes.emplace_back("processing_days", checked_days(days));
    change_settings(ws, actor, changes);  // every field checked first: all of them or none
}

}  // namespace gongji::app
