# Korean finding messages of the `logs` rules: the ids and variables of messages.en.ftl,
# in its order.

log-group-kms-kmskeyid = 로그 그룹 `{ $group }`에 KmsKeyId가 없음
log-group-retention-short-keeps-events = 로그 그룹 `{ $group }`에서 이벤트를 { $d }일 동안 보존함({ $min_retention_days }일 미만)
metric-filter-without-alarm-template-watches = 지표 필터 `{ $filter }`이(가) 지표 `{ $name }`에 데이터를 보내지만 템플릿의 어떤 경보도 이 지표를 감시하지 않음
