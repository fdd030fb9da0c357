# Korean finding messages of the `secretsmanager` rules: the ids and variables of messages.en.ftl,
# in its order.

secret-without-rotation-schedule-template = 보안 암호 `{ $secret }`에 교체 일정이 없음
