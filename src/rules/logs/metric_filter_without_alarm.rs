//! PAL-LOGS-003 `metric-filter-without-alarm`: Metric filter has no alarm in the template.

use crate::model::Tri;
use crate::model::kind;

rule!(RULE,
    id: "PAL-LOGS-003",
    slug: "metric-filter-without-alarm",
    title: "Metric filter has no alarm in the template",
    severity: Low,
    layer: Monitoring,
    service: "cloudwatch",
    controls: &["MON-02"],
    well_architected: &["SEC04-BP02", "SEC04-BP03"],
    compliance: &["isms-p:2.9.5", "isms-p:2.11.3", "pci-4.0:10.4.1.1"],
    resource_types: &[kind::LOGS_METRIC_FILTER, kind::CLOUDWATCH_ALARM],
    remediation: "Add an `AWS::CloudWatch::Alarm` on the filter's metric (same `MetricName` and \
`Namespace`, `Statistic: Sum`, `Threshold: 1`, `ComparisonOperator: GreaterThanOrEqualToThreshold`) with an SNS \
topic in `AlarmActions` that reaches the people on call.",
    description: "A metric filter only counts matching log events; nobody is told unless an alarm \
watches the metric. A filter for root sign-in or IAM policy changes without an alarm looks like monitoring \
but alerts no one. Filters whose metric name cannot be decided are not reported.",
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
                        msg!("metric-filter-without-alarm-template-watches", filter = f.meta.id, name = name),
                    );
                }
            }
        }
    },
);
