//! S3 buckets and bucket policies (data layer).

use super::common::{bucket_policies, public_allow};
use super::{Builtin, StaticMeta};
use crate::finding::{Layer, Severity};
use crate::model::kind;
use crate::model::{CannedAcl, Effect, Tri};

/// The rules of this area.
pub static RULES: &[&Builtin] = &[
    &PUBLIC_ACCESS_BLOCK,
    &DEFAULT_ENCRYPTION,
    &ENCRYPTION_KMS,
    &VERSIONING,
    &ACCESS_LOGGING,
    &NONCURRENT_EXPIRATION,
    &DENY_INSECURE_TRANSPORT,
    &PUBLIC_ACL,
    &PUBLIC_POLICY,
];

const BUCKET: &[&str] = &[kind::S3_BUCKET];

pub static PUBLIC_ACCESS_BLOCK: Builtin = Builtin {
    meta: StaticMeta {
        id: "PAL-S3-001",
        slug: "s3-public-access-block",
        title: "S3 bucket does not block all public access",
        severity: Severity::High,
        layer: Layer::Data,
        service: "s3",
        well_architected: &["SEC03-BP07"],
        controls: &["DATA-01"],
        resource_types: BUCKET,
        remediation: "Add `PublicAccessBlockConfiguration` with `BlockPublicAcls`, `BlockPublicPolicy`, \
`IgnorePublicAcls` and `RestrictPublicBuckets` all set to `true`.",
        description: "S3 Block Public Access is the guard rail that keeps a bucket private even when an ACL \
or a bucket policy later grants access to everyone. All four settings are needed: the two ACL settings stop \
public ACLs from being set and from taking effect, the two policy settings do the same for bucket policies. \
A setting that is omitted is `false`.",
    },
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
};

pub static DEFAULT_ENCRYPTION: Builtin = Builtin {
    meta: StaticMeta {
        id: "PAL-S3-002",
        slug: "s3-default-encryption",
        title: "S3 bucket has no default encryption configuration",
        severity: Severity::Medium,
        layer: Layer::Data,
        service: "s3",
        well_architected: &["SEC08-BP02"],
        controls: &["DATA-02"],
        resource_types: BUCKET,
        remediation: "Add `BucketEncryption.ServerSideEncryptionConfiguration` with \
`ServerSideEncryptionByDefault.SSEAlgorithm: aws:kms` and a customer managed `KMSMasterKeyID` \
(or at least `AES256`), and `BucketKeyEnabled: true` to reduce KMS costs.",
        description: "Without an explicit default encryption configuration the bucket relies on S3's \
account-independent default (SSE-S3 since January 2023), which cannot be audited from the template and gives \
no key-level access control. Declaring the encryption makes the intent reviewable and lets you choose \
SSE-KMS for sensitive data.",
    },
    check: |m, _, out| {
        for b in &m.buckets {
            match &b.encryption.value {
                Tri::Absent => {
                    out.report(
                        &b.meta,
                        b.meta.span,
                        format!("bucket `{}` does not declare default encryption", b.meta.id),
                    );
                }
                Tri::Known(rules) if rules.is_empty() => {
                    out.report(
                        &b.meta,
                        b.encryption.span,
                        format!("bucket `{}` has an empty encryption configuration", b.meta.id),
                    );
                }
                _ => {}
            }
        }
    },
};

pub static ENCRYPTION_KMS: Builtin = Builtin {
    meta: StaticMeta {
        id: "PAL-S3-003",
        slug: "s3-encryption-sse-kms",
        title: "S3 bucket encrypts with S3-managed keys instead of KMS",
        severity: Severity::Info,
        layer: Layer::Data,
        service: "s3",
        well_architected: &["SEC08-BP01", "SEC08-BP02"],
        controls: &["DATA-02"],
        resource_types: BUCKET,
        remediation: "For sensitive data use `SSEAlgorithm: aws:kms` with a customer managed key \
(`KMSMasterKeyID`), so that access to the data also requires access to the key and every use is logged.",
        description: "SSE-S3 (`AES256`) encrypts at rest, but anyone who can read the object gets the \
plaintext: there is no separate key policy and no per-use audit trail. SSE-KMS with a customer managed key \
adds both. The finding reports the algorithm in use.",
    },
    check: |m, _, out| {
        for b in &m.buckets {
            let Some(rules) = b.encryption.get() else { continue };
            for r in rules {
                if r.algorithm.is(|a| a.eq_ignore_ascii_case("AES256")) {
                    out.report_field(
                        &b.meta,
                        &r.algorithm,
                        format!("bucket `{}` uses SSE-S3 (AES256) rather than SSE-KMS", b.meta.id),
                    );
                }
            }
        }
    },
};

