# 解绑通知书 — a binding has ended.
title 家庭共济关系解除通知书
field 办件编号 | {case}
field 授权人 | {authorizer_name}（{authorizer_id}）
field 使用人 | {user_name}（{user_id}）
field 关系 | {relation_name}
field 解除原因 | {reason_label}
field 解除时间 | {decided_at}
text 上述共济关系已于 {decided_at} 解除，自解除之时起授权人的个人账户不再为使用人支付费用。
text 解除前已共济使用的个人账户资金不予退回。
