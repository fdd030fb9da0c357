//! PAL-ECR-003 `ecr-encryption-kms`: ECR repository is not encrypted with a KMS key.

use super::REPOSITORY;
use crate::model::Tri;

rule!(RULE,
    id: "PAL-ECR-003",
    slug: "ecr-encryption-kms",
    title: "ECR repository is not encrypted with a KMS key",
    severity: Low,
    layer: Data,
    service: "ecr",
    controls: &["APP-11"],
    well_architected: &["SEC08-BP02"],
    compliance: &["isms-p:2.7.1", "pci-4.0:3.5.1"],
    resource_types: REPOSITORY,
    remediation: "Add `EncryptionConfiguration` with `EncryptionType: KMS` and a customer managed \
`KmsKey` (the encryption settings of a repository cannot be changed after it is created).",
    description: "ECR encrypts images at rest with S3-managed AES-256 keys by default. A KMS key \
adds an access control of its own (the key policy) and a CloudTrail record of every use, which matters \
for images that embed proprietary code or data.",
    check: |m, _, out| {
        for r in &m.ecr_repositories {
            match &r.encryption_type.value {
                Tri::Absent => {
                    out.report(
                        &r.meta,
                        r.encryption_type.span,
                        msg!("ecr-encryption-kms-repository-uses", repository = r.meta.id),
                    );
                }
                Tri::Known(t) if t == "AES256" => {
                    out.report_field(
                        &r.meta,
                        &r.encryption_type,
                        msg!("ecr-encryption-kms-repository-uses-2", repository = r.meta.id),
                    );
                }
                _ => {}
            }
        }
    },
);
