# 共济支付核查结果 — the recorded mutual-aid payments that disagree with the binding register or
# the rules in force at their time (基金监管, domain.md §8), for the fund-supervision staff.
title 职工医保个人账户共济支付核查结果
field 核查期间 | {from} 至 {to}
field 核查结算 | {checked} 笔（医保信息平台结算记录）
field 发现问题 | {count} 条
if any
table codes
column 问题类型 | {label} | 80
column 代码 | {code} | 60
column 条数 | {count} | 34 | right
end
table findings
column 结算时间 / 编号 | {time} {setl_id} | 30
column 使用人 | {user} | 34
column 共济账户 | {authorizer} | 34
column 金额 | {amount} | 18 | right
column 问题 / 关联办件 | {label}：{message}（办件：{cases}） | 58
end
endif
text 身份证号码已作脱敏处理，金额单位为元。
