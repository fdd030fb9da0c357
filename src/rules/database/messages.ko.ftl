# Korean finding messages of the `database` rules: the ids and variables of messages.en.ftl,
# in its order.

rds-auto-minor-upgrade-disabled-take-engine = { $db }: 마이너 엔진 업그레이드를 자동으로 적용하지 않음(AutoMinorVersionUpgrade가 false)
rds-deletion-protection-deletionprotection-true = { $db }: 삭제 방지가 설정되지 않음(DeletionProtection이 true가 아님)
rds-iam-authentication-accept-database = { $db }: IAM 데이터베이스 인증을 허용하지 않음(EnableIAMDatabaseAuthentication이 true가 아님): 로그인이 장기 암호에 의존함
rds-log-exports-logs-cloudwatch = { $db }: CloudWatch Logs로 로그를 내보내지 않음
rds-single-az-runs-availability = { $db }: 단일 가용 영역에서 실행됨(MultiAZ가 true가 아님)
database-read-replica = 읽기 전용 복제본 `{ $name }`
database-db-cluster = DB 클러스터 `{ $name }`
database-db-instance = DB 인스턴스 `{ $name }`
