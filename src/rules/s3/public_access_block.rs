//! PAL-S3-001 `s3-public-access-block`: S3 bucket does not block all public access.

use super::BUCKET;
use crate::finding::Severity;
use crate::model::{CannedAcl, S3Bucket, Tri};
use crate::rules::common::{BucketPolicies, public_allow};

rule!(RULE,
    id: "PAL-S3-001",
    slug: "s3-public-access-block",
    title: "S3 bucket does not block all public access",
    severity: High,
    layer: Data,
    service: "s3",
    controls: &["DATA-01"],
    well_architected: &["SEC03-BP07"],
    compliance: &[
        "isms-p:2.10.2", "cis-6.0:3.1.4", "cis-7.0:3.1.4", "pci-4.0:1.4.4", "fsbp:S3.1",
        "fsbp:S3.8",
    ],
    resource_types: BUCKET,
    remediation: "Add `PublicAccessBlockConfiguration` with `BlockPublicAcls`, `BlockPublicPolicy`, \
`IgnorePublicAcls` and `RestrictPublicBuckets` all set to `true`.",
    description: "S3 Block Public Access is the guard rail that keeps a bucket private even when an ACL \
or a bucket policy later grants access to everyone. All four settings are needed: the two ACL settings stop \
public ACLs from being set and from taking effect, the two policy settings do the same for bucket policies. \
A setting that is omitted is `false`. A bucket without the configuration gets all four from AWS's defaults \
for new buckets (since April 2023): that is reported as low, unless the template makes the bucket public (a \
public canned ACL or a bucket policy allowing everyone), which stays high.",
    check: |m, _, out| {
        let policies = BucketPolicies::of(m);
        for b in &m.buckets {
            let Some(pab) = &b.public_access_block else {
                match made_public(&policies, b) {
                    Some(why) => {
                        out.report(
                            &b.meta,
                            b.meta.span,
                            msg!("s3-public-access-block-bucket-publicaccessblockconfiguration", bucket = b.meta.id, why = why),
                        );
                    }
                    None => {
                        out.report(
                            &b.meta,
                            b.meta.span,
                            msg!("s3-public-access-block-bucket-publicaccessblockconfiguration-2", bucket = b.meta.id),
                        )
                        .severity = Severity::Low;
                    }
                }
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
                        out.report_field(&b.meta, f, msg!("s3-public-access-block-bucket-sets", bucket = b.meta.id, name = name));
                    }
                    Tri::Absent => {
                        out.report(
                            &b.meta,
                            pab.span,
                            msg!("s3-public-access-block-bucket-set", bucket = b.meta.id, name = name),
                        );
                    }
                    _ => {}
                }
            }
        }
    },
);

/// What in the unit makes the bucket public, if anything: a public canned ACL, or a bucket
/// policy of this unit that allows everyone.
fn made_public(policies: &BucketPolicies<'_>, b: &S3Bucket) -> Option<crate::i18n::Message> {
    if let Some(acl) = b.access_control.get()
        && [CannedAcl::PUBLIC_READ, CannedAcl::PUBLIC_READ_WRITE, CannedAcl::AUTHENTICATED_READ]
            .contains(&acl.value.as_str())
    {
        return Some(msg!("s3-public-by-acl", acl = acl.source_text));
    }
    let policy = policies
        .by_logical_id(b)
        .find(|p| p.document.get().is_some_and(|d| d.statements.iter().any(|s| public_allow(s).is_some())))?;
    Some(msg!("s3-public-by-policy", policy = policy.meta.id))
}
