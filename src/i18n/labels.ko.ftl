# 보고서, 보안 태세 점수표, 규칙 문서의 레이블 (한국어).

finding-when = { $message } (조건: { $condition })

## 규칙 문서 (`palisade rule ID`).
doc-severity = 심각도
doc-layer = 계층
doc-service = 서비스
doc-controls = 통제 항목
doc-well-architected = Well-Architected
doc-resource-types = 리소스 유형
doc-why = 왜 중요한가
doc-fix = 조치 방법
doc-failing-example = 위반 예시
doc-passing-example = 준수 예시

## 규칙 목록 (`palisade rules`).
rules-title = 제목
rules-count = 규칙 { $count }개. `palisade rule ID`로 규칙 하나의 문서를 볼 수 있습니다.

## 심각도와 심층 방어 계층.
severity-critical = 심각
severity-high = 높음
severity-medium = 보통
severity-low = 낮음
severity-info = 정보
layer-network = 네트워크
layer-identity = 자격 증명
layer-application = 애플리케이션
layer-data = 데이터
layer-monitoring = 모니터링

## 보안 태세 점수표 (`palisade posture`).
posture-scorecard = 심층 방어 점수표 (분석한 파일 { $files }개)
posture-layer = { $layer } 계층: { $score }
posture-layer-score = { $score }% (통제 { $evaluated }개에 대한 통과 리소스 비율의 평균, 완전히 통과한 통제 { $passed }/{ $evaluated }개)
posture-layer-not-evidenced = 증거 없음
posture-services = 서비스
posture-findings = 결과 { $count }건
posture-account-baseline = 계정 기준선
posture-resources-undecided = 리소스 { $count }/{ $total }개 판정 불가:{" "}
posture-resources-fail = 리소스 { $count }/{ $total }개 실패:{" "}
posture-and-more = … 외 { $count }건
posture-missing = 누락
posture-undecided = 판정 불가
posture-not-covered = 해당 없음
posture-pass = 통과
posture-fail = 실패
posture-not-evidenced = 해당 없음
posture-unknown = 판정 불가
posture-checked-by = 점검 규칙: { $rules }
posture-wa-coverage = Well-Architected 보안 원칙 적용 범위
posture-wa-not-checkable = 자동 점검 불가
posture-wa-no-evidence = 스캔에 증거 없음 ({ $by })
posture-wa-passed-failed = 통과 { $passed }건, 실패 { $failed }건 ({ $by })
posture-wa-summary = 모범 사례 { $total }개: 통과 { $pass }, 실패 { $fail }, 스캔에 증거 없음 { $none }, 자동 점검 불가 { $unchecked }
posture-baseline-trail = API 활동을 기록하는 CloudTrail 추적
posture-baseline-alarms = 보안 지표 필터에 대한 CloudWatch 경보 (CIS 모니터링 항목)
posture-baseline-hub = 보안 표준을 구독한 Security Hub
posture-baseline-detector = GuardDuty 탐지기
posture-baseline-recorder = 전송 채널이 있는 AWS Config 구성 레코더
posture-baseline-analyzer = IAM Access Analyzer 분석기
posture-baseline-backup = AWS Backup 계획
posture-baseline-flowlogs = 모든 VPC의 흐름 로그
posture-baseline-unanswered = 스냅숏에 { $calls } 호출의 응답이 없음: 설정 여부를 알 수 없음

## 텍스트 보고서.
text-when = 조건
text-resource = 리소스
text-related = 관련 위치
text-fix = 조치
text-docs = 문서
text-files = 파일 { $count }개
text-no-findings = { $files }에서 결과가 없습니다.
text-files-with-errors = 오류가 있는 파일 { $count }개.
text-findings = 결과 { $count }건
text-by-layer = 계층별
text-layer-network = 네트워크
text-layer-identity = 자격 증명
text-layer-application = 애플리케이션
text-layer-data = 데이터
text-layer-monitoring = 모니터링
text-scanned = { $files } 스캔, 오류가 있는 파일 { $count }개.

## Markdown 보고서.
md-title = Palisade 보안 보고서
md-no-findings = 파일 { $files }개에서 결과가 없습니다.
md-findings-in-files = 파일 { $files }개에서 **결과 { $count }건**.
md-severity = 심각도
md-findings = 결과
md-layer = 계층
md-rule = 규칙
md-location = 위치
md-message = 메시지
md-and-more = …외 { $count }건. 전체 보고서는 `palisade scan`으로 확인하십시오.
md-how-to-fix = 조치 방법
md-errors = 파일 { $count }개를 읽거나 구문 분석할 수 없습니다.

