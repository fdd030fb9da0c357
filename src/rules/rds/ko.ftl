# PAL-RDS-001
rds-storage-encrypted = RDS 스토리지가 저장 시 암호화되지 않음
    .description = `StorageEncrypted: true`가 없으면 데이터베이스 스토리지, 자동 백업, 스냅샷, 읽기 전용 복제본이 암호화되지 않은 상태로 기록됩니다. CloudFormation에서 이 속성의 기본값은 `false`입니다. `KmsKeyId`만 설정해서는 아무것도 암호화되지 않으며, 키는 `StorageEncrypted`가 `true`일 때만 사용됩니다. Aurora Serverless v1 클러스터(`EngineMode: serverless`)는 항상 암호화되므로 보고하지 않으며, 클러스터의 인스턴스(클러스터가 결정함), 그리고 원본의 암호화를 상속하는 읽기 전용 복제본과 복원된 데이터베이스도 보고하지 않습니다.
    .remediation = `AWS::RDS::DBInstance`(Aurora 및 다중 AZ DB 클러스터의 경우 `AWS::RDS::DBCluster`)에 `StorageEncrypted: true`를 설정하고 `KmsKeyId`에 고객 관리형 키를 지정하십시오. 기존 데이터베이스에는 암호화를 켤 수 없으며 CloudFormation이 데이터베이스를 교체하므로, 스냅샷을 생성하고 마이그레이션을 계획하십시오.

# PAL-RDS-002
rds-customer-managed-key = RDS 스토리지가 AWS 관리형 키로 암호화됨
    .description = `KmsKeyId` 없이 암호화된 스토리지는 AWS 관리형 키 `aws/rds`를 사용합니다. 이 키의 키 정책은 AWS에 속하므로 IAM 이외의 방법으로 사용자를 제한할 수 없고, 키를 비활성화하거나 삭제를 예약할 수 없으며, 암호화된 스냅샷을 다른 계정과 공유할 수 없어 교차 계정 백업 사본을 만들 수 없습니다. 고객 관리형 키를 사용하면 키 정책, 권한 부여(grant)에 대한 감사 추적, 교체와 폐기에 대한 통제권을 갖게 됩니다.
    .remediation = 교체를 활성화하고 데이터베이스를 관리하고 사용하는 역할로 제한된 키 정책을 가진 `AWS::KMS::Key`를 생성하고, `StorageEncrypted: true` 옆에 `KmsKeyId: !Ref ThatKey`를 설정하십시오. 기존 데이터베이스의 키는 그 자리에서 변경할 수 없으며 CloudFormation이 데이터베이스를 교체합니다.

# PAL-RDS-003
rds-publicly-accessible = RDS 데이터베이스에 퍼블릭 액세스가 가능함
    .description = `PubliclyAccessible: true`는 인터넷에서 조회할 수 있는 퍼블릭 IP 주소를 데이터베이스 엔드포인트에 부여합니다. 그러면 데이터베이스와 인터넷의 모든 스캐너 사이에는 보안 그룹만 남게 되며, 지나치게 넓은 규칙 하나로 데이터베이스가 노출됩니다. 속성을 설정하지 않으면 기본값이 서브넷 그룹에 따라 달라지므로(프라이빗 서브넷이면 프라이빗 엔드포인트), 명시적인 `true`만 보고합니다.
    .remediation = `PubliclyAccessible: true`를 제거하고(또는 `false`로 설정하고) VPC 내부에서 데이터베이스에 접근하십시오: 애플리케이션 계층은 프라이빗 서브넷에 두고, 관리자는 배스천 호스트나 AWS Systems Manager Session Manager 포트 포워딩을, 온프레미스 클라이언트는 VPN이나 Direct Connect를 사용합니다.

# PAL-RDS-004
rds-security-group-open-to-internet = RDS 보안 그룹이 인터넷에서의 데이터베이스 포트 접근을 허용함
    .description = 데이터베이스 포트에서 `0.0.0.0/0` 또는 `::/0`을 허용하는 보안 그룹 규칙은 엔드포인트로 라우팅할 수 있는 누구나 로그인을 시도할 수 있게 합니다(크리덴셜 스터핑, 무차별 대입 공격, 데이터베이스 엔진 익스플로잇). 포트는 DB의 `Port` 또는 엔진의 기본 포트(MySQL/MariaDB/Aurora MySQL 3306, PostgreSQL 5432, Oracle 1521, SQL Server 1433, Db2 50000)입니다. 템플릿에 정의된 보안 그룹만 검사하며, 클러스터의 인스턴스는 클러스터의 보안 그룹을 사용합니다.
    .remediation = 데이터베이스 보안 그룹의 `0.0.0.0/0` / `::/0` 인바운드 규칙을 데이터베이스 포트에 한해 애플리케이션 계층의 보안 그룹(또는 좁은 프라이빗 CIDR)을 `SourceSecurityGroupId`로 지정한 규칙으로 바꾸십시오.

