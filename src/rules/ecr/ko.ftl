# PAL-ECR-001
ecr-scan-on-push = ECR 리포지토리가 푸시 시 이미지를 스캔하지 않음
    .description = 푸시 시 스캔은 새 이미지가 배포되기 전에 운영 체제 패키지의 알려진 취약점을 검사합니다. 이 기능이 없으면 취약한 이미지가 눈에 띄지 않고 클러스터에 도달합니다. (레지스트리 전체에 향상된 스캔 구성이 있으면 그 구성이 이 설정보다 우선합니다.) 심각도 낮음: 스캔은 취약점을 찾아내지만 누군가 그 취약점을 악용하는 것을 막지는 못합니다. 공격자가 마주치는 제어가 아니라 탐지의 깊이를 더하는 것입니다.
    .remediation = `ImageScanningConfiguration.ScanOnPush: true`를 설정하십시오(또는 레지스트리에 Amazon Inspector를 사용한 향상된 스캔을 구성하십시오: `AWS::ECR::RegistryScanningConfiguration`).

# PAL-ECR-002
ecr-immutable-tags = ECR 리포지토리가 이미지 태그 덮어쓰기를 허용함
    .description = 변경 가능한 태그를 사용하면 푸시 권한이 있는 누구나 `v1.4.2` 뒤의 이미지를, 이를 배포하는 매니페스트를 전혀 바꾸지 않고 교체할 수 있습니다. 변경 불가능한 태그는 하나의 태그 이름이 영구히 하나의 이미지를 가리키게 하며, 배포와 서명은 이를 전제로 합니다. 기본값은 `MUTABLE`입니다.
    .remediation = `ImageTagMutability: IMMUTABLE`를 설정하십시오(또는 실제로 필요한 변경되는 태그에 대한 제외 필터와 함께 `IMMUTABLE_WITH_EXCLUSION`을 사용하십시오).

# PAL-ECR-003
ecr-encryption-kms = ECR 리포지토리가 KMS 키로 암호화되지 않음
    .description = ECR은 기본적으로 S3 관리형 AES-256 키로 저장된 이미지를 암호화합니다. KMS 키를 사용하면 자체 접근 제어(키 정책)와 모든 키 사용에 대한 CloudTrail 기록이 추가되며, 이는 독점 코드나 데이터가 포함된 이미지에 중요합니다.
    .remediation = `EncryptionType: KMS`와 고객 관리형 `KmsKey`를 지정한 `EncryptionConfiguration`을 추가하십시오(리포지토리의 암호화 설정은 생성 후에 변경할 수 없습니다).
