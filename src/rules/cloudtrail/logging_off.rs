//! PAL-CLOUDTRAIL-005 `cloudtrail-logging-off`: CloudTrail trail is created with logging turned off.

use super::{TRAIL, each_trail};

rule!(RULE,
    id: "PAL-CLOUDTRAIL-005",
    slug: "cloudtrail-logging-off",
    title: "CloudTrail trail is created with logging turned off",
    severity: High,
    layer: Monitoring,
    service: "cloudtrail",
    controls: &["MON-01"],
    well_architected: &["SEC04-BP01"],
    compliance: &["isms-p:2.9.4", "cis-6.0:4.1", "cis-7.0:4.1", "pci-4.0:10.2.1", "fsbp:CloudTrail.3"],
    resource_types: TRAIL,
    remediation: "Set `IsLogging: true`.",
    description: "`IsLogging: false` creates the trail but stops it: nothing is recorded, while the \
console and inventories still show a trail, which gives a false sense of coverage.",
    check: |m, _, out| {
        each_trail(m, out, |t| {
            t.is_logging.is_false().then(|| (&t.is_logging, msg!("cloudtrail-logging-off-trail-islogging", trail = t.meta.id)))
        })
    },
);
