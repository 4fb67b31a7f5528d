#include "cli/refusal_message.h"

#include "core/case_rules.h"
#include "core/documents.h"
#include "core/instant.h"

namespace gongji::cli {
namespace {

// "supervisor, admin" → "审核员、管理员"
std::string role_names(const std::string& codes) {
    std::string out;
    for (size_t start = 0; start <= codes.size();) {
        auto end = codes.find(", ", start);
        auto code = codes.substr(start, end == std::string::npos ? std::string::npos : end - start);
        auto name = code == "clerk"            ? "窗口受理员"
                    : code == "supervisor"     ? "审核员"
                    : code == "admin"          ? "管理员"
                    : code == "admin:system"   ? "系统管理员"
                    : code == "admin:security" ? "安全管理员"
                    : code == "admin:audit"    ? "审计管理员"
                                               : code;
        out += (out.empty() ? "" : "、") + std::string(name);
        if (end == std::string::npos) break;
        start = end + 2;
    }
    return out;
}

}  // namespace

std::string refusal_message(const app::Problem& p) {
    const auto& c = p.code;
    auto v = [&](const char* key) { return p.param(key); };
    if (c == "not_eligible") return "不符合共济条件";
    if (c == "authentication_failed") return "用户名或密码错误";
    if (c == "forbidden") {
        if (!v("disabled_user").empty()) return "用户“" + v("disabled_user") + "”已停用";
        if (!v("own_duty").empty()) return "不能更改本人的管理职责";
        return "角色“" + role_names(v("role")) + "”无权执行此操作（需要：" + role_names(v("needs")) + "）";
    }
    if (c == "locked") {
        if (!v("until").empty()) {
            auto until = core::parse_iso_instant(v("until"));
            const auto when = until ? core::format_china(*until) : v("until");
            if (v("where") == "everywhere") return "各窗口合计密码错误次数过多，账户在所有窗口已锁定至 " + when;
            return "密码错误次数过多，账户在本窗口已锁定至 " + when;
        }
        return "密码连续错误" + v("tries") + "次，账户锁定" + v("minutes") + "分钟";
    }
    if (c == "already_decided") {
        if (auto status = core::parse_case_status(v("status")))
            return "办件 " + v("case") + " 已是“" + core::case_status_label(*status) + "”状态";
        if (v("papers") == "closed") return "办件 " + v("case") + " 已处理，材料不能再更改";
        return "办件 " + v("case") + " 已由他人处理";
    }
    if (c == "duties_unstaffed")
        return std::string("三权分立须先有启用的") + (v("duty") == "audit" ? "审计管理员" : "安全管理员") +
               "（gongji user duty NAME security|audit）";
    if (c == "password_change_required")
        return std::string(v("reason") == "expired" ? "密码已超过机构规定的使用期限" : "密码由管理员设置") +
               "，请先用 gongji user passwd 设置本人密码";
    if (c == "four_eyes") return "不能审核本人受理的办件 " + v("case");
    if (c == "case_state") {
        auto status = core::parse_case_status(v("status"));
        return "办件 " + v("case") + " 处于“" + (status ? core::case_status_label(*status) : v("status")) + "”状态，不能执行此操作";
    }
    if (c == "password_not_changed")
        return v("username") + " 的密码未更改：管理员的密码须通过管理员数据库角色（gongji_admin）的连接更改";
    if (c == "not_online") return "办件 " + v("case") + " 为窗口受理，提交时即已受理：如需退件请用 case reject（驳回）或 case withdraw（撤回）";
    if (c == "correction_papers_missing") {
        auto type = core::parse_document_type(v("type"));
        return "办件 " + v("case") + " 告知补正的" + (type ? core::document_type_label(*type) : v("type")) + "尚未补交";
    }
    if (c == "apply_no_conflict") return "办件号 " + v("apply_no") + " 已以不同内容提交过（办件 " + v("case") + "）";
    if (c == "correction_once") return "办件 " + v("case") + " 已一次性告知过补正，不能再次要求补正";
    if (c == "already_delivered") return "办件 " + v("case") + " 的结果已送达";
    if (c == "apply_no_unknown") return "本渠道没有办件号为 " + v("apply_no") + " 的申请";
    if (c == "signature") return "请求签名无效";
    if (c == "already_rated") return "办件 " + v("apply_no") + " 已评价：仅差评整改后可再评价一次";
    if (c == "follow_up_already_rated") return "办件 " + v("apply_no") + " 整改后已再次评价";
    if (c == "follow_up_not_settled") return "办件 " + v("apply_no") + " 的差评整改尚未办结，办结后方可再次评价";
    if (c == "rated_before_first") return "办件 " + v("apply_no") + " 的再次评价时间早于首次评价";
    if (c == "service_not_finished") return "办件 " + v("case") + " 尚未受理，不能评价";
    if (c == "apply_no_ambiguous") return v("apply_no") + " 是两个渠道的申请编号：评价须经其渠道接口回传";
    if (c == "no_follow_up") return "办件 " + v("apply_no") + " 没有待办的差评整改";
    if (c == "already_contacted") return "办件 " + v("apply_no") + " 已联系过群众；请登记整改办结（rating settled）";
    if (c == "rating_template_missing") return "尚未设置好差评系统地址：请管理员设置 rating_url_template";
    if (c == "not_a_backup") return "不是经过核验的备份，数据库未改动：" + v("why");
    if (c == "backup_unverified") return "备份未通过核验，已删除：" + v("why");
    if (c == "last_admin") {
        const std::string duty = v("duty").empty() ? "" : role_names("admin:" + v("duty"));
        return v("username") + " 是最后一个" + (duty.empty() ? "管理员" : duty) + "：请先让另一个管理员担任此职，再停用此账户";
    }
    if (c == "ocr_mismatch")
        return "身份证扫描件“" + v("file") + "”上识别出的号码 " + v("read") + " 与录入的号码不符；请核对后确认（--ack-ocr）再提交";
    if (c == "scan_failed") return v("why");
    if (c == "document_damaged")
        return "材料 " + v("document") + "（" + v("file") + "）的内容与采集时的 SHA-256 不符，不能作为有效材料显示";
    if (c == "cancelled") return "导入已取消，未保存任何数据";
    if (c == "insufficient_balance") return "授权人个人账户余额不足";
    if (!v("detail").empty()) return v("detail");  // the quota rules' own findings
    return c;
}

}  // namespace gongji::cli
