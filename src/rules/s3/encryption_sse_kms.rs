//! PAL-S3-003 `s3-encryption-sse-kms`: S3 bucket encrypts with S3-managed keys instead of KMS.

use super::BUCKET;

rule!(RULE,
    id: "PAL-S3-003",
    slug: "s3-encryption-sse-kms",
    title: "S3 bucket encrypts with S3-managed keys instead of KMS",
    severity: Info,
    layer: Data,
    service: "s3",
    controls: &["DATA-02"],
    well_architected: &["SEC08-BP01", "SEC08-BP02"],
    compliance: &["isms-p:2.7.2", "pci-4.0:3.6.1", "fsbp:S3.17"],
    resource_types: BUCKET,
    remediation: "For sensitive data use `SSEAlgorithm: aws:kms` with a customer managed key \
(`KMSMasterKeyID`), so that access to the data also requires access to the key and every use is logged.",
    description: "SSE-S3 (`AES256`) encrypts at rest, but anyone who can read the object gets the \
plaintext: there is no separate key policy and no per-use audit trail. SSE-KMS with a customer managed key \
adds both. The finding reports the algorithm in use.",
    check: |m, _, out| {
        for b in &m.buckets {
            let Some(rules) = b.encryption.get() else { continue };
            for r in rules {
                if r.algorithm.is(|a| a.eq_ignore_ascii_case("AES256")) {
                    out.report_field(
                        &b.meta,
                        &r.algorithm,
                        msg!("s3-encryption-sse-kms-bucket-uses", bucket = b.meta.id),
                    );
                }
            }
        }
    },
);
