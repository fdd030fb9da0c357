# Korean finding messages of the `config` rules: the ids and variables of messages.en.ftl,
# in its order.

config-recorder-partial-records-only = 구성 레코더 `{ $recorder }`에서 지정된 리소스 유형 목록만 기록함
config-recorder-partial-record-global = 구성 레코더 `{ $recorder }`에서 글로벌 리소스 유형(IAM)을 기록하지 않음