# PAL-RDS-005
rds-backup-retention = RDS 자동 백업이 비활성화되었거나 보존 기간이 7일 미만임
    .description = 자동 백업은 특정 시점으로의 복구를 제공합니다. 파괴적인 변경, 랜섬웨어 또는 자격 증명 침해 이후 데이터베이스를 사고 이전 시점으로 복원하고 그 사본을 조사할 수 있습니다. `BackupRetentionPeriod: 0`은 자동 백업을 비활성화합니다. CloudFormation의 기본값은 1일로, 깨끗한 상태가 사라지기 전에 사고를 알아차리기에는 대개 너무 짧습니다. 가이드는 7일 보존을 권장합니다. 클러스터의 인스턴스는 클러스터가 백업을 보유하므로 보고하지 않습니다. 읽기 전용 복제본은 `BackupRetentionPeriod`를 설정하지 않는 한 백업을 보관하지 않으므로(원본이 보관함), 7일보다 짧은 보존 기간을 설정한 경우에만 보고합니다. 이는 복제본이 승격된 후 보관하게 되는 기간입니다.
    .remediation = DB 인스턴스(Aurora 및 다중 AZ DB 클러스터의 경우 DB 클러스터)에 `BackupRetentionPeriod`를 최소 `7`(최대 `35`)로 설정하십시오. 더 오래 보존하려면 AWS Backup으로 스냅샷을 복사하되, 가능하면 다른 계정으로 복사하십시오.

# PAL-RDS-006
rds-tls-enforced = RDS 파라미터 그룹이 TLS 연결을 강제하지 않음
    .description = RDS는 엔진이 거부하도록 설정하지 않는 한 암호화되지 않은 클라이언트 연결을 허용하며, TLS를 선호하기만 하는 클라이언트는 아무 경고 없이 평문으로 전환됩니다. 이 설정은 파라미터 그룹에 있습니다: MySQL 계열은 `require_secure_transport`, PostgreSQL과 SQL Server는 `rds.force_ssl`입니다. 기본 파라미터 그룹은 이 설정을 꺼 두지만, RDS for PostgreSQL 15 이상(및 MariaDB 11.8 이상)은 기본값이 TLS를 강제합니다. 템플릿에 정의되지 않은 그룹은 검사할 수 없으므로 보고하지 않습니다. Oracle은 대상이 아닙니다. Oracle은 파라미터가 아니라 옵션 그룹의 SSL 옵션(또는 네이티브 네트워크 암호화)으로 연결을 암호화합니다.
    .remediation = TLS를 강제하는 자체 파라미터 그룹을 데이터베이스에 지정하십시오: MySQL, MariaDB, Aurora MySQL은 `require_secure_transport: "ON"`, PostgreSQL, Aurora PostgreSQL, SQL Server는 `rds.force_ssl: "1"`입니다. DB 인스턴스에는 `DBParameterGroupName`과 함께 `AWS::RDS::DBParameterGroup`을, 클러스터에는 `DBClusterParameterGroupName`과 함께 `AWS::RDS::DBClusterParameterGroup`을 사용하십시오.

# PAL-RDS-007
rds-in-public-subnet = RDS 서브넷 그룹에 퍼블릭 서브넷이 포함됨
    .description = 라우팅 테이블이 `0.0.0.0/0`(또는 `::/0`)을 인터넷 게이트웨이로 보내거나 시작 시 퍼블릭 IP를 할당하는 서브넷은 퍼블릭 서브넷입니다. 이곳에 배치된 데이터베이스는 설정 하나(`PubliclyAccessible`)나 보안 그룹 규칙 하나만 바뀌어도 인터넷에 노출되며, 네트워크 계층이 더 이상 데이터 계층과 웹 계층을 분리하지 못합니다. 템플릿 밖의 서브넷과 라우팅 테이블 연결이 없는 서브넷(템플릿에 나타나지 않는 VPC의 기본 라우팅 테이블을 사용함)은 라우팅으로 판단하지 않습니다. 데이터베이스가 퍼블릭 주소를 받을 수 있으면(`PubliclyAccessible`가 true이거나 설정되지 않은 경우: 인터넷 게이트웨이가 있는 VPC에서는 API가 데이터베이스를 퍼블릭으로 만듭니다) 높음, `PubliclyAccessible`가 false이면(Terraform의 기본값) 중간입니다. 후자의 경우 데이터베이스에 퍼블릭 주소는 없으며, 이 설정이 바뀌기 전까지는 계층 분리만 상실됩니다.
    .remediation = `AWS::RDS::DBSubnetGroup`을 프라이빗 서브넷으로만 구성하십시오. 즉 `MapPublicIpOnLaunch: true`가 없고 라우팅 테이블이 `0.0.0.0/0`을 인터넷 게이트웨이가 아닌 NAT 게이트웨이로 보내는(또는 어디로도 보내지 않는) 서브넷입니다. 가용 영역마다 하나씩 서브넷을 둔 별도의 데이터 계층을 유지하십시오.

# PAL-RDS-008
rds-snapshot-public = RDS 스냅샷이 모든 AWS 계정과 공유됨
    .description = `all`과 공유된 수동 스냅샷은 퍼블릭입니다. 원본 데이터베이스의 네트워크 통제와 자격 증명이 무엇이었든, 모든 AWS 계정이 스냅샷을 복사하고 자신의 데이터베이스로 복원하여 모든 테이블을 읽을 수 있습니다. 암호화된 스냅샷은 퍼블릭으로 공유할 수 없으므로 퍼블릭 스냅샷은 암호화되지 않은 스냅샷이기도 합니다. 퍼블릭 RDS 스냅샷은 데이터 유출 사고의 반복적인 원인입니다.
    .remediation = `shared_accounts`에서 `all`을 제거하고 스냅샷이 필요한 계정(예: 백업 계정)을 지정하십시오. 데이터를 공개해야 한다면 데이터베이스 스냅샷이 아니라 공개하려는 데이터만 내보내서 게시하십시오.
