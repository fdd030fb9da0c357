# PAL-LOGS-001
log-group-retention-short = 로그 그룹이 이벤트를 1년 미만으로 보존함
    .description = 침입은 시작된 지 몇 달 후에야 발견되는 경우가 많습니다. 며칠이나 몇 주 후에 만료되는 보안 관련 로그(추적 이벤트, 흐름 로그, 애플리케이션 감사 로그)는 조사에 필요할 때 이미 사라진 상태입니다. `RetentionInDays`가 없는 그룹은 이벤트를 영구히 보존하므로 보고하지 않습니다.
    .remediation = `RetentionInDays`를 365 이상(또는 보존 정책이 요구하는 값)으로 설정하거나, 충분히 오래 이벤트를 보관하는 수명 주기를 적용하여 그룹을 S3로 내보내십시오.

# PAL-LOGS-002
log-group-kms = 로그 그룹이 KMS 키로 암호화되지 않음
    .description = CloudWatch Logs는 항상 서비스 키로 데이터를 암호화합니다. 고객 관리형 키를 사용하면 이벤트를 읽을 수 있는 사람에 대한 통제(모든 읽기에서 `kms:Decrypt`를 확인), 키 사용에 대한 감사 추적, 그리고 키를 비활성화하여 로그를 읽을 수 없게 만드는 기능이 추가됩니다.
    .remediation = `KmsKeyId`를 고객 관리형 키의 ARN(`!GetAtt LogsKey.Arn`)으로 설정하고, 해당 키 정책에서 `logs.<region>.amazonaws.com`이 이 로그 그룹에 키를 사용하도록 허용하십시오.

# PAL-LOGS-003
metric-filter-without-alarm = 지표 필터에 대한 경보가 템플릿에 없음
    .description = 지표 필터는 일치하는 로그 이벤트의 수를 셀 뿐이며, 경보가 지표를 감시하지 않으면 아무에게도 알리지 않습니다. 루트 로그인이나 IAM 정책 변경에 대한 필터가 경보 없이 있으면 모니터링처럼 보이지만 아무에게도 경고하지 않습니다. 지표 이름을 결정할 수 없는 필터는 보고하지 않습니다.
    .remediation = 필터의 지표에 대한 `AWS::CloudWatch::Alarm`(같은 `MetricName`과 `Namespace`, `Statistic: Sum`, `Threshold: 1`, `ComparisonOperator: GreaterThanOrEqualToThreshold`)을 추가하고, `AlarmActions`에 당직 담당자에게 전달되는 SNS 주제를 지정하십시오.
