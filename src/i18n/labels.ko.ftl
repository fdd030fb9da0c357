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
severity-critical = 치명
severity-high = 높음
severity-medium = 중간
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
posture-findings = 발견 사항 { $count }건
posture-account-baseline = 계정 기준선
posture-resources-undecided = 리소스 { $count }/{ $total }개 판정 불가:{" "}
posture-resources-fail = 리소스 { $count }/{ $total }개 실패:{" "}
posture-and-more = … 외 { $count }건
posture-missing = 누락
posture-undecided = 판정 불가
posture-not-covered = 해당 없음
posture-pass = 통과
posture-fail = 실패
posture-not-evidenced = 해당없음
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
posture-baseline-recorder = 전송 채널이 있는 AWS Config 기록기
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
text-no-findings = { $files }에서 발견 사항이 없습니다.
text-files-with-errors = 오류가 있는 파일 { $count }개.
text-findings = 발견 사항 { $count }건
text-by-layer = 계층별
text-layer-network = 네트워크
text-layer-identity = 자격 증명
text-layer-application = 애플리케이션
text-layer-data = 데이터
text-layer-monitoring = 모니터링
text-scanned = { $files } 스캔, 오류가 있는 파일 { $count }개.

## Markdown 보고서.
md-title = Palisade 보안 보고서
md-no-findings = 파일 { $files }개에서 발견 사항이 없습니다.
md-findings-in-files = 파일 { $files }개에서 **발견 사항 { $count }건**.
md-severity = 심각도
md-findings = 발견 사항
md-layer = 계층
md-rule = 규칙
md-location = 위치
md-message = 메시지
md-and-more = …외 { $count }건. 전체 보고서는 `palisade scan`으로 확인하십시오.
md-how-to-fix = 조치 방법
md-errors = 파일 { $count }개를 읽거나 구문 분석할 수 없습니다.

## JUnit 보고서.
junit-fix = 조치
text-suppressed = 발견 사항 { $count }건 제외됨: { $parts }.
text-suppressed-inline = 인라인 { $count }건
text-suppressed-config = 구성에 의해 { $count }건
text-suppressed-baseline = 기준선에 의해 { $count }건
text-fixable = 이 발견 사항 중 { $count }건은 기계적으로 수정할 수 있습니다: `--show-fixes`가 diff로 출력합니다.
text-no-fix = 이 발견 사항에 대한 기계적 수정이 없습니다.
text-fixes = 수정 사항 (`git apply`로 적용한 뒤 다시 스캔하십시오):
doc-compliance = 컴플라이언스
doc-not-in-catalogue = (카탈로그에 없음)

## 컴플라이언스 프레임워크 적용 범위 (`palisade posture --framework`).
framework-coverage = { $name } 적용 범위 (분석한 파일 { $files }개)
framework-not-decidable = Palisade가 판정할 수 없음
framework-domain-counts = 판정 가능한 요구사항 { $decidable }개 중 { $evidenced }개에 증거 있음: 통과 { $pass }, 실패 { $fail }
framework-passed = 점검 { $passed }건 통과 ({ $by })
framework-passed-failed = 점검 { $passed }건 통과, { $failed }건 실패 ({ $by })
framework-organisational = Palisade가 판정할 수 없음 (관리적 요건)
framework-no-rule = Palisade가 판정할 수 없음 (해당 규칙 없음)
framework-more-findings = … 외 발견 사항 { $count }건
framework-summary = 요구사항 { $total }개: 증거 있음 { $evidenced }개 (통과 { $pass }, 실패 { $fail }), 스캔에 증거 없음 { $none }개, Palisade가 판정할 수 없음 { $undecidable }개 (관리적 요건 { $organisational }개)
