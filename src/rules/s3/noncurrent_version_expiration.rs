//! PAL-S3-006 `s3-noncurrent-version-expiration`: Versioned S3 bucket never expires noncurrent versions.

use super::BUCKET;
use crate::model::Tri;

rule!(RULE,
    id: "PAL-S3-006",
    slug: "s3-noncurrent-version-expiration",
    title: "Versioned S3 bucket never expires noncurrent versions",
    severity: Low,
    layer: Data,
    service: "s3",
    controls: &["DATA-05"],
    well_architected: &["SEC07-BP04"],
    compliance: &["pci-4.0:3.2.1", "fsbp:S3.10"],
    resource_types: BUCKET,
    remediation: "Add a `LifecycleConfiguration` rule with `Status: Enabled` and \
`NoncurrentVersionExpiration` (or `NoncurrentVersionExpirationInDays`) matching your retention policy.",
    description: "With versioning on, deleted and overwritten objects are kept as noncurrent versions \
forever unless a lifecycle rule expires them. Data then outlives its retention period, which widens what a \
breach can expose and what you pay for.",
    check: |m, _, out| {
        for b in &m.buckets {
            if b.versioning.get().map(String::as_str) != Some("Enabled") {
                continue;
            }
            match &b.lifecycle_rules.value {
                Tri::Absent => {
                    out.report(
                        &b.meta,
                        b.versioning.span,
                        msg!("s3-noncurrent-version-expiration-bucket-versioned", bucket = b.meta.id),
                    );
                }
                Tri::Known(rules) => {
                    let expires = rules.iter().any(|r| r.expires_noncurrent && !r.status.is(|s| s != "Enabled"));
                    if !expires {
                        out.report(
                            &b.meta,
                            b.lifecycle_rules.span,
                            msg!("s3-noncurrent-version-expiration-enabled-lifecycle", bucket = b.meta.id),
                        );
                    }
                }
                Tri::Unknown => {}
            }
        }
    },
);
