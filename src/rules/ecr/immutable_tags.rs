//! PAL-ECR-002 `ecr-immutable-tags`: ECR repository allows image tags to be overwritten.

use super::REPOSITORY;
use crate::model::Tri;

rule!(RULE,
    id: "PAL-ECR-002",
    slug: "ecr-immutable-tags",
    title: "ECR repository allows image tags to be overwritten",
    severity: Medium,
    layer: Application,
    service: "ecr",
    controls: &["APP-11"],
    well_architected: &["SEC06-BP04"],
    compliance: &["isms-p:2.8.6", "fsbp:ECR.2"],
    resource_types: REPOSITORY,
    remediation: "Set `ImageTagMutability: IMMUTABLE` (or `IMMUTABLE_WITH_EXCLUSION` with exclusion \
filters for the moving tags you really need).",
    description: "With mutable tags anyone allowed to push can replace the image behind `v1.4.2` \
without any change to the manifests that deploy it. Immutable tags make a tag name one image for \
ever, which is what deployments and signatures assume. The default is `MUTABLE`.",
    check: |m, _, out| {
        for r in &m.ecr_repositories {
            match &r.tag_mutability.value {
                Tri::Absent => {
                    out.report(
                        &r.meta,
                        r.meta.span,
                        msg!("ecr-immutable-tags-repository-mutable", repository = r.meta.id),
                    );
                }
                Tri::Known(t) if !t.starts_with("IMMUTABLE") => {
                    out.report_field(
                        &r.meta,
                        &r.tag_mutability,
                        msg!("ecr-immutable-tags-repository", repository = r.meta.id, t = t),
                    );
                }
                _ => {}
            }
        }
    },
);
