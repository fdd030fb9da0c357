//! PAL-ECR-001 `ecr-scan-on-push`: ECR repository does not scan images on push.

use super::REPOSITORY;
use crate::model::Tri;

rule!(RULE,
    id: "PAL-ECR-001",
    slug: "ecr-scan-on-push",
    title: "ECR repository does not scan images on push",
    severity: Low,
    layer: Application,
    service: "ecr",
    controls: &["APP-11"],
    well_architected: &["SEC06-BP01"],
    compliance: &["isms-p:2.11.2", "pci-4.0:11.3.1", "pci-4.0:6.3.3", "fsbp:ECR.1"],
    resource_types: REPOSITORY,
    remediation: "Set `ImageScanningConfiguration.ScanOnPush: true` (or configure enhanced scanning \
with Amazon Inspector for the registry, `AWS::ECR::RegistryScanningConfiguration`).",
    description: "Scanning on push checks every new image for known vulnerabilities in its \
operating system packages before it is deployed. Without it vulnerable images reach the cluster \
unnoticed. (A registry-wide enhanced scanning configuration, when you have one, supersedes this \
setting.) Low: scanning finds vulnerabilities but does not stop anyone from using them; it is \
depth of detection, not a control an attacker meets.",
    check: |m, _, out| {
        for r in &m.ecr_repositories {
            match r.scan_on_push.value {
                Tri::Absent => {
                    out.report(
                        &r.meta,
                        r.scan_on_push.span,
                        msg!("ecr-scan-on-push-repository-images", repository = r.meta.id),
                    );
                }
                Tri::Known(false) => {
                    out.report_field(
                        &r.meta,
                        &r.scan_on_push,
                        msg!("ecr-scan-on-push-repository-sets", repository = r.meta.id),
                    );
                }
                _ => {}
            }
        }
    },
);
