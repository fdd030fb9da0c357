//! PAL-S3-008 `s3-public-acl`: S3 bucket ACL grants access to everyone.

use super::BUCKET;
use crate::model::CannedAcl;

rule!(RULE,
    id: "PAL-S3-008",
    slug: "s3-public-acl",
    title: "S3 bucket ACL grants access to everyone",
    severity: High,
    layer: Data,
    service: "s3",
    controls: &["DATA-07"],
    well_architected: &["SEC03-BP07"],
    compliance: &["isms-p:2.10.2", "pci-4.0:7.3.1", "fsbp:S3.2", "fsbp:S3.3", "fsbp:S3.12"],
    resource_types: BUCKET,
    remediation: "Remove `AccessControl` (or use `Private`/`BucketOwnerFullControl`/`LogDeliveryWrite`), \
set `OwnershipControls` to `BucketOwnerEnforced` to disable ACLs, and share data through a bucket policy \
with conditions or CloudFront with origin access control.",
    description: "The canned ACLs `PublicRead` and `PublicReadWrite` grant the `AllUsers` group \
(anyone on the internet) read or write access; `AuthenticatedRead` grants it to any AWS account in the \
world. Public write lets anyone store content at your cost and under your name.",
    check: |m, _, out| {
        for b in &m.buckets {
            if let Some(acl) = b.access_control.get()
                && matches!(
                    acl.value.as_str(),
                    CannedAcl::PUBLIC_READ | CannedAcl::PUBLIC_READ_WRITE | CannedAcl::AUTHENTICATED_READ
                )
            {
                let who = if acl.value == CannedAcl::AUTHENTICATED_READ {
                    msg!("s3-who-every-account")
                } else {
                    msg!("s3-who-everyone")
                };
                let what =
                    if acl.value == CannedAcl::PUBLIC_READ_WRITE { msg!("s3-what-read-write") } else { msg!("s3-what-read") };
                out.report_field(
                    &b.meta,
                    &b.access_control,
                    msg!("s3-public-acl-bucket-grants", bucket = b.meta.id, source_text = acl.source_text, what = what, who = who),
                );
            }
        }
    },
);
