# English finding messages of the `cloudtrail` rules: one message per template, with its
# arguments as variables. Translations use the same ids and variables.

cloudtrail-cloudwatch-logs-trail-cloudwatchlogsloggrouparn = trail `{ $trail }` has no CloudWatchLogsLogGroupArn: no real-time alarms can be built on it
cloudtrail-kms-encryption-trail-kmskeyid = trail `{ $trail }` has no KMSKeyId: its logs use S3-managed keys
cloudtrail-log-file-validation-trail-validate = trail `{ $trail }` does not validate its log files (EnableLogFileValidation is not true)
cloudtrail-logging-off-trail-islogging = trail `{ $trail }` has IsLogging: false
cloudtrail-multi-region-trail-excludes = trail `{ $trail }` excludes global service events (IAM, STS, CloudFront)
cloudtrail-multi-region-trail-records = trail `{ $trail }` records only the region it is created in (IsMultiRegionTrail is not true)
