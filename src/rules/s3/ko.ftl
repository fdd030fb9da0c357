# PAL-S3-001
s3-public-access-block = S3 버킷이 모든 퍼블릭 액세스를 차단하지 않음
    .description = S3 퍼블릭 액세스 차단은 나중에 ACL이나 버킷 정책이 모든 사용자에게 액세스를 부여하더라도 버킷을 비공개로 유지하는 가드레일입니다. 네 가지 설정이 모두 필요합니다. 두 가지 ACL 설정은 퍼블릭 ACL의 설정과 적용을 막고, 두 가지 정책 설정은 버킷 정책에 대해 같은 역할을 합니다. 생략된 설정은 `false`입니다. 이 구성이 없는 버킷은 신규 버킷에 대한 AWS 기본값(2023년 4월부터)에 따라 네 가지 설정이 모두 적용되므로 낮음으로 보고합니다. 단, 템플릿이 버킷을 퍼블릭으로 만드는 경우(퍼블릭 미리 준비된 ACL 또는 모든 사용자를 허용하는 버킷 정책)에는 높음으로 유지합니다.
    .remediation = `BlockPublicAcls`, `BlockPublicPolicy`, `IgnorePublicAcls`, `RestrictPublicBuckets`를 모두 `true`로 설정한 `PublicAccessBlockConfiguration`을 추가하십시오.

# PAL-S3-002
s3-default-encryption = S3 버킷에 기본 암호화 구성이 없음
    .description = 명시적인 기본 암호화 구성이 없으면 버킷은 계정과 무관한 S3 기본값(2023년 1월부터 SSE-S3)에 의존합니다. 이는 템플릿에서 감사할 수 없고 키 수준의 액세스 제어도 제공하지 않습니다. 암호화를 선언하면 의도를 검토할 수 있고 민감한 데이터에 SSE-KMS를 선택할 수 있습니다.
    .remediation = `ServerSideEncryptionByDefault.SSEAlgorithm: aws:kms`와 고객 관리형 `KMSMasterKeyID`(또는 최소한 `AES256`)를 지정한 `BucketEncryption.ServerSideEncryptionConfiguration`을 추가하고, KMS 비용을 줄이기 위해 `BucketKeyEnabled: true`를 설정하십시오.

# PAL-S3-003
s3-encryption-sse-kms = S3 버킷이 KMS 대신 S3 관리형 키로 암호화함
    .description = SSE-S3(`AES256`)는 저장 데이터를 암호화하지만, 객체를 읽을 수 있는 사람은 누구나 평문을 얻습니다. 별도의 키 정책도, 사용할 때마다 남는 감사 추적도 없습니다. 고객 관리형 키를 사용하는 SSE-KMS는 두 가지를 모두 제공합니다. 결과에는 사용 중인 알고리즘이 포함됩니다.
    .remediation = 민감한 데이터에는 고객 관리형 키(`KMSMasterKeyID`)와 함께 `SSEAlgorithm: aws:kms`를 사용하여, 데이터에 액세스하려면 키에 대한 액세스도 필요하고 모든 사용이 기록되도록 하십시오.

# PAL-S3-004
s3-versioning = S3 버킷 버전 관리가 활성화되지 않음
    .description = 버전 관리는 모든 객체의 모든 버전을 보존하므로, 실수나 탈취된 자격 증명 또는 랜섬웨어로 인한 덮어쓰기나 삭제를 되돌릴 수 있습니다.
    .remediation = `VersioningConfiguration.Status: Enabled`를 설정하십시오.

# PAL-S3-005
s3-access-logging = S3 버킷 서버 액세스 로깅이 활성화되지 않음
    .description = 서버 액세스 로그는 버킷에 대한 모든 요청(누가, 무엇을, 언제, 어디에서)을 기록합니다. 데이터가 예기치 않게 읽히거나 변경되었을 때 조사에 필요한 증거입니다.
    .remediation = `DestinationBucketName`(로그 전용 별도 버킷)과 `LogFilePrefix`를 지정한 `LoggingConfiguration`을 추가하십시오.

