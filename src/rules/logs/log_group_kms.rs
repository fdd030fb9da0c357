//! PAL-LOGS-002 `log-group-kms`: Log group is not encrypted with a KMS key.

use crate::model::kind;

rule!(RULE,
    id: "PAL-LOGS-002",
    slug: "log-group-kms",
    title: "Log group is not encrypted with a KMS key",
    severity: Low,
    layer: Monitoring,
    service: "logs",
    controls: &["MON-08"],
    well_architected: &["SEC04-BP01", "SEC08-BP02"],
    compliance: &["isms-p:2.9.4", "pci-4.0:10.3.2"],
    resource_types: &[kind::LOGS_LOG_GROUP],
    remediation: "Set `KmsKeyId` to the ARN of a customer managed key (`!GetAtt LogsKey.Arn`) whose key \
policy allows `logs.<region>.amazonaws.com` to use it for this log group.",
    description: "CloudWatch Logs always encrypts data with a service key; a customer managed key adds \
control over who can read the events (`kms:Decrypt` is checked on every read), an audit trail of key use, \
and the ability to make the logs unreadable by disabling the key.",
    check: |m, _, out| {
        for g in &m.monitoring.log_groups {
            if g.kms_key.is_absent() {
                out.report(&g.meta, g.meta.span, msg!("log-group-kms-kmskeyid", group = g.meta.id));
            }
        }
    },
);
