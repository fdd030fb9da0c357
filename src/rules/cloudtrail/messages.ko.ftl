# Korean finding messages of the `cloudtrail` rules: the ids and variables of messages.en.ftl,
# in its order.

cloudtrail-cloudwatch-logs-trail-cloudwatchlogsloggrouparn = 추적 `{ $trail }`에 CloudWatchLogsLogGroupArn이 없음: 실시간 경보를 구성할 수 없음
cloudtrail-kms-encryption-trail-kmskeyid = 추적 `{ $trail }`에 KMSKeyId가 없음: 로그가 S3 관리형 키로 암호화됨
cloudtrail-log-file-validation-trail-validate = 추적 `{ $trail }`에서 로그 파일을 검증하지 않음(EnableLogFileValidation이 true가 아님)
cloudtrail-logging-off-trail-islogging = 추적 `{ $trail }`의 설정이 IsLogging: false임
cloudtrail-multi-region-trail-excludes = 추적 `{ $trail }`에서 글로벌 서비스 이벤트(IAM, STS, CloudFront)를 제외함
cloudtrail-multi-region-trail-records = 추적 `{ $trail }`에서 생성된 리전의 이벤트만 기록함(IsMultiRegionTrail이 true가 아님)
