//! PAL-CLOUDTRAIL-002 `cloudtrail-log-file-validation`: CloudTrail log file integrity validation is disabled.

use super::{TRAIL, each_trail};
use crate::model::Tri;

rule!(RULE,
    id: "PAL-CLOUDTRAIL-002",
    slug: "cloudtrail-log-file-validation",
    title: "CloudTrail log file integrity validation is disabled",
    severity: Medium,
    layer: Monitoring,
    service: "cloudtrail",
    controls: &["MON-01"],
    well_architected: &["SEC04-BP01"],
    compliance: &[
        "isms-p:2.9.4", "cis-6.0:4.2", "cis-7.0:4.2", "pci-4.0:10.3.2", "pci-4.0:10.3.4",
        "fsbp:CloudTrail.4",
    ],
    resource_types: TRAIL,
    remediation: "Set `EnableLogFileValidation: true` on the trail. CloudTrail then writes hourly signed \
digest files, and `aws cloudtrail validate-logs` proves whether any log file was changed or deleted.",
    description: "Without validation there is no way to show that the delivered log files are the ones \
CloudTrail wrote: an intruder with write access to the log bucket can remove or edit the records of what they \
did. Digest files chain SHA-256 hashes of every log file and are signed by CloudTrail. The property defaults \
to `false`.",
    check: |m, _, out| {
        each_trail(m, out, |t| match &t.log_validation.value {
            Tri::Absent | Tri::Known(false) => Some((
                &t.log_validation,
                msg!("cloudtrail-log-file-validation-trail-validate", trail = t.meta.id),
            )),
            _ => None,
        })
    },
);
