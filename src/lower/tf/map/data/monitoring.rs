//! Trails, logs, metrics, alarms, and the detection and compliance services.

use super::{Out, append, arg, block, boolean, join, text};
use crate::lower::tf::TfResource;
use crate::lower::tf::map::{Joiner, Primary, map_val};
use crate::model::{VKind, Val};

pub fn primary(r: &TfResource) -> Option<Primary> {
    let a = &r.attrs;
    let mut o = Out::new(r.body_span);
    let ty = match r.rtype.as_str() {
        "aws_cloudtrail" => {
            trail(a, &mut o);
            // The provider starts logging unless `enable_logging = false`; CloudFormation
            // requires `IsLogging`.
            o.default("IsLogging", boolean(true, r.span));
            "AWS::CloudTrail::Trail"
        }
        "aws_cloudwatch_log_group" => {
            // `retention_in_days = 0` is the provider's "never expire", CloudFormation's
            // absent property.
            if arg(a, "retention_in_days").is_none_or(|d| d.as_i64() != Some(0)) {
                o.arg(a, "retention_in_days", "RetentionInDays");
            }
            o.arg(a, "name", "LogGroupName").arg(a, "kms_key_id", "KmsKeyId");
            "AWS::Logs::LogGroup"
        }
        "aws_cloudwatch_log_metric_filter" => {
            o.arg(a, "pattern", "FilterPattern").arg(a, "log_group_name", "LogGroupName").blocks(
                a,
                "metric_transformation",
                "MetricTransformations",
                |t| {
                    let mut o = Out::new(t.span);
                    o.arg(t, "name", "MetricName").arg(t, "namespace", "MetricNamespace").arg(
                        t,
                        "value",
                        "MetricValue",
                    );
                    o.into_val()
                },
            );
            "AWS::Logs::MetricFilter"
        }
        "aws_cloudwatch_metric_alarm" => {
            o.arg(a, "namespace", "Namespace").arg(a, "metric_name", "MetricName").blocks(
                a,
                "metric_query",
                "Metrics",
                metric_query,
            );
            "AWS::CloudWatch::Alarm"
        }
        "aws_guardduty_detector" => {
            // The provider enables a detector unless `enable = false`; CloudFormation requires
            // `Enable`.
            o.arg(a, "enable", "Enable").default("Enable", boolean(true, r.span));
            if let Some(features) = datasources(a) {
                o.put("Features", a.key_span("datasources").unwrap_or(features.span), features);
            }
            "AWS::GuardDuty::Detector"
        }
        "aws_securityhub_account" => {
            o.arg(a, "enable_default_standards", "EnableDefaultStandards");
            "AWS::SecurityHub::Hub"
        }
        "aws_securityhub_standards_subscription" => {
            o.arg(a, "standards_arn", "StandardsArn");
            "AWS::SecurityHub::Standard"
        }
        "aws_config_configuration_recorder" => {
            o.arg(a, "name", "Name").arg(a, "role_arn", "RoleARN").block(a, "recording_group", "RecordingGroup", |g| {
                let mut o = Out::new(g.span);
                o.arg(g, "all_supported", "AllSupported")
                    .arg(g, "include_global_resource_types", "IncludeGlobalResourceTypes")
                    .arg(g, "resource_types", "ResourceTypes");
                o.into_val()
            });
            "AWS::Config::ConfigurationRecorder"
        }
        "aws_config_delivery_channel" => {
            o.arg(a, "name", "Name").arg(a, "s3_bucket_name", "S3BucketName").arg(a, "sns_topic_arn", "SnsTopicARN");
            "AWS::Config::DeliveryChannel"
        }
        "aws_accessanalyzer_analyzer" => {
            o.arg(a, "analyzer_name", "AnalyzerName").arg(a, "type", "Type");
            "AWS::AccessAnalyzer::Analyzer"
        }
        _ => return None,
    };
    Some(Primary::new(ty, o.into_val()))
}

