# PAL-GUARDDUTY-001
guardduty-detector-disabled = GuardDuty 탐지기가 비활성화된 상태로 생성됨
    .description = GuardDuty는 CloudTrail, VPC 흐름 로그, DNS 로그를 분석하여 침해 징후(자격 증명 유출, 암호화폐 채굴, 알려진 악성 호스트로부터의 호출)를 찾습니다. `Enable: false`인 탐지기는 존재하지만 아무것도 분석하지 않습니다.
    .remediation = 탐지기에 `Enable: true`를 설정하십시오(결과를 더 빨리 확인하려면 `FindingPublishingFrequency: FIFTEEN_MINUTES`도 설정하십시오).

# PAL-GUARDDUTY-002
guardduty-protection-disabled = GuardDuty 보호 기능이 꺼져 있음
    .description = GuardDuty의 보호 플랜은 S3 데이터 액세스, EKS 감사 로그, 컨테이너와 인스턴스의 런타임 동작, EBS 볼륨의 맬웨어, RDS 로그인, Lambda 네트워크 활동까지 탐지 범위를 넓힙니다. `Status: DISABLED`로 나열된 기능은 의도적인 사각지대이므로 그 근거가 있어야 합니다.
    .remediation = 해당 기능(`S3_DATA_EVENTS`, `EKS_AUDIT_LOGS`, `RUNTIME_MONITORING`, `EBS_MALWARE_PROTECTION`, `RDS_LOGIN_EVENTS`, `LAMBDA_NETWORK_LOGS`)에 `Status: ENABLED`를 설정하거나, 계정에서 해당 기능이 보호하는 서비스를 사용하지 않는다면 항목을 제거하십시오.
