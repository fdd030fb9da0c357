//! PAL-S3-004 `s3-versioning`: S3 bucket versioning is not enabled.

use super::BUCKET;
use crate::model::Tri;

rule!(RULE,
    id: "PAL-S3-004",
    slug: "s3-versioning",
    title: "S3 bucket versioning is not enabled",
    severity: Low,
    layer: Data,
    service: "s3",
    controls: &["DATA-03"],
    well_architected: &["SEC08-BP04"],
    compliance: &["isms-p:2.9.3", "fsbp:S3.14"],
    resource_types: BUCKET,
    remediation: "Set `VersioningConfiguration.Status: Enabled`.",
    description: "Versioning keeps every version of every object, so that an overwrite or a delete \
— by mistake, by a compromised credential or by ransomware — can be undone.",
    check: |m, _, out| {
        for b in &m.buckets {
            match &b.versioning.value {
                Tri::Absent => {
                    out.report(&b.meta, b.meta.span, msg!("s3-versioning-bucket-enable", bucket = b.meta.id));
                }
                Tri::Known(s) if s != "Enabled" => {
                    out.report_field(&b.meta, &b.versioning, msg!("s3-versioning-bucket", bucket = b.meta.id, s = s));
                }
                _ => {}
            }
        }
    },
);
