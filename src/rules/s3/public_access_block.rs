//! PAL-S3-001 `s3-public-access-block`: S3 bucket does not block all public access.

use super::BUCKET;
use crate::model::Tri;

rule!(RULE,
    id: "PAL-S3-001",
    slug: "s3-public-access-block",
    title: "S3 bucket does not block all public access",
    severity: High,
    layer: Data,
    service: "s3",
    controls: &["DATA-01"],
    well_architected: &["SEC03-BP07"],
    resource_types: BUCKET,
    remediation: "Add `PublicAccessBlockConfiguration` with `BlockPublicAcls`, `BlockPublicPolicy`, \
`IgnorePublicAcls` and `RestrictPublicBuckets` all set to `true`.",
    description: "S3 Block Public Access is the guard rail that keeps a bucket private even when an ACL \
or a bucket policy later grants access to everyone. All four settings are needed: the two ACL settings stop \
public ACLs from being set and from taking effect, the two policy settings do the same for bucket policies. \
A setting that is omitted is `false`.",
    check: |m, _, out| {
        for b in &m.buckets {
            let Some(pab) = &b.public_access_block else {
                out.report(
                    &b.meta,
                    b.meta.span,
                    format!("bucket `{}` has no PublicAccessBlockConfiguration", b.meta.id),
                );
                continue;
            };
            let settings = [
                ("BlockPublicAcls", &pab.block_public_acls),
                ("BlockPublicPolicy", &pab.block_public_policy),
                ("IgnorePublicAcls", &pab.ignore_public_acls),
                ("RestrictPublicBuckets", &pab.restrict_public_buckets),
            ];
            for (name, f) in settings {
                match f.value {
                    Tri::Known(false) => {
                        out.report_field(&b.meta, f, format!("bucket `{}` sets {name} to false", b.meta.id));
                    }
                    Tri::Absent => {
                        out.report(
                            &b.meta,
                            pab.span,
                            format!("bucket `{}` does not set {name} (defaults to false)", b.meta.id),
                        );
                    }
                    _ => {}
                }
            }
        }
    },
);
