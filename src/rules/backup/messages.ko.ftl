# Korean finding messages of the `backup` rules: the ids and variables of messages.en.ftl,
# in its order.

backup-plan-retention-lifecycle = 백업 계획 `{ $plan }`: 규칙 `{ $name }`에 Lifecycle이 없음
backup-plan-retention-deletes-recovery = 백업 계획 `{ $plan }`: 규칙 `{ $name }`이(가) 복구 시점을 { $d }일 후에 삭제함
