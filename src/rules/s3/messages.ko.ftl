# Korean finding messages of the `s3` rules: the ids and variables of messages.en.ftl,
# in its order.

s3-access-logging-bucket-enable = 버킷 `{ $bucket }`에서 서버 액세스 로깅을 활성화하지 않음
s3-default-encryption-bucket-declare = 버킷 `{ $bucket }`에 기본 암호화가 선언되지 않음
s3-default-encryption-bucket-empty = 버킷 `{ $bucket }`의 암호화 구성이 비어 있음
s3-deny-insecure-transport-bucket-bucket = 버킷 `{ $bucket }`에 TLS 없는 요청을 거부하는 버킷 정책이 없음
s3-deny-insecure-transport-policy-bucket = 버킷 `{ $bucket }`의 정책에서 TLS 없는 요청을 거부하지 않음
s3-deny-insecure-transport-bucket = 버킷 `{ $bucket }`
s3-encryption-sse-kms-bucket-uses = 버킷 `{ $bucket }`에서 SSE-KMS 대신 SSE-S3(AES256)를 사용함
s3-noncurrent-version-expiration-bucket-versioned = 버킷 `{ $bucket }`에서 버전 관리를 사용하지만 이전 버전을 만료하는 수명 주기 규칙이 없음
s3-noncurrent-version-expiration-enabled-lifecycle = 버킷 `{ $bucket }`의 활성화된 수명 주기 규칙 중 이전 버전을 만료하는 규칙이 없음
s3-public-access-block-bucket-publicaccessblockconfiguration = 버킷 `{ $bucket }`에 PublicAccessBlockConfiguration이 없고 { $why }, 템플릿의 어떤 설정도 버킷을 비공개로 유지하지 않음
s3-public-access-block-bucket-publicaccessblockconfiguration-2 = 버킷 `{ $bucket }`에 PublicAccessBlockConfiguration이 없음: 신규 버킷은 기본적으로(2023년 4월부터) 모든 퍼블릭 액세스를 차단하고 ACL을 비활성화하므로, 나중에 차단이 제거되지 않는 한 비공개로 유지됨. 템플릿에 유지되도록 명시적으로 선언하십시오
s3-public-access-block-bucket-sets = 버킷 `{ $bucket }`에서 { $name }을(를) false로 설정함
s3-public-access-block-bucket-set = 버킷 `{ $bucket }`에 { $name } 설정이 없음(기본값 false)
s3-public-acl-bucket-grants = 버킷 `{ $bucket }`의 ACL `{ $source_text }`에서 { $who }에게 { $what } 액세스를 부여함
s3-public-bucket-policy-allows-everyone = 버킷 정책 `{ $policy }`에서 제한 조건 없이 모든 사용자에게 { $what } 허용
s3-versioning-bucket-enable = 버킷 `{ $bucket }`에서 버전 관리를 활성화하지 않음
s3-versioning-bucket = 버킷 `{ $bucket }`의 버전 관리 상태가 `{ $s }`임
s3-public-bucket-policy-statement = 해당 문
s3-account-public-access-block-off = 계정의 S3 퍼블릭 액세스 차단에서 { $settings } 설정이 켜져 있지 않음
s3-public-by-acl = ACL `{ $acl }`이(가) 버킷을 퍼블릭으로 만들며
s3-public-by-policy = 버킷 정책 `{ $policy }`이(가) 모든 사용자를 허용하며
s3-who-every-account = 모든 AWS 계정
s3-who-everyone = 모든 사용자
s3-what-read-write = 읽기 및 쓰기
s3-what-read = 읽기