/// A trail's arguments and event selectors.
fn trail(a: &Val, o: &mut Out) {
    o.arg(a, "enable_logging", "IsLogging")
        .arg(a, "is_multi_region_trail", "IsMultiRegionTrail")
        .arg(a, "include_global_service_events", "IncludeGlobalServiceEvents")
        .arg(a, "enable_log_file_validation", "EnableLogFileValidation")
        .arg(a, "kms_key_id", "KMSKeyId")
        .arg(a, "cloud_watch_logs_group_arn", "CloudWatchLogsLogGroupArn")
        .arg(a, "s3_bucket_name", "S3BucketName")
        .blocks(a, "event_selector", "EventSelectors", |s| {
            let mut o = Out::new(s.span);
            o.arg(s, "read_write_type", "ReadWriteType").blocks(s, "data_resource", "DataResources", |d| {
                let mut o = Out::new(d.span);
                o.arg(d, "type", "Type").arg(d, "values", "Values");
                o.into_val()
            });
            o.into_val()
        })
        .blocks(a, "advanced_event_selector", "AdvancedEventSelectors", |s| {
            let mut o = Out::new(s.span);
            o.arg(s, "name", "Name").blocks(s, "field_selector", "FieldSelectors", |f| {
                let mut o = Out::new(f.span);
                o.arg(f, "field", "Field").arg(f, "equals", "Equals");
                o.into_val()
            });
            o.into_val()
        });
}

/// The detector's `datasources` block (the provider's older way to turn protections on and
/// off) as the features it stands for. `None` when there is none or it cannot be decided.
fn datasources(a: &Val) -> Option<Val> {
    const PATHS: &[(&str, &[&str])] = &[
        ("S3_DATA_EVENTS", &["s3_logs"]),
        ("EKS_AUDIT_LOGS", &["kubernetes", "audit_logs"]),
        ("EBS_MALWARE_PROTECTION", &["malware_protection", "scan_ec2_instance_with_findings", "ebs_volumes"]),
    ];
    let ds = block(a, "datasources").filter(|d| matches!(d.kind, VKind::Map(_)))?;
    let mut features = Vec::new();
    for (name, path) in PATHS {
        let Some(b) = path.iter().try_fold(ds, |b, p| block(b, p)) else { continue };
        let Some(enable) = arg(b, "enable") else { continue };
        let status = match &enable.kind {
            VKind::Bool(true) => text("ENABLED", enable.span),
            VKind::Bool(false) => text("DISABLED", enable.span),
            VKind::Str(s) if s == "true" => text("ENABLED", enable.span),
            VKind::Str(s) if s == "false" => text("DISABLED", enable.span),
            _ => Val::unknown("whether the protection is on", enable.span),
        };
        let entries =
            vec![("Name".to_string(), b.span, text(name, b.span)), ("Status".to_string(), enable.span, status)];
        features.push(map_val(entries, b.span));
    }
    Some(Val::new(VKind::List(features), ds.span))
}

/// A `metric_query` block as an alarm's metric data query.
fn metric_query(q: &Val) -> Val {
    let mut o = Out::new(q.span);
    o.arg(q, "id", "Id").arg(q, "expression", "Expression").block(q, "metric", "MetricStat", |m| {
        let mut metric = Out::new(m.span);
        metric.arg(m, "metric_name", "MetricName").arg(m, "namespace", "Namespace");
        let mut stat = Out::new(m.span);
        stat.put("Metric", m.span, metric.into_val()).arg(m, "period", "Period").arg(m, "stat", "Stat");
        stat.into_val()
    });
    o.into_val()
}

