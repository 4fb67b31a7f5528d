#include "app/oversight/oversight_papers.h"

#include <cstdio>
#include <map>

#include "app/trust/audit.h"
#include "app/platform/errors.h"
#include "app/platform/paths.h"
#include "app/platform/stores.h"
#include "core/case_rules.h"
#include "core/instant.h"
#include "core/masking.h"
#include "core/money.h"
#include "reports/spreadsheet.h"

namespace gongji::app {
namespace {

std::string kind_label(const std::string& kind) {
    auto k = core::parse_case_kind(kind);
    return k ? core::case_kind_label(*k) : kind;
}

// People's names, each looked up once however many findings name them.
class Names {
public:
    explicit Names(Workspace& ws) : ws_(ws) {}
    const std::string& of(const std::string& id) {
        auto it = names_.find(id);
        if (it != names_.end()) return it->second;
        auto p = stores(ws_).persons.find(id);
        return names_.emplace(id, p ? p->name : "").first->second;
    }

private:
    Workspace& ws_;
    std::map<std::string, std::string> names_;
};

std::string hours_text(double hours) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", hours);
    return buf;
}

// Writes the workbook and records the export like a print (personal data left the program).
void write_and_record(Workspace& ws, const Actor& actor, const std::string& document, const std::string& subject,
                      const std::vector<reports::Sheet>& sheets, const std::string& path) {
    refuse_unsafe_output(path, "--xlsx");
    try {
        reports::write_workbook(path, sheets);
        keep_private(path);
    } catch (const reports::SpreadsheetError& e) {
        throw BadInput(std::string("--xlsx: ") + e.what(), {"workbook_unwritable", {{"file", path}, {"detail", e.what()}}});
    }
    long long rows = 0;
    for (const auto& s : sheets) rows += static_cast<long long>(s.rows.size());
    audit(ws, {actor.username, actor.workstation}, "export", "document", subject, "",
          "{\"document\":\"" + document + "\",\"format\":\"xlsx\",\"rows\":" + std::to_string(rows) + "}");
}

}  // namespace

void supervision_fields(Workspace& ws, const SupervisionReport& report, reports::ReportData& d, std::string& subject) {
    subject = report.from.to_string() + "/" + report.to.to_string();
    d.fields["from"] = report.from.to_string();
    d.fields["to"] = report.to.to_string();
    d.fields["checked"] = std::to_string(report.checked);
    d.fields["count"] = std::to_string(report.findings.size());
    d.fields["any"] = report.findings.empty() ? "" : "是";
    for (const auto& [code, count] : report.by_code)
        d.tables["codes"].push_back({{"label", finding_label(code)}, {"code", code}, {"count", std::to_string(count)}});
    Names names(ws);
    auto person = [&](const std::string& id) { return id.empty() ? std::string() : names.of(id) + "\n" + core::mask_id_number(id); };
    for (const auto& [f, cases] : report.findings) {
        std::string joined;
        for (const auto& c : cases) joined += (joined.empty() ? "" : "、") + c;
        d.tables["findings"].push_back({{"time", core::china_text(core::Instant{f.time}, core::ChinaFormat::seconds)},
                                        {"setl_id", f.setl_id},
                                        {"user", person(f.user_id)},
                                        {"authorizer", f.authorizer_id.empty() ? "—" : person(f.authorizer_id)},
                                        {"amount", core::format_yuan(f.amount_fen)},
                                        {"label", finding_label(f.code)},
                                        {"message", f.message},
                                        {"cases", joined.empty() ? "无" : joined}});
    }
}


int print_supervision(Workspace& ws, const Actor& actor, const SupervisionReport& report, const std::string& pdf_path) {
    auto doc = start_document(ws, actor, Paper::supervision);
    supervision_fields(ws, report, doc.data, doc.subject);
    return print_prepared(ws, actor, Paper::supervision, doc, pdf_path);
}