pub static VERSIONING: Builtin = Builtin {
    meta: StaticMeta {
        id: "PAL-S3-004",
        slug: "s3-versioning",
        title: "S3 bucket versioning is not enabled",
        severity: Severity::Medium,
        layer: Layer::Data,
        service: "s3",
        well_architected: &["SEC08-BP04"],
        controls: &["DATA-03"],
        resource_types: BUCKET,
        remediation: "Set `VersioningConfiguration.Status: Enabled`.",
        description: "Versioning keeps every version of every object, so that an overwrite or a delete \
— by mistake, by a compromised credential or by ransomware — can be undone.",
    },
    check: |m, _, out| {
        for b in &m.buckets {
            match &b.versioning.value {
                Tri::Absent => {
                    out.report(&b.meta, b.meta.span, format!("bucket `{}` does not enable versioning", b.meta.id));
                }
                Tri::Known(s) if s != "Enabled" => {
                    out.report_field(&b.meta, &b.versioning, format!("bucket `{}` has versioning `{s}`", b.meta.id));
                }
                _ => {}
            }
        }
    },
};

pub static ACCESS_LOGGING: Builtin = Builtin {
    meta: StaticMeta {
        id: "PAL-S3-005",
        slug: "s3-access-logging",
        title: "S3 bucket server access logging is not enabled",
        severity: Severity::Low,
        layer: Layer::Data,
        service: "s3",
        well_architected: &["SEC04-BP01"],
        controls: &["DATA-04"],
        resource_types: BUCKET,
        remediation: "Add `LoggingConfiguration` with a `DestinationBucketName` (a separate bucket \
reserved for logs) and a `LogFilePrefix`.",
        description: "Server access logs record every request made to the bucket: who, what, when and \
from where. They are the evidence an investigation needs when data is read or changed unexpectedly.",
    },
    check: |m, _, out| {
        // A bucket that receives other buckets' access logs is not expected to log itself.
        let is_log_target = |b: &crate::model::S3Bucket| {
            m.buckets.iter().any(|o| o.log_destination.get().is_some_and(|l| super::common::links_to_bucket(l, b)))
        };
        for b in &m.buckets {
            if b.logging.is_absent() && !is_log_target(b) {
                out.report(
                    &b.meta,
                    b.meta.span,
                    format!("bucket `{}` does not enable server access logging", b.meta.id),
                );
            }
        }
    },
};

pub static NONCURRENT_EXPIRATION: Builtin = Builtin {
    meta: StaticMeta {
        id: "PAL-S3-006",
        slug: "s3-noncurrent-version-expiration",
        title: "Versioned S3 bucket never expires noncurrent versions",
        severity: Severity::Low,
        layer: Layer::Data,
        service: "s3",
        well_architected: &["SEC07-BP04"],
        controls: &["DATA-05"],
        resource_types: BUCKET,
        remediation: "Add a `LifecycleConfiguration` rule with `Status: Enabled` and \
`NoncurrentVersionExpiration` (or `NoncurrentVersionExpirationInDays`) matching your retention policy.",
        description: "With versioning on, deleted and overwritten objects are kept as noncurrent versions \
forever unless a lifecycle rule expires them. Data then outlives its retention period, which widens what a \
breach can expose and what you pay for.",
    },
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
                        format!(
                            "bucket `{}` is versioned but has no lifecycle rule expiring noncurrent versions",
                            b.meta.id
                        ),
                    );
                }
                Tri::Known(rules) => {
                    let expires = rules.iter().any(|r| r.expires_noncurrent && !r.status.is(|s| s != "Enabled"));
                    if !expires {
                        out.report(
                            &b.meta,
                            b.lifecycle_rules.span,
                            format!("no enabled lifecycle rule of bucket `{}` expires noncurrent versions", b.meta.id),
                        );
                    }
                }
                Tri::Unknown => {}
            }
        }
    },
};