pub fn attach(r: &TfResource, j: &mut Joiner<'_>) -> bool {
    match r.rtype.as_str() {
        "aws_guardduty_detector_feature" => {
            let a = &r.attrs;
            let mut f = Out::new(r.body_span);
            f.arg(a, "name", "Name").arg(a, "status", "Status");
            let feature = f.into_val();
            let span = r.span;
            let detector = (&["aws_guardduty_detector"][..], "id");
            join(r, j, "detector_id", detector, "Features", |p| append(p, "Features", feature, span));
            true
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::findings;
    use crate::lower::tf::testing::{model, res};
    use crate::model::Link;

    #[test]
    fn trails_take_the_provider_defaults() {
        let m = model(&[
            res(
                "aws_cloudtrail.t",
                r#"{"s3_bucket_name": "$ref:aws_s3_bucket.b.id", "kms_key_id": "$ref:aws_kms_key.k.arn"}"#,
            ),
            res(
                "aws_cloudtrail.off",
                r#"{"s3_bucket_name": "b", "enable_logging": false, "is_multi_region_trail": true,
                "event_selector": [{"data_resource": [{"type": "AWS::S3::Object", "values": ["arn:aws:s3"]}]}]}"#,
            ),
        ]);
        let t = &m.monitoring.trails[0];
        assert!(t.is_logging.is_true(), "logging unless switched off");
        assert!(t.multi_region.is_absent() && t.log_validation.is_absent());
        assert_eq!(t.kms_key.get(), Some(&Link::Local("aws_kms_key.k".into())));
        assert!(m.monitoring.trails[1].is_logging.is_false());
        assert!(m.monitoring.trails[1].data_events);
        assert_eq!(findings(&m, "cloudtrail-logging-off").len(), 1);
        assert_eq!(findings(&m, "cloudtrail-log-file-validation").len(), 2);
    }

    #[test]
    fn logs_metrics_and_alarms() {
        let m = model(&[
            res("aws_cloudwatch_log_group.forever", r#"{"retention_in_days": 0}"#),
            res("aws_cloudwatch_log_group.short", r#"{"retention_in_days": 7}"#),
            res(
                "aws_cloudwatch_log_metric_filter.f",
                r#"{"pattern": "{ $.errorCode = \"*UnauthorizedOperation\" }",
                    "metric_transformation": [{"name": "Unauthorized", "namespace": "CIS", "value": "1"}]}"#,
            ),
            res(
                "aws_cloudwatch_metric_alarm.a",
                r#"{"metric_query": [{"id": "m", "metric": [{"metric_name": "Unauthorized", "namespace": "CIS"}]}]}"#,
            ),
        ]);
        assert!(m.monitoring.log_groups[0].retention_days.is_absent(), "0 never expires");
        assert_eq!(m.monitoring.log_groups[1].retention_days.get(), Some(&7));
        let f = &m.monitoring.metric_filters[0];
        assert_eq!(f.metrics, [(Some("CIS".to_string()), Some("Unauthorized".to_string()))]);
        assert_eq!(m.monitoring.alarms[0].query_metrics, ["Unauthorized"]);
        assert!(findings(&m, "metric-filter-without-alarm").is_empty());
    }

    #[test]
    fn detection_services() {
        let m = model(&[
            res("aws_guardduty_detector.d", r#"{}"#),
            res(
                "aws_guardduty_detector_feature.f",
                r#"{"detector_id": "$ref:aws_guardduty_detector.d.id", "name": "S3_DATA_EVENTS", "status": "DISABLED"}"#,
            ),
            res(
                "aws_guardduty_detector.old",
                r#"{"datasources": [{"s3_logs": [{"enable": true}], "kubernetes": [{"audit_logs": [{"enable": false}]}]}]}"#,
            ),
            res("aws_securityhub_account.h", r#"{}"#),
            res(
                "aws_securityhub_standards_subscription.s",
                r#"{"standards_arn": "arn:aws:securityhub:::ruleset/cis-aws-foundations-benchmark/v/1.2.0"}"#,
            ),
            res("aws_config_configuration_recorder.r", r#"{"recording_group": [{"all_supported": true}]}"#),
            res("aws_config_delivery_channel.c", r#"{"s3_bucket_name": "b"}"#),
            res("aws_accessanalyzer_analyzer.a", r#"{"analyzer_name": "a"}"#),
        ]);
        let d = &m.monitoring.detectors[0];
        assert!(d.enable.is_true(), "enabled unless switched off");
        assert_eq!(d.features[0].1.get().map(String::as_str), Some("DISABLED"));
        let old: Vec<_> = m.monitoring.detectors[1]
            .features
            .iter()
            .map(|(n, s)| (n.get().cloned().unwrap_or_default(), s.get().cloned().unwrap_or_default()))
            .collect();
        assert_eq!(old, [("S3_DATA_EVENTS".into(), "ENABLED".into()), ("EKS_AUDIT_LOGS".into(), "DISABLED".into())]);
        assert_eq!(findings(&m, "guardduty-protection-disabled").len(), 2, "a feature resource and a data source");
        assert_eq!(m.monitoring.security_hubs.len(), 1);
        assert!(m.monitoring.hub_standards[0].arn.get().is_some());
        assert!(m.monitoring.config_recorders[0].all_supported.is_true());
        assert_eq!(findings(&m, "config-recorder-partial").len(), 1, "global types not recorded");
        assert_eq!((m.monitoring.delivery_channels.len(), m.monitoring.access_analyzers.len()), (1, 1));
    }
}
