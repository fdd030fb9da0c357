# PAL-CLOUDTRAIL-001
cloudtrail-multi-region = CloudTrail 추적이 모든 리전과 글로벌 서비스를 포함하지 않음
    .description = 단일 리전 추적은 다른 리전에서 일어나는 일을 전혀 기록하지 않습니다. 자격 증명을 탈취한 공격자는 일반적으로 아무도 모니터링하지 않는 리전에서 리소스를 시작하며, 다중 리전 추적이 없으면 그 기록이 남지 않습니다. 글로벌 서비스 이벤트를 끄면 대부분의 사고의 핵심인 IAM 및 STS 호출(사용자 생성, 정책 변경, 역할 수임)이 기록되지 않습니다. `IsMultiRegionTrail`의 기본값은 `false`입니다.
    .remediation = `IsMultiRegionTrail: true`를 설정하고 `IncludeGlobalServiceEvents: true`(기본값)를 유지하여, 하나의 추적이 사용하지 않는 리전과 이벤트가 us-east-1로 전송되는 글로벌 서비스(IAM, STS, CloudFront)를 포함한 모든 리전의 API 활동을 기록하도록 하십시오.

# PAL-CLOUDTRAIL-002
cloudtrail-log-file-validation = CloudTrail 로그 파일 무결성 검증이 비활성화됨
    .description = 검증을 사용하지 않으면 전송된 로그 파일이 CloudTrail이 작성한 파일과 동일하다는 것을 입증할 방법이 없습니다. 로그 버킷에 대한 쓰기 권한을 가진 침입자는 자신의 행위에 대한 기록을 삭제하거나 수정할 수 있습니다. 다이제스트 파일은 모든 로그 파일의 SHA-256 해시를 연결하며 CloudTrail이 서명합니다. 이 속성의 기본값은 `false`입니다.
    .remediation = 추적에 `EnableLogFileValidation: true`를 설정하십시오. 그러면 CloudTrail이 매시간 서명된 다이제스트 파일을 작성하며, `aws cloudtrail validate-logs`로 로그 파일의 변경 또는 삭제 여부를 검증할 수 있습니다.

# PAL-CLOUDTRAIL-003
cloudtrail-kms-encryption = CloudTrail 로그가 KMS 키로 암호화되지 않음
    .description = 기본적으로 추적 로그는 S3 관리형 키로 암호화되므로, 버킷을 읽을 수 있는 사람은 누구나 계정의 모든 API 호출이 기록된 로그를 읽을 수 있습니다. SSE-KMS를 사용하면 로그를 읽는 데 키에 대한 `kms:Decrypt` 권한, 즉 별도로 감사되는 두 번째 권한이 추가로 필요합니다.
    .remediation = `KMSKeyId`를 고객 관리형 KMS 키(`!Ref CloudTrailKey`)로 설정하고, 해당 키 정책에서 `cloudtrail.amazonaws.com`에는 암호화를, 보안 팀에만 복호화를 허용하십시오.

# PAL-CLOUDTRAIL-004
cloudtrail-cloudwatch-logs = CloudTrail 추적이 CloudWatch Logs로 이벤트를 전송하지 않음
    .description = S3에만 저장되는 로그는 사후에야 확인됩니다. 추적을 CloudWatch Logs로 전송해야 실시간 탐지가 가능합니다. 루트 로그인, IAM 정책 변경, 보안 그룹 변경, 실패한 API 호출에 대한 지표 필터와 경보는 모두 로그 그룹에 이벤트가 있어야 동작합니다.
    .remediation = `CloudWatchLogsLogGroupArn`(`!GetAtt TrailLogGroup.Arn`)과 `CloudWatchLogsRoleArn`(`cloudtrail.amazonaws.com`이 수임할 수 있고 해당 로그 그룹에 대해 `logs:CreateLogStream` 및 `logs:PutLogEvents` 권한을 가진 역할)을 설정한 다음, 대응해야 하는 이벤트에 대한 지표 필터와 경보를 추가하십시오.

# PAL-CLOUDTRAIL-005
cloudtrail-logging-off = CloudTrail 추적이 로깅 중지 상태로 생성됨
    .description = `IsLogging: false`는 추적을 생성하되 중지된 상태로 둡니다. 아무것도 기록되지 않지만 콘솔과 인벤토리에는 추적이 계속 표시되므로 모니터링 범위에 대한 잘못된 안도감을 줍니다.
    .remediation = `IsLogging: true`를 설정하십시오.
