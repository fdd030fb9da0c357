//! PAL-CLOUDTRAIL-003 `cloudtrail-kms-encryption`: CloudTrail logs are not encrypted with a KMS key.

use super::TRAIL;

rule!(RULE,
    id: "PAL-CLOUDTRAIL-003",
    slug: "cloudtrail-kms-encryption",
    title: "CloudTrail logs are not encrypted with a KMS key",
    severity: Medium,
    layer: Monitoring,
    service: "cloudtrail",
    controls: &["MON-01"],
    well_architected: &["SEC04-BP01", "SEC08-BP02"],
    compliance: &[
        "isms-p:2.9.4", "isms-p:2.7.1", "cis-6.0:4.5", "cis-7.0:4.5", "pci-4.0:10.3.2", "fsbp:CloudTrail.2",
    ],
    resource_types: TRAIL,
    remediation: "Set `KMSKeyId` to a customer managed KMS key (`!Ref CloudTrailKey`) whose key policy \
lets `cloudtrail.amazonaws.com` encrypt and only the security team decrypt.",
    description: "By default trail logs are encrypted with S3-managed keys, so anyone who can read the \
bucket can read the logs, which describe every API call in the account. With SSE-KMS, reading a log also \
needs `kms:Decrypt` on the key, a second, separately audited permission.",
    check: |m, _, out| {
        for t in &m.monitoring.trails {
            if t.kms_key.is_absent() {
                out.report(
                    &t.meta,
                    t.meta.span,
                    msg!("cloudtrail-kms-encryption-trail-kmskeyid", trail = t.meta.id),
                );
            }
        }
    },
);
