# PAL-DB-001
rds-deletion-protection = RDS 데이터베이스의 삭제 방지가 활성화되지 않음
    .description = 삭제 방지가 없으면 단 한 번의 API 호출(잘못된 스택 업데이트, 엉뚱한 계정에서 실행된 스크립트, 흔적을 지우려는 침입자)로 데이터베이스가 삭제됩니다. 삭제 방지를 사용하면 삭제 전에 별도의 기록되는 수정 작업이 먼저 필요합니다. `DeletionProtection`의 기본값은 `false`입니다. Aurora 인스턴스는 클러스터의 설정을 따릅니다. 읽기 전용 복제본도 검사합니다. 이 설정은 원본에서 상속되지 않으며, 실수로 삭제된 복제본은 해당 읽기 트래픽(또는 교차 리전 사본)도 함께 없앱니다.
    .remediation = DB 인스턴스(또는 Aurora 클러스터)에 `DeletionProtection: true`를 설정하고, 템플릿에서 리소스를 제거할 때 먼저 스냅샷이 생성되도록 리소스에 `DeletionPolicy: Snapshot`을 유지하십시오.

# PAL-DB-002
rds-log-exports = RDS 데이터베이스가 CloudWatch Logs로 로그를 내보내지 않음
    .description = 데이터베이스 로그는 실패한 로그인, 권한 변경, 비정상적인 쿼리를 기록합니다. 인스턴스에만 보관된 로그는 며칠 안에 순환되어 사라지고 인스턴스와 함께 소실됩니다. CloudWatch Logs로 내보낸 로그는 보존되고, 검색할 수 있으며, 경보를 발생시킬 수 있습니다. Aurora 인스턴스는 클러스터의 설정을 따릅니다. 읽기 전용 복제본도 검사합니다. 복제본은 자체적으로 쿼리와 로그인을 처리하며 원본의 내보내기 설정을 상속하지 않습니다.
    .remediation = `EnableCloudwatchLogsExports`에 엔진의 로그를 나열하십시오: MySQL/MariaDB는 `error`, `slowquery`, `audit`(감사 플러그인 사용 시), PostgreSQL은 `postgresql`, Aurora MySQL은 `audit`/`error`, Oracle은 `alert`/`audit`/`listener`/`trace`, SQL Server는 `agent`/`error`입니다.

# PAL-DB-003
rds-iam-authentication = RDS 데이터베이스에 IAM 데이터베이스 인증이 활성화되지 않음
    .description = IAM 데이터베이스 인증이 없으면 모든 애플리케이션과 운영자가 장기 데이터베이스 암호로 로그인합니다. 이 암호는 구성에 저장되고, 여러 사람이 공유하며, 누군가 교체할 때까지 유효합니다. 유출된 암호는 네트워크가 허용하는 모든 곳에서 사용할 수 있으며, CloudTrail에는 누가 사용했는지 기록되지 않습니다. IAM 데이터베이스 인증을 사용하면 연결에 IAM 보안 주체에게 발급된 15분짜리 토큰을 사용하고, TLS가 필수이며, IAM 정책으로 접근을 부여하고 회수합니다. `EnableIAMDatabaseAuthentication`의 기본값은 `false`입니다. 이 기능을 제공하는 엔진만 검사합니다: MySQL, PostgreSQL, MariaDB 10.11 이상, Aurora MySQL, Aurora PostgreSQL(Aurora Serverless v1, RDS Custom, Oracle, SQL Server, Db2는 제외). Aurora 인스턴스는 클러스터의 설정을 따릅니다.
    .remediation = DB 인스턴스(Aurora의 경우 DB 클러스터)에 `EnableIAMDatabaseAuthentication: true`를 설정하고, 엔진의 IAM 플러그인 또는 역할(MySQL/MariaDB는 `AWSAuthenticationPlugin`, PostgreSQL은 `rds_iam`)로 데이터베이스 사용자를 생성한 다음, 애플리케이션이 `rds:GenerateDBAuthToken`으로 발급받은 단기 토큰으로 연결하도록 하십시오. 권한은 `rds-db:connect`를 통해 사용자별로 부여합니다.

# PAL-DB-004
rds-single-az = RDS DB 인스턴스가 단일 가용 영역에서 실행됨
    .description = 단일 AZ DB 인스턴스는 해당 가용 영역에 장애가 있을 때, 호스트가 교체될 때, 그리고 대부분의 유지 관리 중에 사용할 수 없습니다. 복구하려면 백업을 복원해야 하며 마지막 백업 이후의 쓰기는 손실됩니다. 다중 AZ 배포는 다른 영역에 동기식 대기 인스턴스를 유지하고 자동으로 장애 조치합니다. `MultiAZ`의 기본값은 `false`입니다. Aurora 인스턴스(클러스터의 스토리지가 세 개의 영역에 걸쳐 있고 어느 인스턴스든 역할을 넘겨받을 수 있음), 읽기 전용 복제본, SQL Server Express 및 Web 에디션(다중 AZ로 실행할 수 없음), RDS Custom은 보고하지 않습니다. 프로덕션이 아닌 데이터베이스는 단일 AZ로 유지해도 무방하므로, 해당 데이터베이스의 결과는 억제하십시오.
    .remediation = 프로덕션 DB 인스턴스에 `MultiAZ: true`(Terraform `multi_az = true`)를 설정하거나, 데이터베이스를 다중 AZ DB 클러스터로 실행하거나, 다른 가용 영역에 복제본을 둔 Aurora에서 실행하십시오.

# PAL-DB-005
rds-auto-minor-upgrade-disabled = RDS 데이터베이스가 마이너 엔진 업그레이드를 자동으로 적용하지 않음
    .description = 마이너 엔진 버전에는 MySQL, PostgreSQL 및 기타 엔진의 보안 수정 사항이 포함됩니다. `AutoMinorVersionUpgrade: false`이면 데이터베이스는 누군가 수동으로 업그레이드할 때까지 생성 당시의 버전에 머무르며, 이는 흔히 해당 버전이 수정하는 취약점이 공개되고 한참 지난 뒤입니다. 이 설정의 기본값은 `true`이므로 명시적인 `false`만 보고합니다. 이 설정은 Aurora 인스턴스와 읽기 전용 복제본을 포함한 각 인스턴스와 다중 AZ DB 클러스터에 속합니다.
    .remediation = RDS가 유지 관리 기간에 새 마이너 버전을 적용하도록 `AutoMinorVersionUpgrade: false`를 제거하십시오(기본값은 `true`). 업그레이드를 먼저 테스트해야 한다면, 몇 주 이내에 업그레이드를 적용하는 문서화된 절차를 유지하십시오.
