# PAL-SECRETSMANAGER-001
secret-without-rotation = Secrets Manager 보안 암호가 교체되지 않음
    .description = 변경되지 않는 자격 증명은 로그, 노트북, 퇴사자의 메모 등 어디에 유출되었든 유출된 기간 내내 유효합니다. 교체는 그 기간을 제한하고, 애플리케이션이 사본을 보관하지 않고 Secrets Manager에서 보안 암호를 읽는다는 것을 입증합니다. 이 규칙은 같은 템플릿에서 교체 일정을 찾습니다. 대상 보안 암호를 결정할 수 없는 일정이 있으면 보고하지 않습니다.
    .remediation = `SecretId: !Ref TheSecret`, `RotationLambdaARN`(RDS, Redshift, DocumentDB 자격 증명에는 `HostedRotationLambda`), `RotationRules: {"{"}ScheduleExpression: rate(30 days){"}"}`를 지정한 `AWS::SecretsManager::RotationSchedule`을 추가하십시오. RDS 마스터 암호의 경우 `ManageMasterUserPassword: true`를 설정하면 RDS가 대신 교체합니다.
