# 窗口日报 — a clerk's cases of one day, by kind and outcome.
title 家庭共济窗口业务日报
field 经办人 | {clerk}
field 日期 | {date}
table kinds
column 业务类型 | {kind} | 40
column 受理 | {submitted} | 24 | right
column 通过 | {approved} | 24 | right
column 驳回 | {rejected} | 24 | right
column 撤回 | {withdrawn} | 24 | right
column 待审核 | {pending} | 24 | right
end
field 合计受理 | {total} 件
field 账实核对 | {state}
table anchors
column 审计锚点（打印后妥善保存，用于核验审计日志是否被删改） | {anchor} | 160
end
