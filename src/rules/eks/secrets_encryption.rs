//! PAL-EKS-001 `eks-secrets-encryption`: EKS cluster does not encrypt Kubernetes secrets with a KMS key.

use super::CLUSTER;
use crate::model::Tri;

rule!(RULE,
    id: "PAL-EKS-001",
    slug: "eks-secrets-encryption",
    title: "EKS cluster does not encrypt Kubernetes secrets with a KMS key",
    severity: Medium,
    layer: Data,
    service: "eks",
    controls: &["APP-10"],
    well_architected: &["SEC08-BP02"],
    compliance: &["isms-p:2.7.1", "pci-4.0:3.5.1", "fsbp:EKS.3"],
    resource_types: CLUSTER,
    remediation: "Add `EncryptionConfig` with `Resources: [secrets]` and `Provider.KeyArn` set to a \
customer managed KMS key (with rotation enabled).",
    description: "EKS stores Kubernetes secrets in etcd. Envelope encryption encrypts each secret \
with a data key that is itself encrypted by your KMS key, so a copy of etcd (a backup, a snapshot) \
reveals nothing without access to the key, and every decryption is logged in CloudTrail.",
    check: |m, _, out| {
        for c in &m.eks_clusters {
            match &c.encryption.value {
                Tri::Absent => {
                    out.report(
                        &c.meta,
                        c.meta.span,
                        msg!("eks-secrets-encryption-cluster-encryptionconfig", cluster = c.meta.id),
                    );
                }
                Tri::Known(entries) => {
                    let mut undecided = false;
                    let covered = entries.iter().any(|e| {
                        let secrets = match e.resources.get() {
                            Some(r) => {
                                undecided |= r.iter().any(|f| f.is_unknown());
                                r.iter().any(|f| f.is(|s| s == "secrets"))
                            }
                            None => {
                                undecided |= e.resources.is_unknown();
                                false
                            }
                        };
                        undecided |= e.key.is_unknown();
                        secrets && e.key.get().is_some()
                    });
                    if !covered && !undecided {
                        out.report(
                            &c.meta,
                            c.encryption.span,
                            msg!("eks-secrets-encryption-encryptionconfig-cluster", cluster = c.meta.id),
                        );
                    }
                }
                Tri::Unknown => {}
            }
        }
    },
);
