# Korean finding messages of the `kms` rules: the ids and variables of messages.en.ftl,
# in its order.

kms-key-policy-public-restricting-condition = KMS 키 `{ $key }`의 키 정책에서 제한 조건 없이 모든 사용자(`*`)에게 { $describe_actions } 허용
kms-key-rotation-set-enablekeyrotation = KMS 키 `{ $key }`에 EnableKeyRotation 설정이 없음(기본값 false)
kms-key-rotation-sets-enablekeyrotation = KMS 키 `{ $key }`에서 EnableKeyRotation을 false로 설정함
kms-actions-undecided = 판정할 수 없는 작업
kms-all-actions = 모든 KMS 작업(키 정책 변경과 키 삭제 예약을 포함하는 `kms:*`)
kms-every-action-except = { $actions }을(를) 제외한 모든 작업
kms-no-action = 작업 없음