void export_supervision(Workspace& ws, const Actor& actor, const SupervisionReport& report, const std::string& xlsx_path) {
    using reports::SheetCell;
    const std::string period = report.from.to_string() + " 至 " + report.to.to_string();
    reports::Sheet counts{"问题统计", "共济支付核查 " + period + "：核查结算 " + std::to_string(report.checked) + " 笔",
                          {"问题类型", "代码", "条数"}, {28, 26, 10}, {}};
    for (const auto& [code, count] : report.by_code)
        counts.rows.push_back({SheetCell::of_text(finding_label(code)), SheetCell::of_text(code), SheetCell::of_count(count)});
    reports::Sheet list{"问题明细", "共济支付核查 " + period + "（身份证号码已脱敏）",
                        {"结算时间", "结算编号", "使用人", "使用人身份证号", "共济账户", "共济账户身份证号", "金额（元）",
                         "问题类型", "代码", "说明", "共济关系编号", "此前的办件"},
                        {20, 24, 10, 22, 10, 22, 12, 22, 22, 50, 10, 30},
                        {}};
    Names names(ws);
    auto name = [&](const std::string& id) { return id.empty() ? std::string() : names.of(id); };
    for (const auto& [f, cases] : report.findings) {
        std::string joined;
        for (const auto& c : cases) joined += (joined.empty() ? "" : "、") + c;
        const auto time = core::china_text(core::Instant{f.time}, core::ChinaFormat::seconds);
        list.rows.push_back({SheetCell::of_text(time), SheetCell::of_text(f.setl_id),
                             SheetCell::of_text(name(f.user_id)), SheetCell::of_text(core::mask_id_number(f.user_id)),
                             SheetCell::of_text(name(f.authorizer_id)),
                             SheetCell::of_text(f.authorizer_id.empty() ? "" : core::mask_id_number(f.authorizer_id)),
                             SheetCell::of_fen(f.amount_fen), SheetCell::of_text(finding_label(f.code)),
                             SheetCell::of_text(f.code), SheetCell::of_text(f.message),
                             f.binding_id ? SheetCell::of_count(*f.binding_id) : SheetCell::of_text(""),
                             SheetCell::of_text(joined)});
    }
    write_and_record(ws, actor, "supervision", report.from.to_string() + "/" + report.to.to_string(), {counts, list},
                     xlsx_path);
}

void stats_fields(Workspace&, const MonthlyFigures& f, reports::ReportData& d, std::string& subject) {
    const auto month = f.month_text();
    subject = month;
    d.fields["month"] = month;
    d.fields["from"] = f.first.to_string();
    d.fields["to"] = f.last.to_string();
    long long submitted = 0;
    for (const auto& c : f.cases_by_kind) {
        submitted += c.submitted;
        d.tables["kinds"].push_back({{"kind", kind_label(c.kind)},
                                     {"submitted", std::to_string(c.submitted)},
                                     {"approved", std::to_string(c.approved)},
                                     {"rejected", std::to_string(c.rejected)},
                                     {"withdrawn", std::to_string(c.withdrawn)},
                                     {"waiting", std::to_string(c.waiting)}});
    }
    d.fields["cases"] = std::to_string(submitted);
    for (const auto& [window, n] : f.cases_by_window) d.tables["windows"].push_back({{"name", window}, {"count", std::to_string(n)}});
    for (const auto& [clerk, n] : f.cases_by_clerk) d.tables["clerks"].push_back({{"name", clerk}, {"count", std::to_string(n)}});
    d.fields["decided"] = std::to_string(f.decision_hours.decided);
    d.fields["any_decided"] = f.decision_hours.decided ? "是" : "";
    d.fields["mean_hours"] = hours_text(f.decision_hours.mean);
    d.fields["median_hours"] = hours_text(f.decision_hours.median);
    d.fields["p90_hours"] = hours_text(f.decision_hours.p90);
    d.fields["time_limit_promised"] = f.time_limits.promised ? "是" : "";
    d.fields["decided_in_time"] = std::to_string(f.time_limits.in_time);
    d.fields["decided_late"] = std::to_string(f.time_limits.late);
    long long made = 0, ended = 0;
    for (const auto& b : f.bindings_by_category) made += b.made, ended += b.ended;
    d.fields["bindings_made"] = std::to_string(made);
    d.fields["bindings_ended"] = std::to_string(ended);
    for (const auto& b : f.bindings_by_category)
        d.tables["categories"].push_back({{"label", b.label}, {"made", std::to_string(b.made)}, {"ended", std::to_string(b.ended)}});
    for (const auto& b : f.bindings_by_region)
        d.tables["regions"].push_back(
            {{"label", b.label + "（" + b.key + "）"}, {"made", std::to_string(b.made)}, {"ended", std::to_string(b.ended)}});
    for (const auto& m : f.mutual_aid_by_use)
        d.tables["uses"].push_back({{"label", use_label(m.use)},
                                    {"count", std::to_string(m.count)},
                                    {"split", core::format_yuan(m.split_fen)},
                                    {"recorded", core::format_yuan(m.recorded_fen)},
                                    {"amount", core::format_yuan(m.total_fen())}});
    for (const auto& [day, fen] : f.mutual_aid_by_day)
        d.tables["days"].push_back({{"day", std::to_string(day.day)}, {"amount", core::format_yuan(fen)}});
    d.fields["mutual_aid"] = core::format_yuan(f.mutual_aid_fen);
    d.fields["payments"] = std::to_string(f.mutual_aid_count);
    d.fields["any_cases"] = f.cases_by_kind.empty() ? "" : "是";
    d.fields["any_bindings"] = f.bindings_by_category.empty() ? "" : "是";
    d.fields["any_money"] = f.mutual_aid_by_use.empty() ? "" : "是";
}

