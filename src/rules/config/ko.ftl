# PAL-CONFIG-001
config-recorder-partial = AWS Config 구성 레코더가 모든 리소스 유형을 기록하지 않음
    .description = 구성 기록은 보안 그룹이 언제 개방되었는지, 버킷 정책이 언제 변경되었는지를 보여 주며, Config 규칙과 Security Hub 제어가 평가하는 대상입니다. 유형 목록으로 제한된 구성 레코더나 글로벌 리소스 유형을 제외한 구성 레코더는 그 밖의 모든 리소스, 특히 IAM의 변경 사항을 놓칩니다. `RecordingGroup`이 없는 구성 레코더는 지원되는 모든 리전 리소스 유형을 기록하지만 글로벌 리소스 유형은 기록하지 않습니다.
    .remediation = 구성 레코더에 `RecordingGroup: {"{"}AllSupported: true, IncludeGlobalResourceTypes: true{"}"}`를 지정하고(IAM 사용자, 역할, 정책과 같은 글로벌 유형은 한 리전에서 기록해야 합니다), `AWS::Config::DeliveryChannel`을 추가하십시오.
