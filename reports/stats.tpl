# 月度统计 — the agency's figures of one month: cases, bindings and mutual-aid money, with charts.
title 职工医保个人账户家庭共济月度统计
field 统计月份 | {month}（{from} 至 {to}）
heading 一、受理办件
field 受理办件 | {cases} 件
if any_cases
table kinds
column 业务类型 | {kind} | 44
column 受理 | {submitted} | 26 | right
column 通过 | {approved} | 26 | right
column 驳回 | {rejected} | 26 | right
column 撤回 | {withdrawn} | 26 | right
column 待审核 | {waiting} | 26 | right
end
text 受理件数，按业务类型：
chart bar kinds | {kind} | {submitted} | 40
table windows
column 受理窗口 | {name} | 120
column 受理 | {count} | 54 | right
end
table clerks
column 经办人 | {name} | 120
column 受理 | {count} | 54 | right
end
endif
field 本月审结 | {decided} 件
if time_limit_promised
field 按时办结 | {decided_in_time} 件，超期办结 {decided_late} 件（按承诺工作日计，补正期间不计）
endif
if any_decided
field 受理至审结 | 平均 {mean_hours} 小时，中位数 {median_hours} 小时，90% 在 {p90_hours} 小时内
endif
heading 二、共济关系
field 建立 / 终止 | {bindings_made} 个 / {bindings_ended} 个
if any_bindings
table categories
column 关系类别 | {label} | 94
column 建立 | {made} | 40 | right
column 终止 | {ended} | 40 | right
end
text 本月建立的共济关系，按关系类别：
chart bar categories | {label} | {made} | 40
table regions
column 授权人参保地 | {label} | 94
column 建立 | {made} | 40 | right
column 终止 | {ended} | 40 | right
end
endif
heading 三、共济支付金额
field 共济支付 | {payments} 笔，{mutual_aid} 元
if any_money
table uses
column 用途 | {label} | 40
column 笔数 | {count} | 26 | right
column 本系统分摊 | {split} | 36 | right
column 平台记录 | {recorded} | 36 | right
column 合计 | {amount} | 36 | right
end
text 共济支付金额（元），按用途：
chart bar uses | {label} | {amount} | 45
text 按日共济支付金额（元）：
chart line days | {day} | {amount} | 45
endif
text 金额单位为元。本表不含个人身份信息。
