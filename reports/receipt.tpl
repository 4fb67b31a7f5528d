# 受理回执 — given to the citizen when a case is submitted.
title 家庭共济业务受理回执
qrcode {case}
field 办件编号 | {case}
field 业务类型 | {kind_label}
field 办理状态 | {status_label}
field 授权人 | {authorizer_name}（{authorizer_id}）
field 使用人 | {user_name}（{user_id}）
field 关系 | {relation_name}
field 受理时间 | {submitted_at}
field 受理窗口 | {workstation}
field 受理经办人 | {clerk}
if processing_time
field 承诺办结时限 | {processing_time}
endif
if agency_phone
field 咨询电话 | {agency_phone}
endif
heading 已收材料
list documents
item {document}
end
text 凭本回执及办件编号可查询办理进度。审核结果将以《审核结果通知书》告知。
