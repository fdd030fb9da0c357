//! PAL-LOGS-001 `log-group-retention-short`: Log group keeps events for less than a year.

use crate::model::kind;

/// Retention shorter than this many days is too short to investigate an incident.
pub const MIN_RETENTION_DAYS: i64 = 365;

rule!(RULE,
    id: "PAL-LOGS-001",
    slug: "log-group-retention-short",
    title: "Log group keeps events for less than a year",
    severity: Low,
    layer: Monitoring,
    service: "logs",
    controls: &["MON-08"],
    well_architected: &["SEC04-BP01"],
    compliance: &["isms-p:2.9.4", "pci-4.0:10.5.1"],
    resource_types: &[kind::LOGS_LOG_GROUP],
    remediation: "Set `RetentionInDays` to 365 or more (or to what your retention policy requires), or \
export the group to S3 with a lifecycle that keeps the events long enough.",
    description: "Intrusions are often discovered months after they began. Security-relevant logs \
(trail events, flow logs, application audit logs) that expire after days or weeks are gone when the \
investigation needs them. A group without `RetentionInDays` keeps events forever and is not reported.",
    check: |m, _, out| {
        for g in &m.monitoring.log_groups {
            if let Some(&d) = g.retention_days.get()
                && d < MIN_RETENTION_DAYS
            {
                out.report_field(
                    &g.meta,
                    &g.retention_days,
                    msg!("log-group-retention-short-keeps-events", group = g.meta.id, d = d, min_retention_days = MIN_RETENTION_DAYS),
                );
            }
        }
    },
);
