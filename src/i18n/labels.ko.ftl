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
