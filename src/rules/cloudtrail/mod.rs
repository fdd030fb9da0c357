//! CloudTrail trails (monitoring layer): coverage, integrity, encryption and delivery.

use super::{Builtin, Sink, StaticMeta};
use crate::finding::{Layer, Severity};
use crate::model::kind;
use crate::model::{Field, Model, Trail, Tri};

/// The rules of this area.
pub static RULES: &[&Builtin] = &[&MULTI_REGION, &LOG_VALIDATION, &KMS, &CLOUDWATCH, &NOT_LOGGING];

const TRAIL: &[&str] = &[kind::CLOUDTRAIL_TRAIL];

/// Reports every trail where `bad` picks a field that is off, with `what` as the message.
fn each_trail(m: &Model, out: &mut Sink<'_>, bad: impl Fn(&Trail) -> Option<(&Field<bool>, String)>) {
    for t in &m.monitoring.trails {
        if let Some((f, msg)) = bad(t) {
            out.report_field(&t.meta, f, msg);
        }
    }
}

pub static MULTI_REGION: Builtin = Builtin {
    meta: StaticMeta {
        id: "PAL-CLOUDTRAIL-001",
        slug: "cloudtrail-multi-region",
        title: "CloudTrail trail does not cover every region and global services",
        severity: Severity::High,
        layer: Layer::Monitoring,
        service: "cloudtrail",
        well_architected: &["SEC04-BP01"],
        controls: &["MON-01"],
        resource_types: TRAIL,
        remediation: "Set `IsMultiRegionTrail: true` and keep `IncludeGlobalServiceEvents: true` (the default) \
so that one trail records API activity in every region, including regions you do not use and the global \
services (IAM, STS, CloudFront) whose events are delivered to us-east-1.",
        description: "A single-region trail records nothing about what happens in the other regions. An \
attacker with stolen credentials typically launches resources in a region nobody watches; without a \
multi-region trail there is no record of it. Turning off global service events hides IAM and STS calls — \
user creation, policy changes, role assumption — which are the heart of most incidents. \
`IsMultiRegionTrail` defaults to `false`.",
    },
    check: |m, _, out| {
        each_trail(m, out, |t| {
            if t.global_events.is_false() {
                return Some((
                    &t.global_events,
                    format!("trail `{}` excludes global service events (IAM, STS, CloudFront)", t.meta.id),
                ));
            }
            match &t.multi_region.value {
                Tri::Absent | Tri::Known(false) => Some((
                    &t.multi_region,
                    format!(
                        "trail `{}` records only the region it is created in (IsMultiRegionTrail is not true)",
                        t.meta.id
                    ),
                )),
                _ => None,
            }
        })
    },
};

pub static LOG_VALIDATION: Builtin = Builtin {
    meta: StaticMeta {
        id: "PAL-CLOUDTRAIL-002",
        slug: "cloudtrail-log-file-validation",
        title: "CloudTrail log file integrity validation is disabled",
        severity: Severity::Medium,
        layer: Layer::Monitoring,
        service: "cloudtrail",
        well_architected: &["SEC04-BP01"],
        controls: &["MON-01"],
        resource_types: TRAIL,
        remediation: "Set `EnableLogFileValidation: true` on the trail. CloudTrail then writes hourly signed \
digest files, and `aws cloudtrail validate-logs` proves whether any log file was changed or deleted.",
        description: "Without validation there is no way to show that the delivered log files are the ones \
CloudTrail wrote: an intruder with write access to the log bucket can remove or edit the records of what they \
did. Digest files chain SHA-256 hashes of every log file and are signed by CloudTrail. The property defaults \
to `false`.",
    },
    check: |m, _, out| {
        each_trail(m, out, |t| match &t.log_validation.value {
            Tri::Absent | Tri::Known(false) => Some((
                &t.log_validation,
                format!("trail `{}` does not validate its log files (EnableLogFileValidation is not true)", t.meta.id),
            )),
            _ => None,
        })
    },
};

pub static KMS: Builtin = Builtin {
    meta: StaticMeta {
        id: "PAL-CLOUDTRAIL-003",
        slug: "cloudtrail-kms-encryption",
        title: "CloudTrail logs are not encrypted with a KMS key",
        severity: Severity::Medium,
        layer: Layer::Monitoring,
        service: "cloudtrail",
        well_architected: &["SEC04-BP01", "SEC08-BP02"],
        controls: &["MON-01"],
        resource_types: TRAIL,
        remediation: "Set `KMSKeyId` to a customer managed KMS key (`!Ref CloudTrailKey`) whose key policy \
lets `cloudtrail.amazonaws.com` encrypt and only the security team decrypt.",
        description: "By default trail logs are encrypted with S3-managed keys, so anyone who can read the \
bucket can read the logs, which describe every API call in the account. With SSE-KMS, reading a log also \
needs `kms:Decrypt` on the key, a second, separately audited permission.",
    },
    check: |m, _, out| {
        for t in &m.monitoring.trails {
            if t.kms_key.is_absent() {
                out.report(
                    &t.meta,
                    t.meta.span,
                    format!("trail `{}` has no KMSKeyId: its logs use S3-managed keys", t.meta.id),
                );
            }
        }
    },
};

pub static CLOUDWATCH: Builtin = Builtin {
    meta: StaticMeta {
        id: "PAL-CLOUDTRAIL-004",
        slug: "cloudtrail-cloudwatch-logs",
        title: "CloudTrail trail does not send events to CloudWatch Logs",
        severity: Severity::Low,
        layer: Layer::Monitoring,
        service: "cloudtrail",
        well_architected: &["SEC04-BP01", "SEC04-BP02"],
        controls: &["MON-01", "MON-02"],
        resource_types: TRAIL,
        remediation: "Set `CloudWatchLogsLogGroupArn` (`!GetAtt TrailLogGroup.Arn`) and `CloudWatchLogsRoleArn` \
(a role `cloudtrail.amazonaws.com` can assume with `logs:CreateLogStream` and `logs:PutLogEvents` on the group), \
then add metric filters and alarms for the events you must react to.",
        description: "Logs that only land in S3 are read after the fact. Delivering the trail to CloudWatch \
Logs is what makes real-time detection possible: metric filters and alarms on root sign-in, IAM policy changes, \
security group changes or failed API calls all need the events in a log group.",
    },
    check: |m, _, out| {
        for t in &m.monitoring.trails {
            if t.log_group.is_absent() {
                out.report(
                    &t.meta,
                    t.meta.span,
                    format!(
                        "trail `{}` has no CloudWatchLogsLogGroupArn: no real-time alarms can be built on it",
                        t.meta.id
                    ),
                );
            }
        }
    },
};

pub static NOT_LOGGING: Builtin = Builtin {
    meta: StaticMeta {
        id: "PAL-CLOUDTRAIL-005",
        slug: "cloudtrail-logging-off",
        title: "CloudTrail trail is created with logging turned off",
        severity: Severity::High,
        layer: Layer::Monitoring,
        service: "cloudtrail",
        well_architected: &["SEC04-BP01"],
        controls: &["MON-01"],
        resource_types: TRAIL,
        remediation: "Set `IsLogging: true`.",
        description: "`IsLogging: false` creates the trail but stops it: nothing is recorded, while the \
console and inventories still show a trail, which gives a false sense of coverage.",
    },
    check: |m, _, out| {
        each_trail(m, out, |t| {
            t.is_logging.is_false().then(|| (&t.is_logging, format!("trail `{}` has IsLogging: false", t.meta.id)))
        })
    },
};
