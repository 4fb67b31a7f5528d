# 共济使用明细 — the settlements of a person and period, with every account that paid.
title 职工医保个人账户共济使用明细
field 查询对象 | {subject_role}：{subject_name}（{subject_id}）
field 统计期间 | {from} 至 {to}
table rows
column 结算时间 / 编号 | {time} {setl_id}{note} | 30
column 使用人 | {user} | 15
column 机构（用途） | {institution}（{use}） | 38
column 金额 | {amount} | 17 | right
column 本人账户 / 余额 | {own} | 24 | right
column 共济账户 / 余额 | {mutual_aid} | 34 | right
column 现金 | {cash} | 16 | right
end
field 合计金额 | {total_amount} 元
field 本人账户支付 | {total_own} 元
field 共济账户支付 | {total_mutual_aid} 元
field 现金支付 | {total_cash} 元
text 共 {count} 笔，金额单位为元。身份证号码已作脱敏处理。
