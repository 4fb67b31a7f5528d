# 承诺书 — the commitment letter both people sign at the window.
# Fields: see `gongji report --help`; {name} inserts a field, lines starting with # are comments.
title 职工医保个人账户家庭共济承诺书
if case
field 办件编号 | {case}
endif
field 授权人 | {authorizer_name}（{authorizer_id}）
field 使用人 | {user_name}（{user_id}）
field 关系 | 使用人是授权人的{relation_name}
field 适用政策 | {policy_title}
space 3
heading 本人郑重承诺：
text 一、上述授权人与使用人之间的亲属关系真实有效，所提供的证明材料真实、合法。
text 二、授权人自愿将本人职工医保个人账户资金授权给上述使用人共济使用，未受任何强迫。
text 三、共济使用的个人账户资金一经使用，不予退回。
text 四、使用人就医购药时使用本人医保凭证（社会保障卡或医保电子凭证），不得冒用他人凭证。
text 五、亲属关系发生变化（如离婚、死亡等）时，及时申请解除共济关系。
text 六、如有虚假承诺或提供虚假材料，本人愿承担由此产生的一切法律责任，并退回违规使用的医保基金。
space 6
signature 授权人签字
signature 使用人签字
if minor
signature 使用人监护人签字
endif
space 4
text 受理经办人：{clerk}　　受理日期：{application_date}
