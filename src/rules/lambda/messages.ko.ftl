# Korean finding messages of the `lambda` rules: the ids and variables of messages.en.ftl,
# in its order.

lambda-deprecated-runtime-function-uses = 함수 `{ $function }`에서 { $date }부터 지원 중단된 런타임 { $rt }을(를) 사용함
lambda-permission-without-source-lets-invoke = 권한 `{ $permission }`: `SourceArn`이나 `SourceAccount` 없이 { $who }이(가) 함수를 호출할 수 있음: 모든 계정의 리소스가 함수를 트리거할 수 있음
