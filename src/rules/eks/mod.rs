//! EKS clusters and node groups (application layer).

use super::{Builtin, StaticMeta};
use crate::finding::{Layer, Severity};
use crate::model::Tri;
use crate::model::kind;

/// The rules of this area.
pub static RULES: &[&Builtin] = &[&SECRETS_ENCRYPTION, &PUBLIC_ENDPOINT, &CONTROL_PLANE_LOGGING, &NODEGROUP_SSH];

const CLUSTER: &[&str] = &[kind::EKS_CLUSTER];

pub static SECRETS_ENCRYPTION: Builtin = Builtin {
    meta: StaticMeta {
        id: "PAL-EKS-001",
        slug: "eks-secrets-encryption",
        title: "EKS cluster does not encrypt Kubernetes secrets with a KMS key",
        severity: Severity::Medium,
        layer: Layer::Data,
        service: "eks",
        well_architected: &["SEC08-BP02"],
        controls: &["APP-10"],
        resource_types: CLUSTER,
        remediation: "Add `EncryptionConfig` with `Resources: [secrets]` and `Provider.KeyArn` set to a \
customer managed KMS key (with rotation enabled).",
        description: "EKS stores Kubernetes secrets in etcd. Envelope encryption encrypts each secret \
with a data key that is itself encrypted by your KMS key, so a copy of etcd (a backup, a snapshot) \
reveals nothing without access to the key, and every decryption is logged in CloudTrail.",
    },
    check: |m, _, out| {
        for c in &m.eks_clusters {
            match &c.encryption.value {
                Tri::Absent => {
                    out.report(
                        &c.meta,
                        c.meta.span,
                        format!(
                            "EKS cluster `{}` has no EncryptionConfig: secrets are not envelope-encrypted",
                            c.meta.id
                        ),
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
                            format!(
                                "EncryptionConfig of EKS cluster `{}` does not encrypt `secrets` with a KMS key",
                                c.meta.id
                            ),
                        );
                    }
                }
                Tri::Unknown => {}
            }
        }
    },
};

pub static PUBLIC_ENDPOINT: Builtin = Builtin {
    meta: StaticMeta {
        id: "PAL-EKS-002",
        slug: "eks-public-endpoint",
        title: "EKS API server endpoint is open to the whole internet",
        severity: Severity::High,
        layer: Layer::Network,
        service: "eks",
        well_architected: &["SEC05-BP02"],
        controls: &["APP-10"],
        resource_types: CLUSTER,
        remediation: "In `ResourcesVpcConfig`, set `EndpointPrivateAccess: true` and \
`EndpointPublicAccess: false`, reaching the API through the VPC (VPN, bastion, CI runners in the VPC); \
or keep the public endpoint with `PublicAccessCidrs` limited to your own address ranges.",
        description: "By default the EKS API server has a public endpoint reachable from `0.0.0.0/0`. \
Authentication still applies, but the endpoint is exposed to credential stuffing, to any leaked \
kubeconfig or IAM key, and to vulnerabilities of the API server itself. Both `EndpointPublicAccess` \
(default `true`) and `PublicAccessCidrs` (default `0.0.0.0/0`) are taken into account.",
    },
    check: |m, _, out| {
        for c in &m.eks_clusters {
            if c.endpoint_public.is_false() || c.endpoint_public.is_unknown() {
                continue;
            }
            match &c.public_access_cidrs.value {
                Tri::Absent => {
                    let span = if c.endpoint_public.is_absent() { c.vpc_config_span } else { c.endpoint_public.span };
                    out.report(
                        &c.meta,
                        span,
                        format!(
                            "EKS cluster `{}` has a public API endpoint open to 0.0.0.0/0 (no PublicAccessCidrs)",
                            c.meta.id
                        ),
                    );
                }
                Tri::Known(cidrs) => {
                    for cidr in cidrs {
                        if cidr.is(|s| s.trim() == "0.0.0.0/0" || s.trim() == "::/0") {
                            out.report_field(
                                &c.meta,
                                cidr,
                                format!("EKS cluster `{}` public API endpoint allows every address", c.meta.id),
                            );
                        }
                    }
                }
                Tri::Unknown => {}
            }
        }
    },
};

