# Korean finding messages of the `rds` rules: the ids and variables of messages.en.ftl,
# in its order.

rds-backup-retention-read-replica = 읽기 전용 복제본 `{ $replica }`에서 자체 자동 백업을 { $n }일 동안 보존함(최소 { $min_backup_days }일 권장)
rds-backup-retention-sets-backupretentionperiod = { $what } `{ $name }`에서 BackupRetentionPeriod를 0으로 설정함: 자동 백업이 비활성화됨
rds-backup-retention-keeps-automated = { $what } `{ $name }`에서 자동 백업을 { $n }일 동안 보존함(최소 { $min_backup_days }일 권장)
rds-backup-retention-set-backupretentionperiod = { $what } `{ $name }`에 BackupRetentionPeriod 설정이 없음(기본값 1일, 최소 { $min_backup_days }일 권장)
rds-customer-managed-key-aws = { $what } `{ $name }`이(가) KmsKeyId 없이 AWS 관리형 키 `aws/rds`로 암호화됨
rds-customer-managed-key-message = { $what } `{ $name }`이(가) AWS 관리형 키 `{ $k }`(으)로 암호화됨
rds-in-public-subnet-contains = { $what } `{ $name }`에서 퍼블릭 서브넷 { $count }개({ $names })가 포함된 서브넷 그룹 `{ $group }`을(를) 사용함{ $note }
rds-in-public-subnet-message = 퍼블릭 서브넷 `{ $subnet }`
rds-publicly-accessible-endpoint-gets = { $what } `{ $name }`에 퍼블릭 액세스가 가능함: 엔드포인트가 퍼블릭 IP 주소를 받음
rds-security-group-open-to-internet-port-uses = { $what } `{ $name }`(포트 { $port })에서 { $describe_ports }에 { $cidr }을(를) 허용하는 보안 그룹 `{ $group }`을(를) 사용함
rds-security-group-open-to-internet-ingress = { $describe_ports }에 대한 { $what }의 인바운드
rds-snapshot-public-shared-all = 스냅샷 `{ $snapshot }`이(가) 모든 AWS 계정과 공유됨: 누구나 복원할 수 있음
rds-storage-encrypted-sets-storageencrypted = { $what } `{ $name }`에서 StorageEncrypted를 false로 설정함{ $key_note }
rds-storage-encrypted-set-storageencrypted = { $what } `{ $name }`에 StorageEncrypted 설정이 없음(기본값 false): 스토리지가 암호화되지 않음
rds-storage-encrypted-sets-kmskeyid = { $what } `{ $name }`에서 KmsKeyId는 설정했지만 StorageEncrypted는 설정하지 않음(기본값 false): 스토리지는 StorageEncrypted가 true일 때만 암호화됨
rds-tls-enforced-set-default = { $what } `{ $name }`에 { $parameter_group_source_name } 설정이 없음(기본 { $engine } 파라미터 그룹은 { $param }을(를) 꺼 둠): TLS가 강제되지 않음
rds-tls-enforced-parameter-group = 파라미터 그룹 `{ $group }`({ $used_by }에서 사용)에서 { $param }을(를) `{ $text }`(으)로 설정함: TLS가 강제되지 않음
rds-tls-enforced-parameter-group-2 = 파라미터 그룹 `{ $group }`({ $used_by }에서 사용)에 { $param } 설정이 없음: TLS가 강제되지 않음
rds-tls-enforced-uses-parameter = `{ $id }`에서 이 파라미터 그룹을 사용함
rds-in-public-subnet-publicly-accessible = 퍼블릭 액세스 불가
rds-storage-encrypted-kmskeyid-used = 사용되지 않는 KmsKeyId
rds-db-instance = DB 인스턴스
rds-db-cluster = DB 클러스터
rds-in-public-subnet-not-public = ; 퍼블릭 액세스가 불가능하므로 이 설정이 유지되는 동안 퍼블릭 주소가 없음
rds-in-public-subnet-maps-public-ip = 서브넷 `{ $subnet }`에서 MapPublicIpOnLaunch를 true로 설정함
rds-in-public-subnet-route = 서브넷 `{ $subnet }`에 연결된 라우팅 테이블 `{ $table }`의 라우트 { $dest }이(가) 인터넷 게이트웨이 `{ $gateway }`(으)로 향함
rds-ports-all-traffic = 모든 트래픽
rds-ports-all-tcp = 모든 TCP 포트
rds-port-tcp = TCP 포트 { $port }
rds-ports-tcp = TCP 포트 { $from }-{ $to }
