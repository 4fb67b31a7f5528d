# 送达回执 — the decision handed to the applicant, signed for.
title 送达回执
field 办件编号 | {case}
if apply_no
field 网上办件号 | {apply_no}
endif
field 送达文书 | 《{delivered_paper}》
field 受送达人 | {authorizer_name}（{authorizer_id}）
field 使用人 | {user_name}（{user_id}）
field 办理结果 | {status_label}
if delivered_at
field 送达时间 | {delivered_at}
field 送达方式 | {delivered_how}
endif
text 本人已收到上述文书。
text 受送达人（签名）：＿＿＿＿＿＿＿＿　　日期：＿＿＿＿年＿＿月＿＿日
