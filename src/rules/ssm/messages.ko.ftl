# Korean finding messages of the `ssm` rules: the ids and variables of messages.en.ftl,
# in its order.

ssm-secret-in-plain-parameter-looks-like = SSM 파라미터 `{ $parameter }`이(가) 시크릿으로 보이지만 일반 { $kind } 유형임
