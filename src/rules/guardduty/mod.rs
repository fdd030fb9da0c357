//! GuardDuty detectors (monitoring layer).

use super::{Builtin, StaticMeta};
use crate::finding::{Layer, Severity};
use crate::model::kind;

/// The rules of this area.
pub static RULES: &[&Builtin] = &[&DETECTOR_DISABLED, &FEATURE_DISABLED];

const DETECTOR: &[&str] = &[kind::GUARDDUTY_DETECTOR];

pub static DETECTOR_DISABLED: Builtin = Builtin {
    meta: StaticMeta {
        id: "PAL-GUARDDUTY-001",
        slug: "guardduty-detector-disabled",
        title: "GuardDuty detector is created disabled",
        severity: Severity::High,
        layer: Layer::Monitoring,
        service: "guardduty",
        well_architected: &["SEC04-BP03"],
        controls: &["MON-04"],
        resource_types: DETECTOR,
        remediation: "Set `Enable: true` on the detector (and `FindingPublishingFrequency: FIFTEEN_MINUTES` to \
see findings sooner).",
        description: "GuardDuty analyses CloudTrail, VPC flow logs and DNS logs for signs of compromise \
(credential exfiltration, crypto-mining, calls from known malicious hosts). A detector with `Enable: false` \
exists but analyses nothing.",
    },
    check: |m, _, out| {
        for d in &m.monitoring.detectors {
            if d.enable.is_false() {
                out.report_field(&d.meta, &d.enable, format!("GuardDuty detector `{}` has Enable: false", d.meta.id));
            }
        }
    },
};

pub static FEATURE_DISABLED: Builtin = Builtin {
    meta: StaticMeta {
        id: "PAL-GUARDDUTY-002",
        slug: "guardduty-protection-disabled",
        title: "GuardDuty protection feature is turned off",
        severity: Severity::Medium,
        layer: Layer::Monitoring,
        service: "guardduty",
        well_architected: &["SEC04-BP03"],
        controls: &["MON-04"],
        resource_types: DETECTOR,
        remediation: "Set `Status: ENABLED` for the feature (`S3_DATA_EVENTS`, `EKS_AUDIT_LOGS`, \
`RUNTIME_MONITORING`, `EBS_MALWARE_PROTECTION`, `RDS_LOGIN_EVENTS`, `LAMBDA_NETWORK_LOGS`), or remove the entry \
if the account does not use the service it protects.",
        description: "GuardDuty's protection plans extend detection to S3 data access, EKS audit logs, \
runtime behaviour of containers and instances, malware on EBS volumes, RDS logins and Lambda network activity. \
A feature listed with `Status: DISABLED` is a deliberate blind spot that should be justified.",
    },
    check: |m, _, out| {
        for d in &m.monitoring.detectors {
            for (name, status) in &d.features {
                if status.get().is_some_and(|s| s.eq_ignore_ascii_case("DISABLED")) {
                    let name = name.get().map(String::as_str).unwrap_or("a feature");
                    out.report_field(&d.meta, status, format!("GuardDuty detector `{}` turns off {name}", d.meta.id));
                }
            }
        }
    },
};
