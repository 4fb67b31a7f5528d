# 审核结果通知书 — the outcome of the review.
title 家庭共济审核结果通知书
field 办件编号 | {case}
field 授权人 | {authorizer_name}（{authorizer_id}）
field 使用人 | {user_name}（{user_id}）
field 关系 | {relation_name}
field 审核结果 | {status_label}
field 审核时间 | {decided_at}
if approved
text 经审核，上述共济申请符合规定，共济关系自 {decided_at} 起生效。使用人就医购药时可按规定使用授权人的个人账户资金。
endif
if rejected
field 驳回原因 | {reason_label}
field 说明 | {note}
text 经审核，上述共济申请未予通过。补齐材料后可重新申请，新申请请注明本办件编号。
endif
