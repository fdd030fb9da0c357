# --- Monitoring layer ------------------------------------------------------------------------
# One multi-region trail with validated, KMS-encrypted logs, delivered to CloudWatch Logs.
resource "aws_cloudtrail" "audit" {
  name                          = "security-audit-trail"
  s3_bucket_name                = var.audit_bucket
  enable_logging                = true
  is_multi_region_trail         = true
  include_global_service_events = true
  enable_log_file_validation    = true
  kms_key_id                    = aws_kms_key.logs.arn
  cloud_watch_logs_group_arn    = "${aws_cloudwatch_log_group.trail.arn}:*"
  cloud_watch_logs_role_arn     = aws_iam_role.trail_logs.arn

  event_selector {
    read_write_type           = "All"
    include_management_events = true

    data_resource {
      type   = "AWS::S3::Object"
      values = ["${aws_s3_bucket.data.arn}/"]
    }
  }
}

resource "aws_cloudwatch_log_group" "trail" {
  name              = "/aws/cloudtrail/security-audit-trail"
  retention_in_days = 365
  kms_key_id        = aws_kms_key.logs.arn
}

resource "aws_sns_topic" "security_alerts" {
  name              = "${var.name}-security-alerts"
  kms_master_key_id = aws_kms_key.logs.arn
}

# Alarms on the guide's table 7.2 and the CIS monitoring set: one metric filter and one alarm
# each.
locals {
  security_alarms = {
    RootAccountUsage = {
      description = "The root user was used"
      pattern     = "{ $.userIdentity.type = \"Root\" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != \"AwsServiceEvent\" }"
      threshold   = 1
    }
    IamPolicyChanges = {
      description = "An IAM policy was changed (possible privilege escalation)"
      pattern = join("||", [
        for e in [
          "DeleteGroupPolicy", "DeleteRolePolicy", "DeleteUserPolicy",
          "PutGroupPolicy", "PutRolePolicy", "PutUserPolicy",
          "CreatePolicy", "DeletePolicy", "AttachRolePolicy",
          "DetachRolePolicy", "AttachUserPolicy", "DetachUserPolicy",
        ] : "($.eventName=${e})"
      ])
      threshold = 1
    }
    UnauthorizedApiCalls = {
      description = "Unusual number of denied API calls"
      pattern     = "{ ($.errorCode = \"*UnauthorizedOperation\") || ($.errorCode = \"AccessDenied*\") }"
      threshold   = 10
    }
  }
}

resource "aws_cloudwatch_log_metric_filter" "security" {
  for_each = local.security_alarms

  name           = each.key
  log_group_name = aws_cloudwatch_log_group.trail.name
  pattern        = each.value.pattern

  metric_transformation {
    namespace = "Security"
    name      = each.key
    value     = "1"
  }
}

resource "aws_cloudwatch_metric_alarm" "security" {
  for_each = local.security_alarms

  alarm_name          = each.key
  alarm_description   = each.value.description
  namespace           = "Security"
  metric_name         = aws_cloudwatch_log_metric_filter.security[each.key].metric_transformation[0].name
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = each.value.threshold
  comparison_operator = "GreaterThanOrEqualToThreshold"
  alarm_actions       = [aws_sns_topic.security_alerts.arn]
}

resource "aws_guardduty_detector" "main" {
  enable                       = true
  finding_publishing_frequency = "FIFTEEN_MINUTES"
}

resource "aws_guardduty_detector_feature" "s3_data_events" {
  detector_id = aws_guardduty_detector.main.id
  name        = "S3_DATA_EVENTS"
  status      = "ENABLED"
}

resource "aws_guardduty_detector_feature" "runtime_monitoring" {
  detector_id = aws_guardduty_detector.main.id
  name        = "RUNTIME_MONITORING"
  status      = "ENABLED"
}

# Security Hub with the current versions of its standards, not the defaults.
resource "aws_securityhub_account" "main" {
  enable_default_standards = false
}

resource "aws_securityhub_standards_subscription" "foundational" {
  standards_arn = "arn:aws:securityhub:${var.region}::standards/aws-foundational-security-best-practices/v/1.0.0"
  depends_on    = [aws_securityhub_account.main]
}

resource "aws_securityhub_standards_subscription" "cis" {
  standards_arn = "arn:aws:securityhub:${var.region}::standards/cis-aws-foundations-benchmark/v/3.0.0"
  depends_on    = [aws_securityhub_account.main]
}

resource "aws_config_configuration_recorder" "main" {
  name     = "default"
  role_arn = "arn:aws:iam::${local.account_id}:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig"

  recording_group {
    all_supported                 = true
    include_global_resource_types = true
  }
}

resource "aws_config_delivery_channel" "main" {
  name           = "default"
  s3_bucket_name = var.config_bucket

  depends_on = [aws_config_configuration_recorder.main]
}

resource "aws_config_configuration_recorder_status" "main" {
  name       = aws_config_configuration_recorder.main.name
  is_enabled = true

  depends_on = [aws_config_delivery_channel.main]
}

resource "aws_accessanalyzer_analyzer" "account" {
  analyzer_name = "${var.name}-account"
  type          = "ACCOUNT"
}

# Daily backups kept 30 days, copied to a recovery vault for 90 days.
resource "aws_backup_plan" "daily" {
  name = "daily-backups"

  rule {
    rule_name         = "daily-backups"
    target_vault_name = "Default"
    schedule          = "cron(0 5 ? * * *)"

    lifecycle {
      delete_after = 30
    }

    copy_action {
      destination_vault_arn = "arn:aws:backup:${var.region}:${local.account_id}:backup-vault:recovery"

      lifecycle {
        delete_after = 90
      }
    }
  }
}
