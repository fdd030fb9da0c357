//! CloudWatch Logs and alarms (monitoring layer): retention, encryption, and metric filters
//! that nobody is alerted on.

use super::{Builtin, StaticMeta};
use crate::finding::{Layer, Severity};
use crate::model::Tri;
use crate::model::kind;

/// The rules of this area.
pub static RULES: &[&Builtin] = &[&RETENTION, &KMS, &FILTER_WITHOUT_ALARM];

/// Retention shorter than this many days is too short to investigate an incident.
pub const MIN_RETENTION_DAYS: i64 = 365;

pub static RETENTION: Builtin = Builtin {
    meta: StaticMeta {
        id: "PAL-LOGS-001",
        slug: "log-group-retention-short",
        title: "Log group keeps events for less than a year",
        severity: Severity::Low,
        layer: Layer::Monitoring,
        service: "logs",
        well_architected: &["SEC04-BP01"],
        controls: &["MON-08"],
        resource_types: &[kind::LOGS_LOG_GROUP],
        remediation: "Set `RetentionInDays` to 365 or more (or to what your retention policy requires), or \
export the group to S3 with a lifecycle that keeps the events long enough.",
        description: "Intrusions are often discovered months after they began. Security-relevant logs \
(trail events, flow logs, application audit logs) that expire after days or weeks are gone when the \
investigation needs them. A group without `RetentionInDays` keeps events forever and is not reported.",
    },
    check: |m, _, out| {
        for g in &m.monitoring.log_groups {
            if let Some(&d) = g.retention_days.get()
                && d < MIN_RETENTION_DAYS
            {
                out.report_field(
                    &g.meta,
                    &g.retention_days,
                    format!("log group `{}` keeps events for {d} days (less than {MIN_RETENTION_DAYS})", g.meta.id),
                );
            }
        }
    },
};

pub static KMS: Builtin = Builtin {
    meta: StaticMeta {
        id: "PAL-LOGS-002",
        slug: "log-group-kms",
        title: "Log group is not encrypted with a KMS key",
        severity: Severity::Low,
        layer: Layer::Monitoring,
        service: "logs",
        well_architected: &["SEC04-BP01", "SEC08-BP02"],
        controls: &["MON-08"],
        resource_types: &[kind::LOGS_LOG_GROUP],
        remediation: "Set `KmsKeyId` to the ARN of a customer managed key (`!GetAtt LogsKey.Arn`) whose key \
policy allows `logs.<region>.amazonaws.com` to use it for this log group.",
        description: "CloudWatch Logs always encrypts data with a service key; a customer managed key adds \
control over who can read the events (`kms:Decrypt` is checked on every read), an audit trail of key use, \
and the ability to make the logs unreadable by disabling the key.",
    },
    check: |m, _, out| {
        for g in &m.monitoring.log_groups {
            if g.kms_key.is_absent() {
                out.report(&g.meta, g.meta.span, format!("log group `{}` has no KmsKeyId", g.meta.id));
            }
        }
    },
};

pub static FILTER_WITHOUT_ALARM: Builtin = Builtin {
    meta: StaticMeta {
        id: "PAL-LOGS-003",
        slug: "metric-filter-without-alarm",
        title: "Metric filter has no alarm in the template",
        severity: Severity::Low,
        layer: Layer::Monitoring,
        service: "cloudwatch",
        well_architected: &["SEC04-BP02", "SEC04-BP03"],
        controls: &["MON-02"],
        resource_types: &[kind::LOGS_METRIC_FILTER, kind::CLOUDWATCH_ALARM],
        remediation: "Add an `AWS::CloudWatch::Alarm` on the filter's metric (same `MetricName` and \
`Namespace`, `Statistic: Sum`, `Threshold: 1`, `ComparisonOperator: GreaterThanOrEqualToThreshold`) with an SNS \
topic in `AlarmActions` that reaches the people on call.",
        description: "A metric filter only counts matching log events; nobody is told unless an alarm \
watches the metric. A filter for root sign-in or IAM policy changes without an alarm looks like monitoring \
but alerts no one. Filters whose metric name cannot be decided are not reported.",
    },
    check: |m, _, out| {
        let mon = &m.monitoring;
        // An alarm whose metric cannot be decided might watch any filter.
        if mon.alarms.iter().any(|a| a.metric_name.is_unknown()) {
            return;
        }
        for f in &mon.metric_filters {
            for (ns, name) in &f.metrics {
                let Some(name) = name else { continue };
                let watched = mon.alarms.iter().any(|a| {
                    let ns_ok = match (&a.namespace.value, ns) {
                        (Tri::Known(a), Some(n)) => a == n,
                        _ => true,
                    };
                    (a.metric_name.get() == Some(name) && ns_ok) || a.query_metrics.iter().any(|q| q == name)
                });
                if !watched {
                    out.report(
                        &f.meta,
                        f.meta.span,
                        format!(
                            "metric filter `{}` feeds metric `{name}`, which no alarm of the template watches",
                            f.meta.id
                        ),
                    );
                }
            }
        }
    },
};