pub static DENY_INSECURE_TRANSPORT: Builtin = Builtin {
    meta: StaticMeta {
        id: "PAL-S3-007",
        slug: "s3-deny-insecure-transport",
        title: "S3 bucket policy does not deny requests without TLS",
        severity: Severity::Medium,
        layer: Layer::Data,
        service: "s3",
        well_architected: &["SEC09-BP02"],
        controls: &["DATA-06"],
        resource_types: &[kind::S3_BUCKET, kind::S3_BUCKET_POLICY],
        remediation: "Add a bucket policy statement with `Effect: Deny`, `Principal: \"*\"`, \
`Action: \"s3:*\"`, the bucket and its objects as `Resource`, and \
`Condition: {Bool: {\"aws:SecureTransport\": \"false\"}}`.",
        description: "S3 accepts plain HTTP requests unless a bucket policy denies them. A deny on \
`aws:SecureTransport = false` makes every client use TLS, so data and credentials are never sent in clear \
text.",
    },
    check: |m, _, out| {
        for b in &m.buckets {
            let (policies, undecided) = bucket_policies(m, b);
            if policies.is_empty() {
                if !undecided {
                    out.report(
                        &b.meta,
                        b.meta.span,
                        format!("bucket `{}` has no bucket policy denying requests without TLS", b.meta.id),
                    );
                }
                continue;
            }
            let mut any_unknown = false;
            let mut denies = false;
            for (_, doc) in &policies {
                let Some(doc) = doc else {
                    any_unknown = true;
                    continue;
                };
                any_unknown |= doc.has_unknown_statements;
                denies |= doc.statements.iter().any(|s| {
                    s.effect.get() == Some(&Effect::Deny)
                        && s.covers_action("s3:GetObject") == Some(true)
                        && (s.condition("aws:SecureTransport").any(|c| {
                            c.operator.starts_with("Bool")
                                && c.values.known().any(|(v, _)| v.eq_ignore_ascii_case("false"))
                        }) || s.condition("s3:TlsVersion").any(|c| c.operator.starts_with("NumericLessThan")))
                });
            }
            if !denies && !any_unknown {
                let (p, _) = policies[0];
                out.report(
                    &p.meta,
                    p.document.span,
                    format!("the policy of bucket `{}` does not deny requests without TLS", b.meta.id),
                )
                .with_related(b.meta.span, format!("bucket `{}`", b.meta.id));
            }
        }
    },
};

pub static PUBLIC_ACL: Builtin = Builtin {
    meta: StaticMeta {
        id: "PAL-S3-008",
        slug: "s3-public-acl",
        title: "S3 bucket ACL grants access to everyone",
        severity: Severity::High,
        layer: Layer::Data,
        service: "s3",
        well_architected: &["SEC03-BP07"],
        controls: &["DATA-07"],
        resource_types: BUCKET,
        remediation: "Remove `AccessControl` (or use `Private`/`BucketOwnerFullControl`/`LogDeliveryWrite`), \
set `OwnershipControls` to `BucketOwnerEnforced` to disable ACLs, and share data through a bucket policy \
with conditions or CloudFront with origin access control.",
        description: "The canned ACLs `PublicRead` and `PublicReadWrite` grant the `AllUsers` group \
(anyone on the internet) read or write access; `AuthenticatedRead` grants it to any AWS account in the \
world. Public write lets anyone store content at your cost and under your name.",
    },
    check: |m, _, out| {
        for b in &m.buckets {
            if let Some(acl) = b.access_control.get()
                && matches!(
                    acl.value.as_str(),
                    CannedAcl::PUBLIC_READ | CannedAcl::PUBLIC_READ_WRITE | CannedAcl::AUTHENTICATED_READ
                )
            {
                let who = if acl.value == CannedAcl::AUTHENTICATED_READ { "every AWS account" } else { "everyone" };
                let what = if acl.value == CannedAcl::PUBLIC_READ_WRITE { "read and write" } else { "read" };
                out.report_field(
                    &b.meta,
                    &b.access_control,
                    format!("bucket `{}` ACL `{}` grants {what} access to {who}", b.meta.id, acl.source_text),
                );
            }
        }
    },
};

pub static PUBLIC_POLICY: Builtin = Builtin {
    meta: StaticMeta {
        id: "PAL-S3-009",
        slug: "s3-public-bucket-policy",
        title: "S3 bucket policy allows everyone without a restricting condition",
        severity: Severity::Critical,
        layer: Layer::Data,
        service: "s3",
        well_architected: &["SEC03-BP07"],
        controls: &["DATA-07", "IAM-12"],
        resource_types: &[kind::S3_BUCKET_POLICY],
        remediation: "Name the principals that need access, or restrict the statement with a condition \
on `aws:SourceVpce`, `aws:SourceVpc`, `aws:SourceIp`, `aws:PrincipalOrgID`, `aws:SourceAccount` or \
`aws:SourceArn`. To serve public content, put CloudFront with origin access control in front.",
        description: "An `Allow` statement whose principal is `*` (or `{\"AWS\": \"*\"}`) grants its \
actions to anyone on the internet, unless a condition narrows it down to a network, an organisation or a \
source resource.",
    },
    check: |m, _, out| {
        for p in &m.bucket_policies {
            let Some(doc) = p.document.get() else { continue };
            for s in &doc.statements {
                if let Some(span) = public_allow(s) {
                    let actions: Vec<&str> = s.action.iter().flat_map(|l| l.known().map(|(a, _)| a)).collect();
                    let what = if actions.is_empty() { "its actions".to_string() } else { actions.join(", ") };
                    out.report(
                        &p.meta,
                        span,
                        format!(
                            "bucket policy `{}` allows {what} to everyone without a restricting condition",
                            p.meta.id
                        ),
                    )
                    .with_related(s.span, "the statement");
                }
            }
        }
    },
};

#[cfg(test)]
mod tests {}