## JUnit 보고서.
junit-fix = 조치
text-suppressed = 결과 { $count }건 억제됨: { $parts }.
text-suppressed-inline = 인라인 { $count }건
text-suppressed-config = 구성에 의해 { $count }건
text-suppressed-baseline = 기준선에 의해 { $count }건
text-fixable = 이 결과 중 { $count }건은 기계적으로 수정할 수 있습니다: `--show-fixes`가 diff로 출력합니다.
text-no-fix = 이 결과에 대한 기계적 수정이 없습니다.
text-fixes = 수정 사항 (`git apply`로 적용한 뒤 다시 스캔하십시오):
doc-compliance = 규정 준수
doc-not-in-catalogue = (카탈로그에 없음)

## 규정 준수 프레임워크 적용 범위 (`palisade posture --framework`).
framework-coverage = { $name } 적용 범위 (분석한 파일 { $files }개)
framework-not-decidable = Palisade가 판정할 수 없음
framework-domain-counts = 판정 가능한 요구 사항 { $decidable }개 중 { $evidenced }개에 증거 있음: 통과 { $pass }, 실패 { $fail }
framework-passed = 점검 { $passed }건 통과 ({ $by })
framework-passed-failed = 점검 { $passed }건 통과, { $failed }건 실패 ({ $by })
framework-organisational = Palisade가 판정할 수 없음 (관리적 요건)
framework-no-rule = Palisade가 판정할 수 없음 (해당 규칙 없음)
framework-more-findings = … 외 결과 { $count }건
framework-summary = 요구 사항 { $total }개: 증거 있음 { $evidenced }개 (통과 { $pass }, 실패 { $fail }), 스캔에 증거 없음 { $none }개, Palisade가 판정할 수 없음 { $undecidable }개 (관리적 요건 { $organisational }개)

## 진단: 입력 파일 문제의 종류 (메시지 앞에 붙음).
diagnostic-read = 오류: 읽을 수 없음
diagnostic-parse = 오류: 구문 분석할 수 없음
diagnostic-invalid = 오류: 유효하지 않음
diagnostic-not-analysed = 경고: 분석하지 않음
diagnostic-suppression = 경고: 억제
diagnostic-baseline = 경고: 기준선

## 명령줄: 표준 오류에 출력하는 오류, 경고, 요약.
cli-error = 오류: { $message }
cli-warning = 경고: { $message }
cli-no-rule = 규칙 `{ $id }`이(가) 없습니다{ $hint } (`palisade rules`로 목록을 볼 수 있습니다)
cli-select-cancelled = 선택한 `{ $select }`은(는) 어떤 규칙도 실행하지 않습니다: 제외한 항목 { $count }개({ $ignored })가 해당 규칙을 모두 제외합니다
cli-baseline-written = 결과 { $count }건을 기준선 { $path }에 기록했습니다
cli-nothing-analysed = 분석한 파일이 없습니다: { $why }
cli-nothing-stdin = 표준 입력이 CloudFormation 템플릿, Kubernetes 매니페스트 또는 IAM 정책 문서가 아닙니다
cli-nothing-found = .yaml, .yml, .json 또는 .template 파일을 찾지 못했습니다
cli-nothing-ignored = 찾은 .yaml, .yml, .json, .template 파일 { $count }개가 모두 무시 파일(.gitignore, .ignore), 도구 폴더(node_modules, .terraform, .aws-sam 등) 또는 --exclude로 제외되었습니다(--no-ignore 참조)
cli-nothing-excluded = 찾은 파일 { $count }개가 모두 구성의 `exclude`로 제외되었습니다
cli-nothing-recognised = 찾은 파일 { $count }개 중 CloudFormation 템플릿, Kubernetes 매니페스트 또는 IAM 정책 문서가 없습니다
cli-nothing-recognised-failed = 찾은 파일 { $count }개 중 { $failed }개는 읽거나 구문 분석할 수 없었고, CloudFormation 템플릿, Kubernetes 매니페스트 또는 IAM 정책 문서는 없습니다
rules-severity = 심각도
rules-layer = 계층
rules-controls = 통제 항목