# PAL-S3-006
s3-noncurrent-version-expiration = 버전 관리가 활성화된 S3 버킷이 이전 버전을 만료하지 않음
    .description = 버전 관리가 켜져 있으면 삭제되거나 덮어쓴 객체는 수명 주기 규칙이 만료하지 않는 한 이전 버전(noncurrent version)으로 영구히 보관됩니다. 그러면 데이터가 보존 기간을 넘어 남게 되어 침해 시 노출될 수 있는 범위와 비용이 늘어납니다.
    .remediation = 보존 정책에 맞는 `NoncurrentVersionExpiration`(또는 `NoncurrentVersionExpirationInDays`)과 `Status: Enabled`를 지정한 `LifecycleConfiguration` 규칙을 추가하십시오.

# PAL-S3-007
s3-deny-insecure-transport = S3 버킷 정책이 TLS를 사용하지 않는 요청을 거부하지 않음
    .description = S3는 버킷 정책이 거부하지 않는 한 암호화되지 않은 HTTP 요청을 허용합니다. `aws:SecureTransport = false`에 대한 거부는 모든 클라이언트가 TLS를 사용하도록 하므로 데이터와 자격 증명이 평문으로 전송되지 않습니다.
    .remediation = `Effect: Deny`, `Principal: "*"`, `Action: "s3:*"`, 버킷과 그 객체를 `Resource`로, `Condition: {"{"}Bool: {"{"}"aws:SecureTransport": "false"{"}"}{"}"}`를 지정한 버킷 정책 문을 추가하십시오.

# PAL-S3-008
s3-public-acl = S3 버킷 ACL이 모든 사용자에게 액세스를 허용함
    .description = 미리 준비된 ACL(canned ACL) `PublicRead`와 `PublicReadWrite`는 `AllUsers` 그룹(인터넷상의 누구나)에게 읽기 또는 쓰기 액세스를 부여하고, `AuthenticatedRead`는 전 세계 모든 AWS 계정에 액세스를 부여합니다. 퍼블릭 쓰기를 허용하면 누구나 여러분의 비용과 이름으로 콘텐츠를 저장할 수 있습니다.
    .remediation = `AccessControl`을 제거하고(또는 `Private`/`BucketOwnerFullControl`/`LogDeliveryWrite` 사용), `OwnershipControls`를 `BucketOwnerEnforced`로 설정하여 ACL을 비활성화한 다음, 조건이 있는 버킷 정책이나 오리진 액세스 제어(OAC)를 사용하는 CloudFront를 통해 데이터를 공유하십시오.

# PAL-S3-009
s3-public-bucket-policy = S3 버킷 정책이 제한 조건 없이 모든 사용자에게 액세스를 허용함
    .description = 보안 주체가 `*`(또는 `{"{"}"AWS": "*"{"}"}`)인 `Allow` 문은 조건으로 네트워크, 조직 또는 소스 리소스를 한정하지 않는 한 인터넷상의 누구에게나 해당 작업을 부여합니다.
    .remediation = 액세스가 필요한 보안 주체를 지정하거나, `aws:SourceVpce`, `aws:SourceVpc`, `aws:SourceIp`, `aws:PrincipalOrgID`, `aws:SourceAccount` 또는 `aws:SourceArn`에 대한 조건으로 문을 제한하십시오. 퍼블릭 콘텐츠를 제공하려면 오리진 액세스 제어(OAC)를 사용하는 CloudFront를 앞에 두십시오.

# PAL-S3-010
s3-account-public-access-block = 계정 수준 S3 퍼블릭 액세스 차단이 완전히 켜져 있지 않음
    .description = 계정 수준 퍼블릭 액세스 차단은 모든 버킷 자체 설정보다 우선합니다. 네 가지 설정을 모두 켜면 누가 어떤 방법으로 만들었든 계정의 어떤 버킷도 ACL이나 버킷 정책으로 공개될 수 없습니다. 이 차단이 없으면 손으로 작성한 버킷 정책이나 ACL 하나만으로 데이터가 공개될 수 있습니다.
    .remediation = 계정의 S3 퍼블릭 액세스 차단 네 가지 설정을 모두 켜십시오(`aws s3control put-public-access-block --account-id ID --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true` 또는 Terraform `aws_s3_account_public_access_block`). 공개 콘텐츠는 공개 버킷 대신 원본 액세스 제어(OAC)를 사용하는 CloudFront를 통해 제공하십시오.