/// The control-plane log types the rule requires.
const REQUIRED_LOGS: &[&str] = &["api", "audit", "authenticator"];

pub static CONTROL_PLANE_LOGGING: Builtin = Builtin {
    meta: StaticMeta {
        id: "PAL-EKS-003",
        slug: "eks-control-plane-logging",
        title: "EKS control-plane logging misses api, audit or authenticator logs",
        severity: Severity::Medium,
        layer: Layer::Monitoring,
        service: "eks",
        well_architected: &["SEC04-BP01"],
        controls: &["APP-10"],
        resource_types: CLUSTER,
        remediation: "Add `Logging.ClusterLogging.EnabledTypes` with at least `api`, `audit` and \
`authenticator` (`controllerManager` and `scheduler` help troubleshooting), and set a retention on the \
`/aws/eks/<cluster>/cluster` log group.",
        description: "Control-plane logs are off by default. The audit log records who did what through \
the Kubernetes API, the authenticator log maps IAM identities to Kubernetes users, and the API log \
records requests and their outcome: without them an incident in the cluster cannot be reconstructed.",
    },
    check: |m, _, out| {
        for c in &m.eks_clusters {
            match &c.log_types.value {
                Tri::Absent => {
                    out.report(
                        &c.meta,
                        c.log_types.span,
                        format!("EKS cluster `{}` enables no control-plane logs", c.meta.id),
                    );
                }
                Tri::Known(types) => {
                    if types.iter().any(|t| t.is_unknown()) {
                        continue;
                    }
                    let missing: Vec<&str> =
                        REQUIRED_LOGS.iter().copied().filter(|r| !types.iter().any(|t| t.is(|s| s == r))).collect();
                    if !missing.is_empty() {
                        out.report(
                            &c.meta,
                            c.log_types.span,
                            format!(
                                "EKS cluster `{}` does not enable the {} control-plane logs",
                                c.meta.id,
                                missing.join(", ")
                            ),
                        );
                    }
                }
                Tri::Unknown => {}
            }
        }
    },
};

pub static NODEGROUP_SSH: Builtin = Builtin {
    meta: StaticMeta {
        id: "PAL-EKS-004",
        slug: "eks-nodegroup-ssh-open",
        title: "EKS node group allows SSH from the whole internet",
        severity: Severity::High,
        layer: Layer::Network,
        service: "eks",
        well_architected: &["SEC05-BP02", "SEC06-BP03"],
        controls: &["APP-10"],
        resource_types: &[kind::EKS_NODEGROUP],
        remediation: "Remove `RemoteAccess` and reach nodes with SSM Session Manager, or list the \
security groups allowed to connect in `RemoteAccess.SourceSecurityGroups`.",
        description: "When a managed node group has `RemoteAccess.Ec2SshKey` and no \
`SourceSecurityGroups`, EKS opens port 22 on the nodes to `0.0.0.0/0`. Nodes hold the kubelet's \
credentials and every pod's secrets; they should not be reachable by SSH from anywhere.",
    },
    check: |m, _, out| {
        for n in &m.eks_nodegroups {
            let Some(span) = n.remote_access else { continue };
            if n.ssh_key.get().is_none() {
                continue;
            }
            let open = match &n.source_security_groups.value {
                Tri::Absent => true,
                Tri::Known(groups) => groups.is_empty(),
                Tri::Unknown => false,
            };
            if open {
                out.report(
                    &n.meta,
                    span,
                    format!(
                        "node group `{}` has an SSH key and no SourceSecurityGroups: port 22 is open to 0.0.0.0/0",
                        n.meta.id
                    ),
                );
            }
        }
    },
};