## 네트워크 노출 (`palisade net exposure`).
net-resource = 리소스
net-port = 포트
net-verdict = 판정
net-path = 경로
net-verdict-exposed = 노출
net-verdict-not-exposed = 노출 안 됨
net-verdict-unknown = 판정 불가
net-via = `{ $lb }` 경유:{" "}
net-hop = { $hop } ({ $line }행)
net-summary = 노출 { $exposed }건, 노출 안 됨 { $not_exposed }건, 판정 불가 { $unknown }건.

## 사용자 지정 규칙 테스트 (`palisade test-rules`).
test-rules-counts = 규칙 { $rules }개, 예시 { $examples }개
test-rules-not-loaded = ; 규칙 파일 { $count }개를 불러오지 못함
test-rules-none = 규칙을 찾지 못했습니다
test-rules-not-recognised = CloudFormation 템플릿, Terraform 파일 또는 Kubernetes 매니페스트로 인식되지 않음
test-rules-no-marker = 위반 예시에 `# expect: { $id }` 표시가 없음
test-rules-missing = { $line }행: { $id }의 결과를 예상했지만 없음
test-rules-unexpected = { $line }행: 예상하지 않은 결과: { $message } (결과를 예상한 행: { $lines })
test-rules-unexpected-none = { $line }행: 예상하지 않은 결과: { $message } (결과를 예상한 행: 없음)

## IAM 질의 (`palisade iam can`, `palisade iam explain`).
iam-can-allowed = 허용됨
iam-can-explicit-deny = 거부됨 (명시적 거부)
iam-can-implicit-deny = 거부됨 (허용하는 문 없음)
iam-can-unknown = 판정 불가
iam-can-head = { $principal } ({ $file }) { $action }
iam-can-head-on = { $principal } ({ $file }) { $action }, 대상 { $resource }
iam-can-decided-by = 결정 계층: { $layer }
iam-can-effect-allow = Allow
iam-can-effect-deny = Deny
iam-can-statement = { $policy }의 { $effect }
iam-can-statement-maybe = { $policy }의 { $effect } (적용될 수 있음: 알 수 없는 값에 따라 다름)
iam-can-not-in-files = (파일에 없음): { $statement }
iam-can-unknown-line = 판정 불가: { $text }
iam-can-note-line = 참고: { $text }
iam-can-unknown-unread = 판정 불가: { $error }; 읽거나 구문 분석할 수 없었던 파일에 정의되어 있을 수 있음: { $files }
iam-layer-identity = 자격 증명 기반 정책
iam-layer-scps = 서비스 제어 정책
iam-layer-boundary = 권한 경계
iam-layer-session = 세션 정책
iam-layer-resource = 리소스 기반 정책
iam-no-principal-none = 스캔한 파일에 보안 주체 `{ $who }`이(가) 없음 (역할, 사용자, 그룹, 자격 증명 기반 정책을 찾지 못함)
iam-no-principal-known = 스캔한 파일에 보안 주체 `{ $who }`이(가) 없음 (알려진 보안 주체: { $known })
iam-note-default-scp-of = `{ $id }`에 연결된 스캔한 SCP 중 허용하는 것이 없음: AWS 기본 FullAWSAccess가 연결된 것으로 가정함
iam-note-default-scp = 스캔한 SCP가 거부만 함: AWS 기본 FullAWSAccess SCP가 연결된 것으로 가정함
iam-note-same-name = `{ $who }`(이)라는 보안 주체가 { $count }개 있음: { $file }의 { $principal }에 대해 답함
iam-note-did-you-mean = ; { $actions }을(를) 의도하셨습니까?
iam-note-not-in-catalog = `{ $action }`이(가) AWS 작업 카탈로그에 없음{ $hint }
iam-note-other-account = 리소스가 다른 계정에 있음: 리소스 기반 정책도 요청을 허용해야 함
iam-note-principal-arn = 리소스 기반 정책이 이 보안 주체를 지정할 수 있음: 판정하려면 --principal-arn을 지정하십시오
iam-note-absent-variable = { $label }({ $line }행)의 `{ $value }`에 값이 없음: 요청에 `{ $key }`이(가) 없으므로 아무것과도 일치하지 않음
iam-explain-no-policy = 정책 문서를 찾지 못했습니다
iam-explain-count = 서비스 { $services }개에 걸친 작업 { $actions }개
iam-explain-undecidable = 판정할 수 없는 작업
iam-explain-effect-unknown = (알 수 없음)
iam-explain-statement = { $line }행:{ $sid } { $effect } { $count }
iam-explain-more = , ... (외 { $count }개)
iam-explain-on = 대상
iam-explain-except = 다음을 제외한 모든 리소스
iam-explain-when = 조건
iam-level-list = 목록
iam-level-read = 읽기
iam-level-write = 쓰기
iam-level-permissions = 권한 관리
iam-level-tagging = 태그 지정

