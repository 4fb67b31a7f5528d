# 不予受理通知书 — an application not taken up, with the reason and the applicant's rights.
title 家庭共济申请不予受理通知书
field 办件编号 | {case}
if apply_no
field 网上办件号 | {apply_no}
endif
field 申请渠道 | {channel_label}
field 申请时间 | {applied_at}
field 授权人 | {authorizer_name}（{authorizer_id}）
field 使用人 | {user_name}（{user_id}）
field 关系 | {relation_name}
field 不予受理原因 | {reason_label}
if note
field 说明 | {note}
endif
field 决定时间 | {decided_at}
text 经审查，上述申请不予受理。申请人具备条件后可重新提出申请；对本决定不服的，可依法申请行政复议或者提起行政诉讼。
if agency_phone
field 咨询电话 | {agency_phone}
endif
