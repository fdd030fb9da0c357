//! ECR repositories (application layer).

use super::{Builtin, StaticMeta};
use crate::finding::{Layer, Severity};
use crate::model::Tri;
use crate::model::kind;

/// The rules of this area.
pub static RULES: &[&Builtin] = &[&ECR_SCAN_ON_PUSH, &ECR_IMMUTABLE_TAGS, &ECR_KMS];

const REPOSITORY: &[&str] = &[kind::ECR_REPOSITORY];

pub static ECR_SCAN_ON_PUSH: Builtin = Builtin {
    meta: StaticMeta {
        id: "PAL-ECR-001",
        slug: "ecr-scan-on-push",
        title: "ECR repository does not scan images on push",
        severity: Severity::Medium,
        layer: Layer::Application,
        service: "ecr",
        well_architected: &["SEC06-BP01"],
        controls: &["APP-11"],
        resource_types: REPOSITORY,
        remediation: "Set `ImageScanningConfiguration.ScanOnPush: true` (or configure enhanced scanning \
with Amazon Inspector for the registry, `AWS::ECR::RegistryScanningConfiguration`).",
        description: "Scanning on push checks every new image for known vulnerabilities in its \
operating system packages before it is deployed. Without it vulnerable images reach the cluster \
unnoticed. (A registry-wide enhanced scanning configuration, when you have one, supersedes this \
setting.)",
    },
    check: |m, _, out| {
        for r in &m.ecr_repositories {
            match r.scan_on_push.value {
                Tri::Absent => {
                    out.report(
                        &r.meta,
                        r.scan_on_push.span,
                        format!("ECR repository `{}` does not scan images on push", r.meta.id),
                    );
                }
                Tri::Known(false) => {
                    out.report_field(
                        &r.meta,
                        &r.scan_on_push,
                        format!("ECR repository `{}` sets ScanOnPush to false", r.meta.id),
                    );
                }
                _ => {}
            }
        }
    },
};

pub static ECR_IMMUTABLE_TAGS: Builtin = Builtin {
    meta: StaticMeta {
        id: "PAL-ECR-002",
        slug: "ecr-immutable-tags",
        title: "ECR repository allows image tags to be overwritten",
        severity: Severity::Medium,
        layer: Layer::Application,
        service: "ecr",
        well_architected: &["SEC06-BP04"],
        controls: &["APP-11"],
        resource_types: REPOSITORY,
        remediation: "Set `ImageTagMutability: IMMUTABLE` (or `IMMUTABLE_WITH_EXCLUSION` with exclusion \
filters for the moving tags you really need).",
        description: "With mutable tags anyone allowed to push can replace the image behind `v1.4.2` \
without any change to the manifests that deploy it. Immutable tags make a tag name one image for \
ever, which is what deployments and signatures assume. The default is `MUTABLE`.",
    },
    check: |m, _, out| {
        for r in &m.ecr_repositories {
            match &r.tag_mutability.value {
                Tri::Absent => {
                    out.report(
                        &r.meta,
                        r.meta.span,
                        format!("ECR repository `{}` has mutable tags (the default)", r.meta.id),
                    );
                }
                Tri::Known(t) if !t.starts_with("IMMUTABLE") => {
                    out.report_field(
                        &r.meta,
                        &r.tag_mutability,
                        format!("ECR repository `{}` has tag mutability `{t}`", r.meta.id),
                    );
                }
                _ => {}
            }
        }
    },
};

pub static ECR_KMS: Builtin = Builtin {
    meta: StaticMeta {
        id: "PAL-ECR-003",
        slug: "ecr-encryption-kms",
        title: "ECR repository is not encrypted with a KMS key",
        severity: Severity::Low,
        layer: Layer::Data,
        service: "ecr",
        well_architected: &["SEC08-BP02"],
        controls: &["APP-11"],
        resource_types: REPOSITORY,
        remediation: "Add `EncryptionConfiguration` with `EncryptionType: KMS` and a customer managed \
`KmsKey` (the encryption settings of a repository cannot be changed after it is created).",
        description: "ECR encrypts images at rest with S3-managed AES-256 keys by default. A KMS key \
adds an access control of its own (the key policy) and a CloudTrail record of every use, which matters \
for images that embed proprietary code or data.",
    },
    check: |m, _, out| {
        for r in &m.ecr_repositories {
            match &r.encryption_type.value {
                Tri::Absent => {
                    out.report(
                        &r.meta,
                        r.encryption_type.span,
                        format!("ECR repository `{}` uses the default AES256 encryption, not KMS", r.meta.id),
                    );
                }
                Tri::Known(t) if t == "AES256" => {
                    out.report_field(
                        &r.meta,
                        &r.encryption_type,
                        format!("ECR repository `{}` uses AES256 encryption, not KMS", r.meta.id),
                    );
                }
                _ => {}
            }
        }
    },
};
