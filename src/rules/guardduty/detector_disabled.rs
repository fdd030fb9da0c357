//! PAL-GUARDDUTY-001 `guardduty-detector-disabled`: GuardDuty detector is created disabled.

use super::DETECTOR;

rule!(RULE,
    id: "PAL-GUARDDUTY-001",
    slug: "guardduty-detector-disabled",
    title: "GuardDuty detector is created disabled",
    severity: High,
    layer: Monitoring,
    service: "guardduty",
    controls: &["MON-04"],
    well_architected: &["SEC04-BP03"],
    compliance: &["isms-p:2.11.3", "isms-p:2.10.1", "pci-4.0:11.5.1", "fsbp:GuardDuty.1"],
    resource_types: DETECTOR,
    remediation: "Set `Enable: true` on the detector (and `FindingPublishingFrequency: FIFTEEN_MINUTES` to \
see findings sooner).",
    description: "GuardDuty analyses CloudTrail, VPC flow logs and DNS logs for signs of compromise \
(credential exfiltration, crypto-mining, calls from known malicious hosts). A detector with `Enable: false` \
exists but analyses nothing.",
    check: |m, _, out| {
        for d in &m.monitoring.detectors {
            if d.enable.is_false() {
                out.report_field(&d.meta, &d.enable, msg!("guardduty-detector-disabled-enable-false", detector = d.meta.id));
            }
        }
    },
);