## 보안 태세가 계층의 서비스, 리소스, 누락된 것에 대해 말하는 내용.
posture-services-network = VPC, 보안 그룹, 네트워크 ACL, 흐름 로그, 로드 밸런서
posture-services-identity = IAM, MFA, Access Analyzer, 시크릿
posture-services-application = WAF, Shield, EC2 메타데이터, Lambda
posture-services-data = KMS, S3, RDS, 백업, 데이터 서비스 암호화
posture-services-monitoring = CloudTrail, CloudWatch, GuardDuty, Security Hub, Config
posture-phrase-no-finding = 결과 없음
posture-phrase-reachability-undecided = 도달 가능성 판정 불가
posture-phrase-flow-log = 템플릿에 흐름 로그 있음
posture-phrase-no-flow-log = 흐름 로그 없음
posture-phrase-hub-enabled = Security Hub 활성화됨
posture-phrase-standard-subscription = 보안 표준 구독
posture-phrase-recorder-all-global = 지원되는 모든 리소스 유형 및 글로벌 리소스 유형
posture-phrase-recorder-all-regional = 지원되는 모든 리전 리소스 유형
posture-phrase-recorder-list = 리소스 유형 목록
posture-phrase-channel = Config 전송 채널
posture-phrase-multi-region = 다중 리전
posture-phrase-single-region = 단일 리전
posture-phrase-log-validation = 로그 파일 검증
posture-phrase-data-events = 데이터 이벤트
posture-phrase-not-declared = 스캔한 파일 중 이를 선언한 파일이 없음
posture-phrase-no-channel = 스캔한 파일에 AWS::Config::DeliveryChannel이 없음
posture-phrase-filter-root = 루트 계정 사용
posture-phrase-filter-unauthorized = 승인되지 않은 API 호출
posture-phrase-filter-no-mfa = MFA 없는 콘솔 로그인
posture-phrase-filter-auth-failures = 콘솔 인증 실패
posture-phrase-filter-iam = IAM 정책 변경
posture-phrase-filter-cloudtrail = CloudTrail 구성 변경
posture-phrase-filter-kms = KMS 키 비활성화 또는 삭제
posture-phrase-filter-s3 = S3 버킷 정책 변경
posture-phrase-filter-config = AWS Config 변경
posture-phrase-filter-sg = 보안 그룹 변경
posture-phrase-filter-nacl = 네트워크 ACL 변경
posture-phrase-filter-gateway = 네트워크 게이트웨이 변경
posture-phrase-filter-route = 라우팅 테이블 변경
posture-phrase-filter-vpc = VPC 변경
posture-phrase-filter-organizations = AWS Organizations 변경
posture-phrase-filter-unencrypted = 암호화되지 않은 S3 업로드
posture-phrase-features = 보호 기능 { $count }개 지정됨
posture-phrase-standard = 보안 표준 { $name }
posture-phrase-backup-rules = 백업 규칙 { $count }개
posture-phrase-vpcs-without-flow-log = 흐름 로그가 없는 VPC { $count }개
posture-phrase-vpcs-maybe-without-flow-log = 스캔한 파일에서 흐름 로그가 없는 VPC { $count }개. 템플릿 밖의 VPC를 지정한 흐름 로그가 있어 그중 하나일 수 있음
posture-phrase-no-alarm = 경보가 설정된 지표 필터 없음: { $names }
posture-phrase-undecided-resources = 인터넷에서의 도달 가능성을 판정할 수 없는 리소스 { $count }개

## PAL-IAM-006 문서의 권한 상승 방법 표.
doc-methods-intro = 점검하는 방법 { $count }개(서로 다른 권한 집합마다 하나, 카탈로그: { $catalogues }):
doc-methods-method = 방법
doc-methods-permissions = 권한
doc-methods-gives = 얻는 것
doc-methods-catalogues = 카탈로그
collect-not-built = 이 palisade는 AWS 수집기 없이 빌드되었음: `aws` 기능으로 설치하십시오(소스를 복제한 디렉터리에서 `cargo install --locked --path . --features aws`). 다른 곳에서 작성한 스냅샷은 그대로 스캔할 수 있음: `palisade scan account.json`
collect-wrote = { $path }에 기록함
