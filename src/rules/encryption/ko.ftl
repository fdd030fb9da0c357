# PAL-ENC-001
data-service-unencrypted-at-rest = 관리형 데이터 서비스가 저장 데이터를 암호화하지 않음
    .description = 암호화되지 않은 저장 데이터는 스냅샷, 백업, 기반 스토리지를 손에 넣은 누구나 읽을 수 있으며, 대부분의 규정 준수 기준을 충족하지 못합니다. 이러한 서비스에서 암호화는 생성 시점의 설정이며, SQS와 Redshift를 제외하면 템플릿에서 요청하지 않는 한 꺼져 있습니다(DocumentDB 및 Neptune 클러스터도 마찬가지로 `StorageEncrypted`의 기본값이 `false`입니다. 스냅샷이나 다른 클러스터에서 복원된 클러스터는 원본의 암호화 설정을 따르므로 보고하지 않습니다). `Encrypted`가 없는 EBS 볼륨은 계정의 기본 암호화 설정을 따르므로 대신 PAL-ENC-003이 보고합니다. DynamoDB 테이블은 항상 암호화되므로 검사하지 않습니다.
    .remediation = 리소스를 생성할 때 저장 데이터 암호화를 켜십시오(대개 나중에 추가할 수 없습니다): EBS 볼륨은 `Encrypted: true`(또는 계정의 기본 암호화), EFS는 `KmsKeyId`와 함께 `Encrypted: true`, SNS는 `KmsMasterKeyId: alias/aws/sns` 또는 고객 키, SQS는 `SqsManagedSseEnabled`를 유지하거나 `KmsMasterKeyId`를 설정, ElastiCache는 `AtRestEncryptionEnabled: true`, OpenSearch는 `EncryptionAtRestOptions: {"{"}Enabled: true{"}"}`, Redshift는 `Encrypted: true`, DocumentDB 및 Neptune 클러스터는 `StorageEncrypted: true`(고객 관리형 키를 사용하려면 `KmsKeyId` 지정)입니다.

# PAL-ENC-002
data-service-unencrypted-in-transit = 관리형 데이터 서비스가 암호화되지 않은 연결을 허용함
    .description = TLS가 없으면 캐시 명령, 검색 쿼리, 그 결과로 반환되는 문서가 평문으로 네트워크를 통과하며, 연결에서 전송되는 자격 증명이 탈취될 수 있습니다. 노드 간 암호화는 OpenSearch 도메인 내부의 복제 트래픽을 보호하고, `EnforceHTTPS`는 엔드포인트에서 암호화되지 않은 HTTP를 거부합니다.
    .remediation = ElastiCache: `TransitEncryptionEnabled: true`(`AuthToken` 또는 RBAC 사용자 그룹과 함께). OpenSearch: `NodeToNodeEncryptionOptions: {"{"}Enabled: true{"}"}` 및 `DomainEndpointOptions: {"{"}EnforceHTTPS: true, TLSSecurityPolicy: Policy-Min-TLS-1-2-2019-07{"}"}`.

# PAL-ENC-003
ebs-volume-encryption-unset = EBS 볼륨이 암호화 여부를 계정 기본값에 맡김
    .description = `Encrypted`를 지정하지 않은 볼륨은 계정이 해당 리전에서 EBS 기본 암호화를 선택한 경우에만 암호화되며, 이 설정은 모든 신규 계정에서 꺼져 있습니다. 설정이 꺼져 있으면 볼륨, 그 스냅샷, 스냅샷에서 복원된 모든 볼륨이 평문으로 기록되며, 실수로 공유되거나 공개된 스냅샷은 데이터를 노출합니다. 템플릿만으로는 어느 쪽인지 알 수 없으므로 명시적인 `Encrypted: false`(PAL-ENC-001)보다 낮은 심각도로 보고합니다. 스냅샷에서 생성된 볼륨(이 경우 스냅샷이 결정함)과, 계정 설정을 켜는 `aws_ebs_encryption_by_default` 리소스와 함께 선언된 볼륨은 보고하지 않습니다.
    .remediation = 볼륨에 `Encrypted: true`(Terraform `encrypted = true`)를 설정하고 고객 관리형 키를 사용하려면 `KmsKeyId`를 지정하십시오. 또한 계정의 모든 리전에서 EBS 기본 암호화를 켜십시오(`aws ec2 enable-ebs-encryption-by-default` 또는 Terraform `aws_ebs_encryption_by_default`).

# PAL-ENC-004
redshift-tls-not-required = Redshift 클러스터가 TLS 없는 연결을 허용함
    .description = Redshift 클러스터는 파라미터 그룹에서 `require_ssl`을 `true`로 설정하지 않는 한 TLS 사용 여부와 관계없이 클라이언트 연결을 허용합니다. 이 경우 TLS를 고집하지 않는 클라이언트는 자격 증명과 쿼리 결과를 평문으로 전송하므로 경로상의 누구나 읽고 변경할 수 있습니다. 이 파라미터는 기본 파라미터 그룹에서 변경할 수 없으며, 기존 기본 그룹(`default.redshift-1.0`)은 `false`로 두므로 자체 그룹을 지정하지 않은 클러스터도 보고합니다. 클러스터와 함께 정의되지 않은 그룹(기본 그룹 제외)은 검사할 수 없으므로 보고하지 않습니다.
    .remediation = 파라미터 `require_ssl`을 `true`로 설정한 자체 파라미터 그룹(`AWS::Redshift::ClusterParameterGroup`, Terraform `aws_redshift_parameter_group`)을 만들고, 이를 클러스터의 `ClusterParameterGroupName`(`cluster_parameter_group_name`)에 지정하십시오. 그러면 클라이언트는 `sslmode=require` 이상의 엄격한 모드가 필요합니다.

# PAL-ENC-005
ebs-encryption-by-default-off = EBS 기본 암호화가 꺼져 있음
    .description = 기본 암호화를 켜면 누가 어떤 방법으로 만들든 해당 리전의 모든 새 볼륨과 스냅샷 사본이 암호화됩니다. 모든 새 계정의 기본값인 꺼짐 상태에서는 생성자가 암호화를 요청하지 않는 한 볼륨이 평문으로 기록되며, 그 스냅샷이 공유되거나 공개되면 데이터를 그대로 읽을 수 있습니다.
    .remediation = 계정이 사용하는 모든 리전에서 EBS 기본 암호화를 켜십시오(`aws ec2 enable-ebs-encryption-by-default --region R` 또는 Terraform `aws_ebs_encryption_by_default`의 `enabled = true`). 필요하면 고객 관리형 키를 지정하십시오(`aws ec2 modify-ebs-default-kms-key-id`).
