//! PAL-GUARDDUTY-002 `guardduty-protection-disabled`: GuardDuty protection feature is turned off.

use super::DETECTOR;

rule!(RULE,
    id: "PAL-GUARDDUTY-002",
    slug: "guardduty-protection-disabled",
    title: "GuardDuty protection feature is turned off",
    severity: Medium,
    layer: Monitoring,
    service: "guardduty",
    controls: &["MON-04"],
    well_architected: &["SEC04-BP03"],
    compliance: &[
        "isms-p:2.11.3", "isms-p:2.10.9", "pci-4.0:11.5.1", "fsbp:GuardDuty.9", "fsbp:GuardDuty.10",
    ],
    resource_types: DETECTOR,
    remediation: "Set `Status: ENABLED` for the feature (`S3_DATA_EVENTS`, `EKS_AUDIT_LOGS`, \
`RUNTIME_MONITORING`, `EBS_MALWARE_PROTECTION`, `RDS_LOGIN_EVENTS`, `LAMBDA_NETWORK_LOGS`), or remove the entry \
if the account does not use the service it protects.",
    description: "GuardDuty's protection plans extend detection to S3 data access, EKS audit logs, \
runtime behaviour of containers and instances, malware on EBS volumes, RDS logins and Lambda network activity. \
A feature listed with `Status: DISABLED` is a deliberate blind spot that should be justified.",
    check: |m, _, out| {
        for d in &m.monitoring.detectors {
            for (name, status) in &d.features {
                if status.get().is_some_and(|s| s.eq_ignore_ascii_case("DISABLED")) {
                    let name = name.get().map(String::as_str).unwrap_or("a feature");
                    out.report_field(&d.meta, status, msg!("guardduty-protection-disabled-detector-turns", detector = d.meta.id, name = name));
                }
            }
        }
    },
);
