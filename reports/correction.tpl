# 补正告知书 — every paper missing or unclear, told at once (一次性告知), and the day to bring them by.
title 家庭共济申请材料补正告知书
field 办件编号 | {case}
if apply_no
field 网上办件号 | {apply_no}
endif
field 授权人 | {authorizer_name}（{authorizer_id}）
field 使用人 | {user_name}（{user_id}）
field 关系 | {relation_name}
field 告知时间 | {correction_asked_at}
field 补正期限 | {correction_due}前（含当日）
heading 需补正的全部材料
list missing
item {document}
end
if correction_note
field 说明 | {correction_note}
endif
text 请在补正期限内到受理窗口补交，或在原申请渠道上传上述全部材料。补正期间不计入办理时限；逾期未补正的，视为撤回申请。
if agency_phone
field 咨询电话 | {agency_phone}
endif
