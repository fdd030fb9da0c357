//! PAL-CLOUDTRAIL-001 `cloudtrail-multi-region`: CloudTrail trail does not cover every region and global services.

use super::{TRAIL, each_trail};
use crate::model::Tri;

rule!(RULE,
    id: "PAL-CLOUDTRAIL-001",
    slug: "cloudtrail-multi-region",
    title: "CloudTrail trail does not cover every region and global services",
    severity: High,
    layer: Monitoring,
    service: "cloudtrail",
    controls: &["MON-01"],
    well_architected: &["SEC04-BP01"],
    compliance: &["isms-p:2.9.4", "cis-6.0:4.1", "cis-7.0:4.1", "pci-4.0:10.2.1", "fsbp:CloudTrail.1"],
    resource_types: TRAIL,
    remediation: "Set `IsMultiRegionTrail: true` and keep `IncludeGlobalServiceEvents: true` (the default) \
so that one trail records API activity in every region, including regions you do not use and the global \
services (IAM, STS, CloudFront) whose events are delivered to us-east-1.",
    description: "A single-region trail records nothing about what happens in the other regions. An \
attacker with stolen credentials typically launches resources in a region nobody watches; without a \
multi-region trail there is no record of it. Turning off global service events hides IAM and STS calls — \
user creation, policy changes, role assumption — which are the heart of most incidents. \
`IsMultiRegionTrail` defaults to `false`.",
    check: |m, _, out| {
        each_trail(m, out, |t| {
            if t.global_events.is_false() {
                return Some((
                    &t.global_events,
                    msg!("cloudtrail-multi-region-trail-excludes", trail = t.meta.id),
                ));
            }
            match &t.multi_region.value {
                Tri::Absent | Tri::Known(false) => Some((
                    &t.multi_region,
                    msg!("cloudtrail-multi-region-trail-records", trail = t.meta.id),
                )),
                _ => None,
            }
        })
    },
);
