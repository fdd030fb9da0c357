//! PAL-S3-002 `s3-default-encryption`: S3 bucket has no default encryption configuration.

use super::BUCKET;
use crate::model::Tri;

rule!(RULE,
    id: "PAL-S3-002",
    slug: "s3-default-encryption",
    title: "S3 bucket has no default encryption configuration",
    severity: Low,
    layer: Data,
    service: "s3",
    controls: &["DATA-02"],
    well_architected: &["SEC08-BP02"],
    compliance: &["isms-p:2.7.1", "pci-4.0:3.5.1"],
    resource_types: BUCKET,
    remediation: "Add `BucketEncryption.ServerSideEncryptionConfiguration` with \
`ServerSideEncryptionByDefault.SSEAlgorithm: aws:kms` and a customer managed `KMSMasterKeyID` \
(or at least `AES256`), and `BucketKeyEnabled: true` to reduce KMS costs.",
    description: "Without an explicit default encryption configuration the bucket relies on S3's \
account-independent default (SSE-S3 since January 2023), which cannot be audited from the template and gives \
no key-level access control. Declaring the encryption makes the intent reviewable and lets you choose \
SSE-KMS for sensitive data.",
    check: |m, _, out| {
        for b in &m.buckets {
            match &b.encryption.value {
                Tri::Absent => {
                    out.report(
                        &b.meta,
                        b.meta.span,
                        msg!("s3-default-encryption-bucket-declare", bucket = b.meta.id),
                    );
                }
                Tri::Known(rules) if rules.is_empty() => {
                    out.report(
                        &b.meta,
                        b.encryption.span,
                        msg!("s3-default-encryption-bucket-empty", bucket = b.meta.id),
                    );
                }
                _ => {}
            }
        }
    },
);
