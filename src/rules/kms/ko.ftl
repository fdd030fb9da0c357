# PAL-KMS-001
kms-key-rotation = KMS 키가 키 구성 요소를 교체하지 않음
    .description = 자동 교체를 사용하면 KMS가 매년(또는 선택한 주기마다) 새 키 구성 요소를 생성하고, 기존 데이터를 복호화할 수 있도록 이전 키 구성 요소를 보관하므로 데이터를 다시 암호화하거나 애플리케이션을 변경할 필요가 없습니다. 교체는 하나의 키 구성 요소에 의존하는 데이터의 양을 제한하며, 대부분의 규정 준수 프레임워크에서 요구합니다. `EnableKeyRotation`의 기본값은 `false`입니다. 비대칭 키, HMAC 키, 가져온 키 구성 요소를 사용하는 키, 사용자 지정 키 스토어의 키는 자동으로 교체할 수 없으므로 보고하지 않습니다.
    .remediation = `AWS::KMS::Key`에 `EnableKeyRotation: true`를 설정하십시오(선택적으로 `RotationPeriodInDays`를 90에서 2560 사이로 지정, 기본값 365).

# PAL-KMS-002
kms-key-policy-public = KMS 키 정책이 모든 사용자에게 액세스를 허용함
    .description = 키 정책은 KMS 키에 대한 기본 제어 수단입니다. 호출자의 계정, 조직 또는 네트워크를 제한하는 조건 없이 `*`(또는 `{"{"}"AWS": "*"{"}"}`)를 허용하는 문은 전 세계 모든 AWS 계정이 나열된 작업에 키를 사용할 수 있게 합니다. `kms:Decrypt`가 포함되면 이 키로 암호화된 모든 데이터가 암호문을 손에 넣은 누구에게나 노출되며, `kms:*`가 포함되면 누구나 정책을 변경하거나 키 삭제를 예약하여 데이터를 파괴할 수도 있습니다. `kms:ViaService`만으로는 호출자를 제한하지 못합니다.
    .remediation = 키가 필요한 보안 주체를 지정하거나(IAM 정책이 결정하도록 계정 루트 `arn:aws:iam::${"{"}AWS::AccountId{"}"}:root`와 특정 역할), `Principal: "*"`는 계정 또는 조직으로 제한하는 조건과 함께일 때만 유지하십시오. 예: `StringEquals: {"{"}kms:CallerAccount: !Ref AWS::AccountId{"}"}`(특정 서비스를 통해서만 사용을 허용하려면 `kms:ViaService`와 함께) 또는 `aws:PrincipalOrgID`.
