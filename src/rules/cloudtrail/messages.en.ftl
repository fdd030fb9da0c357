# English finding messages of the `cloudtrail` rules: one message per template, with its
# arguments as variables. Translations use the same ids and variables.

cloudtrail-cloudwatch-logs-trail-cloudwatchlogsloggrouparn = trail `{ $trail }` has no CloudWatchLogsLogGroupArn: no real-time alarms can be built on it
cloudtrail-kms-encryption-trail-kmskeyid = trail `{ $trail }` has no KMSKeyId: its logs use S3-managed keys
