//! Logging and detection: CloudTrail, GuardDuty, Security Hub, Config, IAM Access Analyzer,
//! CloudWatch Logs metric filters and CloudWatch alarms.

use aws_sdk_accessanalyzer::types as aa;
use aws_sdk_cloudtrail::types as ct;
use aws_sdk_cloudwatch::types as cw;
use aws_sdk_config::types as cfg;
use aws_sdk_guardduty::types as gd;
use serde_json::Value;

use super::Ctx;
use super::conv::{merged, obj, text, texts, to_json};

to_json! {
    ct::Trail => |x| {
        "Name" => x.name(),
        "S3BucketName" => x.s3_bucket_name(),
        "S3KeyPrefix" => x.s3_key_prefix(),
        "SnsTopicARN" => x.sns_topic_arn(),
        "IncludeGlobalServiceEvents" => x.include_global_service_events(),
        "IsMultiRegionTrail" => x.is_multi_region_trail(),
        "HomeRegion" => x.home_region(),
        "TrailARN" => x.trail_arn(),
        "LogFileValidationEnabled" => x.log_file_validation_enabled(),
        "CloudWatchLogsLogGroupArn" => x.cloud_watch_logs_log_group_arn(),
        "CloudWatchLogsRoleArn" => x.cloud_watch_logs_role_arn(),
        "KmsKeyId" => x.kms_key_id(),
        "HasCustomEventSelectors" => x.has_custom_event_selectors(),
        "HasInsightSelectors" => x.has_insight_selectors(),
        "IsOrganizationTrail" => x.is_organization_trail(),
    }
    ct::DataResource => |x| { "Type" => x.r#type(), "Values" => x.values() }
    ct::EventSelector => |x| {
        "ReadWriteType" => text(x.read_write_type()),
        "IncludeManagementEvents" => x.include_management_events(),
        "DataResources" => x.data_resources(),
        "ExcludeManagementEventSources" => x.exclude_management_event_sources(),
    }
    ct::AdvancedFieldSelector => |x| {
        "Field" => Some(x.field()),
        "Equals" => x.equals(),
        "StartsWith" => x.starts_with(),
        "EndsWith" => x.ends_with(),
        "NotEquals" => x.not_equals(),
        "NotStartsWith" => x.not_starts_with(),
        "NotEndsWith" => x.not_ends_with(),
    }
    ct::AdvancedEventSelector => |x| { "Name" => x.name(), "FieldSelectors" => x.field_selectors() }
    gd::DetectorAdditionalConfigurationResult => |x| { "Name" => text(x.name()), "Status" => text(x.status()) }
    gd::DetectorFeatureConfigurationResult => |x| {
        "Name" => text(x.name()),
        "Status" => text(x.status()),
        "UpdatedAt" => x.updated_at(),
        "AdditionalConfiguration" => x.additional_configuration(),
    }
    cfg::RecordingGroup => |x| {
        "allSupported" => Some(x.all_supported()),
        "includeGlobalResourceTypes" => Some(x.include_global_resource_types()),
        "resourceTypes" => texts(x.resource_types()),
    }
    cfg::ConfigurationRecorder => |x| {
        "arn" => x.arn(),
        "name" => x.name(),
        "roleARN" => x.role_arn(),
        "recordingGroup" => x.recording_group(),
    }
    cfg::ConfigurationRecorderStatus => |x| {
        "name" => x.name(),
        "recording" => Some(x.recording()),
        "lastStatus" => text(x.last_status()),
        "lastStartTime" => x.last_start_time(),
        "lastStopTime" => x.last_stop_time(),
        "lastErrorCode" => x.last_error_code(),
    }
    cfg::DeliveryChannel => |x| {
        "name" => x.name(),
        "s3BucketName" => x.s3_bucket_name(),
        "s3KeyPrefix" => x.s3_key_prefix(),
        "snsTopicARN" => x.sns_topic_arn(),
    }
    aa::AnalyzerSummary => |x| {
        "arn" => Some(x.arn()),
        "name" => Some(x.name()),
        "type" => text(Some(x.r#type())),
        "status" => text(Some(x.status())),
        "createdAt" => Some(x.created_at()),
    }
    aws_sdk_cloudwatchlogs::types::MetricTransformation => |x| {
        "metricName" => Some(x.metric_name()),
        "metricNamespace" => Some(x.metric_namespace()),
        "metricValue" => Some(x.metric_value()),
    }
    aws_sdk_cloudwatchlogs::types::MetricFilter => |x| {
        "filterName" => x.filter_name(),
        "filterPattern" => x.filter_pattern(),
        "logGroupName" => x.log_group_name(),
        "metricTransformations" => x.metric_transformations(),
        "creationTime" => x.creation_time(),
    }
    cw::Metric => |x| { "Namespace" => x.namespace(), "MetricName" => x.metric_name() }
    cw::MetricStat => |x| { "Metric" => x.metric(), "Stat" => x.stat(), "Period" => x.period() }
    cw::MetricDataQuery => |x| {
        "Id" => x.id(),
        "Expression" => x.expression(),
        "MetricStat" => x.metric_stat(),
        "ReturnData" => x.return_data(),
    }
    cw::MetricAlarm => |x| {
        "AlarmName" => x.alarm_name(),
        "AlarmArn" => x.alarm_arn(),
        "MetricName" => x.metric_name(),
        "Namespace" => x.namespace(),
        "Statistic" => text(x.statistic()),
        "ComparisonOperator" => text(x.comparison_operator()),
        "Threshold" => x.threshold(),
        "EvaluationPeriods" => x.evaluation_periods(),
        "ActionsEnabled" => x.actions_enabled(),
        "AlarmActions" => x.alarm_actions(),
        "StateValue" => text(x.state_value()),
        "Metrics" => x.metrics(),
    }
}

pub async fn cloudtrail(cx: Ctx) {
    let s = &cx.sink;
    let region = cx.region();
    let c = aws_sdk_cloudtrail::Client::new(&cx.cfg);
    let r = c.describe_trails().send().await;
    let trails = s.keep("cloudtrail", "DescribeTrails", None, &[], r, |o| obj! { "trailList" => o.trail_list() });
    let list = trails.as_ref().and_then(|t| t.get("trailList")).and_then(Value::as_array).cloned().unwrap_or_default();
    for t in list {
        // A trail is asked about in its home Region (others list it as a shadow).
        let Some(arn) = t.get("TrailARN").and_then(Value::as_str) else { continue };
        if t.get("HomeRegion").and_then(Value::as_str).is_some_and(|h| h != region) {
            continue;
        }
        let r = c.get_trail_status().name(arn).send().await;
        s.keep("cloudtrail", "GetTrailStatus", Some(arn), &[], r, |o| {
            obj! {
                "IsLogging" => o.is_logging(),
                "LatestDeliveryError" => o.latest_delivery_error(),
                "LatestDeliveryTime" => o.latest_delivery_time(),
                "StartLoggingTime" => o.start_logging_time(),
                "StopLoggingTime" => o.stop_logging_time(),
            }
        });
        let r = c.get_event_selectors().trail_name(arn).send().await;
        s.keep("cloudtrail", "GetEventSelectors", Some(arn), &[], r, |o| {
            obj! {
                "TrailARN" => o.trail_arn(),
                "EventSelectors" => o.event_selectors(),
                "AdvancedEventSelectors" => o.advanced_event_selectors(),
            }
        });
    }
}

pub async fn guardduty(cx: Ctx) {
    let s = &cx.sink;
    let c = aws_sdk_guardduty::Client::new(&cx.cfg);
    let r = c.list_detectors().into_paginator().send().try_collect().await;
    let listed =
        s.keep("guardduty", "ListDetectors", None, &[], r, |p| merged(&p, "DetectorIds", |o| o.detector_ids()));
    let detector_ids: Vec<String> = listed
        .as_ref()
        .and_then(|l| l.get("DetectorIds"))
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|v| v.as_str().map(str::to_string))
        .collect();
    for id in detector_ids {
        let r = c.get_detector().detector_id(&id).send().await;
        s.keep("guardduty", "GetDetector", Some(&id), &[], r, |o| {
            obj! {
                "Status" => text(o.status()),
                "FindingPublishingFrequency" => text(o.finding_publishing_frequency()),
                "ServiceRole" => o.service_role(),
                "CreatedAt" => o.created_at(),
                "UpdatedAt" => o.updated_at(),
                "Features" => o.features(),
                "Tags" => o.tags(),
            }
        });
    }
}

pub async fn securityhub(cx: Ctx) {
    let c = aws_sdk_securityhub::Client::new(&cx.cfg);
    let r = c.get_enabled_standards().into_paginator().send().try_collect().await;
    // Not subscribed to Security Hub: `InvalidAccessException`.
    cx.sink.keep("securityhub", "GetEnabledStandards", None, &["InvalidAccessException"], r, |p| {
        let all: Vec<Value> = p
            .iter()
            .flat_map(|o| o.standards_subscriptions())
            .map(|x| {
                obj! {
                    "StandardsSubscriptionArn" => x.standards_subscription_arn(),
                    "StandardsArn" => x.standards_arn(),
                    "StandardsStatus" => text(x.standards_status()),
                }
            })
            .collect();
        obj! { "StandardsSubscriptions" => Some(Value::Array(all)) }
    });
}

pub async fn config(cx: Ctx) {
    let s = &cx.sink;
    let c = aws_sdk_config::Client::new(&cx.cfg);
    let r = c.describe_configuration_recorders().send().await;
    s.keep("config", "DescribeConfigurationRecorders", None, &[], r, |o| {
        obj! { "ConfigurationRecorders" => o.configuration_recorders() }
    });
    let r = c.describe_configuration_recorder_status().send().await;
    s.keep("config", "DescribeConfigurationRecorderStatus", None, &[], r, |o| {
        obj! { "ConfigurationRecordersStatus" => o.configuration_recorders_status() }
    });
    let r = c.describe_delivery_channels().send().await;
    s.keep(
        "config",
        "DescribeDeliveryChannels",
        None,
        &[],
        r,
        |o| obj! { "DeliveryChannels" => o.delivery_channels() },
    );
}

pub async fn accessanalyzer(cx: Ctx) {
    let c = aws_sdk_accessanalyzer::Client::new(&cx.cfg);
    let r = c.list_analyzers().into_paginator().send().try_collect().await;
    cx.sink.keep("accessanalyzer", "ListAnalyzers", None, &[], r, |p| merged(&p, "analyzers", |o| o.analyzers()));
}

pub async fn logs(cx: Ctx) {
    let c = aws_sdk_cloudwatchlogs::Client::new(&cx.cfg);
    let r = c.describe_metric_filters().into_paginator().send().try_collect().await;
    cx.sink
        .keep("logs", "DescribeMetricFilters", None, &[], r, |p| merged(&p, "metricFilters", |o| o.metric_filters()));
}

pub async fn cloudwatch(cx: Ctx) {
    let c = aws_sdk_cloudwatch::Client::new(&cx.cfg);
    let r = c.describe_alarms().into_paginator().send().try_collect().await;
    cx.sink.keep("cloudwatch", "DescribeAlarms", None, &[], r, |p| merged(&p, "MetricAlarms", |o| o.metric_alarms()));
}
