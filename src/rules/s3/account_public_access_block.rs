//! PAL-S3-010 `s3-account-public-access-block`: the account's S3 Block Public Access is not
//! fully on.

use crate::model::kind;

rule!(RULE,
    id: "PAL-S3-010",
    slug: "s3-account-public-access-block",
    title: "Account-level S3 Block Public Access not fully on",
    severity: High,
    layer: Data,
    service: "s3",
    controls: &["DATA-01"],
    well_architected: &["SEC08-BP04", "SEC03-BP07"],
    compliance: &["cis-6.0:3.1.4", "cis-7.0:3.1.4", "fsbp:S3.1", "pci-4.0:1.4.4", "isms-p:2.6.1"],
    resource_types: &[kind::S3_ACCOUNT_PUBLIC_ACCESS_BLOCK],
    remediation: "Turn on all four settings of S3 Block Public Access for the account \
(`aws s3control put-public-access-block --account-id ID --public-access-block-configuration \
BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true`, or \
Terraform `aws_s3_account_public_access_block`). Serve public content through CloudFront with \
origin access control instead of public buckets.",
    description: "The account-level public access block overrides every bucket's own settings: with all \
four settings on, no bucket of the account can be made public by an ACL or a bucket policy, \
whoever creates it and however. Without it, one bucket policy or ACL written by hand is enough to \
publish data.",
    check: |m, _, out| {
        for (meta, b) in &m.account.s3_public_access_blocks {
            let settings = [
                (&b.block_public_acls, "BlockPublicAcls"),
                (&b.ignore_public_acls, "IgnorePublicAcls"),
                (&b.block_public_policy, "BlockPublicPolicy"),
                (&b.restrict_public_buckets, "RestrictPublicBuckets"),
            ];
            let off: Vec<&str> = settings
                .iter()
                .filter(|(f, _)| f.get() == Some(&false) || f.is_absent())
                .map(|(_, n)| *n)
                .collect();
            if off.is_empty() {
                continue;
            }
            let span = settings.iter().find(|(f, _)| f.get() == Some(&false)).map(|(f, _)| f.span).unwrap_or(b.span);
            out.report(
                meta,
                span,
                msg!("s3-account-public-access-block-off", settings = off.join(", ")),
            );
        }
    },
);
