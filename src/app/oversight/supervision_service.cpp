#include "app/oversight/supervision_service.h"

#include <map>
#include <set>
#include <utility>

#include "app/trust/audit.h"
#include "app/platform/errors.h"
#include "app/money/settlement_register.h"
#include "app/platform/stores.h"
#include "core/instant.h"
#include "core/json_writer.h"

namespace gongji::app {

SupervisionReport supervise(Workspace& ws, const Actor& actor, const core::CivilDate& from, const core::CivilDate& to) {
    require_role(actor, {core::Role::supervisor, core::Role::admin});
    require_period(from, to);
    const auto start = core::format_utc(core::china_day_start(from));
    const auto end = core::format_utc(core::china_day_start(core::CivilDate::from_days_since_epoch(to.days_since_epoch() + 1)));

    SupervisionReport report;
    report.from = from;
    report.to = to;
    BindingRegister register_(ws);
    AccountBook accounts(ws);
    accounts.preload();  // who has an account, and where: a quota depends on both regions
    auto region_of = [&](const std::string& id) {
        const auto* a = accounts.find(id);
        return a ? a->region : std::string();
    };
    stores(ws).recorded.for_each(start, end, [&](storage::RecordedRepository::Row&& row) {
        const auto& s = row.settlement;
        ++report.checked;
        const auto* user = accounts.find(s.user_id);
        auto then = register_.at(s.user_id, user && user->has_own_account(), s.time, region_of);
        for (auto& f : core::judge_recorded(s, then)) {
            ++report.by_code[f.code];
            report.findings.push_back({std::move(f), {}});
        }
    });
    // The cases behind each finding: those of its pair opened by the settlement's time (a case
    // opened afterwards cannot explain it), for all of them at once.
    std::set<std::string> users;
    for (const auto& f : report.findings)
        if (!f.finding.authorizer_id.empty()) users.insert(f.finding.user_id);
    auto cases = stores(ws).cases.numbers_for_users({users.begin(), users.end()});
    for (auto& f : report.findings)
        if (auto it = cases.find({f.finding.authorizer_id, f.finding.user_id}); it != cases.end()) {
            const auto by = core::format_utc(f.finding.time);
            for (const auto& [number, opened] : it->second)
                if (opened <= by) f.cases.push_back(number);
        }

    core::JsonWriter detail;
    detail.begin_object()
        .key("what").value("supervision")
        .key("from").value(from.to_string())
        .key("to").value(to.to_string())
        .key("checked").value(report.checked)
        .key("findings").value(static_cast<long long>(report.findings.size()))
        .end_object();
    audit(ws, {actor.username, actor.workstation}, "supervision.check", "settlement", from.to_string() + "/" + to.to_string(),
          "", detail.str());
    return report;
}

std::string finding_label(const std::string& code) {
    static const std::map<std::string, std::string> labels = {
        {"no_binding", "无共济关系仍支付"},
        {"binding_ended", "共济关系终止后仍支付"},
        {"legacy_binding", "待续签的旧关系仍支付"},
        {"use_not_allowed", "用途不在共济范围"},
        {"order_skipped", "未按扣款顺序"},
        {"own_not_first", "未先用本人账户"},
        {"over_balance", "超过账户余额"},
        {"quota_exceeded", "超过预留额度"},
        {"amounts_do_not_add_up", "分项金额不等于个人负担"},
    };
    auto it = labels.find(code);
    return it == labels.end() ? code : it->second;
}

}  // namespace gongji::app