int print_stats(Workspace& ws, const Actor& actor, const MonthlyFigures& figures, const std::string& pdf_path) {
    auto doc = start_document(ws, actor, Paper::stats);
    stats_fields(ws, figures, doc.data, doc.subject);
    return print_prepared(ws, actor, Paper::stats, doc, pdf_path);
}

void export_stats(Workspace& ws, const Actor& actor, const MonthlyFigures& f, const std::string& xlsx_path) {
    using reports::SheetCell;
    const auto month = f.month_text();
    const std::string period = month + "（" + f.first.to_string() + " 至 " + f.last.to_string() + "）";
    reports::Sheet kinds{"办件", "受理办件 " + period, {"业务类型", "受理", "通过", "驳回", "撤回", "待审核"}, {16, 10, 10, 10, 10, 10}, {}};
    for (const auto& c : f.cases_by_kind)
        kinds.rows.push_back({SheetCell::of_text(kind_label(c.kind)), SheetCell::of_count(c.submitted),
                              SheetCell::of_count(c.approved), SheetCell::of_count(c.rejected),
                              SheetCell::of_count(c.withdrawn), SheetCell::of_count(c.waiting)});
    reports::Sheet people{"窗口与经办人", "受理办件 " + period + "，按窗口与经办人", {"窗口或经办人", "类别", "受理"}, {24, 10, 10}, {}};
    for (const auto& [w, n] : f.cases_by_window)  // an online channel is no window
        people.rows.push_back({SheetCell::of_text(w), SheetCell::of_text(w.rfind("网上（", 0) == 0 ? "网上渠道" : "窗口"),
                               SheetCell::of_count(n)});
    for (const auto& [c, n] : f.cases_by_clerk)
        people.rows.push_back({SheetCell::of_text(c), SheetCell::of_text("经办人"), SheetCell::of_count(n)});
    reports::Sheet bindings{"共济关系", "建立与终止的共济关系 " + period, {"分组", "关系类别或授权人参保地", "建立", "终止"},
                            {12, 26, 10, 10}, {}};
    for (const auto& b : f.bindings_by_category)
        bindings.rows.push_back({SheetCell::of_text("关系类别"), SheetCell::of_text(b.label), SheetCell::of_count(b.made),
                                 SheetCell::of_count(b.ended)});
    for (const auto& b : f.bindings_by_region)
        bindings.rows.push_back({SheetCell::of_text("参保地"), SheetCell::of_text(b.label + "（" + b.key + "）"),
                                 SheetCell::of_count(b.made), SheetCell::of_count(b.ended)});
    reports::Sheet uses{"共济金额", "共济支付金额 " + period + "，按用途", {"用途", "笔数", "本系统分摊（元）", "平台记录（元）", "合计（元）"},
                        {16, 10, 16, 16, 16}, {}};
    for (const auto& m : f.mutual_aid_by_use)
        uses.rows.push_back({SheetCell::of_text(use_label(m.use)), SheetCell::of_count(m.count), SheetCell::of_fen(m.split_fen),
                             SheetCell::of_fen(m.recorded_fen), SheetCell::of_fen(m.total_fen())});
    reports::Sheet days{"按日", "共济支付金额 " + period + "，按日", {"日期", "金额（元）"}, {14, 16}, {}};
    for (const auto& [day, fen] : f.mutual_aid_by_day)
        days.rows.push_back({SheetCell::of_text(day.to_string()), SheetCell::of_fen(fen)});
    // 办结时限: decisions within the promised working days and after them, and the hours they took.
    reports::Sheet limits{"办结时限", "审核办结 " + period + "（按工作日历，补正期间不计）", {"项目", "数值"}, {30, 12}, {}};
    if (f.time_limits.promised) {
        limits.rows.push_back({SheetCell::of_text("时限内办结"), SheetCell::of_count(f.time_limits.in_time)});
        limits.rows.push_back({SheetCell::of_text("超期办结"), SheetCell::of_count(f.time_limits.late)});
    } else {
        limits.rows.push_back({SheetCell::of_text("未设定办结时限（processing_days）"), SheetCell::of_text("")});
    }
    limits.rows.push_back({SheetCell::of_text("审核办结件数"), SheetCell::of_count(f.decision_hours.decided)});
    if (f.decision_hours.decided) {
        limits.rows.push_back({SheetCell::of_text("平均用时（小时）"), SheetCell::of_text(hours_text(f.decision_hours.mean))});
        limits.rows.push_back({SheetCell::of_text("中位用时（小时）"), SheetCell::of_text(hours_text(f.decision_hours.median))});
        limits.rows.push_back({SheetCell::of_text("90% 办件用时（小时）"), SheetCell::of_text(hours_text(f.decision_hours.p90))});
    }
    // 好差评: each window's and clerk's ratings, and the follow-ups of the 差评.
    const auto& sat = f.satisfaction;
    reports::Sheet ratings{"好差评", "服务评价 " + period + "（首次评价）", {"窗口或经办人", "类别", "评价数", "好评", "差评", "平均分"},
                           {24, 10, 10, 10, 10, 10}, {}};
    for (const auto& r : sat.rows) {
        char mean[16];
        std::snprintf(mean, sizeof mean, "%.2f", r.mean);
        ratings.rows.push_back({SheetCell::of_text(r.who), SheetCell::of_text(r.window ? "窗口" : "经办人"),
                                SheetCell::of_count(r.ratings), SheetCell::of_count(r.good), SheetCell::of_count(r.bad),
                                SheetCell::of_text(mean)});
    }
    const auto& fu = sat.follow_ups;
    for (const auto& [label, n] : std::vector<std::pair<std::string, long long>>{
             {"差评整改：本月开启", fu.opened}, {"1 个工作日内联系", fu.contacted_in_time}, {"超期联系", fu.contacted_late},
             {"15 个工作日内办结", fu.settled_in_time}, {"超期办结", fu.settled_late}, {"办理中", fu.pending}})
        ratings.rows.push_back({SheetCell::of_text(label), SheetCell::of_text("整改"), SheetCell::of_count(n), SheetCell::of_text(""),
                                SheetCell::of_text(""), SheetCell::of_text("")});
    write_and_record(ws, actor, "stats", month, {kinds, people, bindings, uses, days, limits, ratings}, xlsx_path);
}

}  // namespace gongji::app
