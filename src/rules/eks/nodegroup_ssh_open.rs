//! PAL-EKS-004 `eks-nodegroup-ssh-open`: EKS node group allows SSH from the whole internet.

use crate::model::Tri;
use crate::model::kind;

rule!(RULE,
    id: "PAL-EKS-004",
    slug: "eks-nodegroup-ssh-open",
    title: "EKS node group allows SSH from the whole internet",
    severity: High,
    layer: Network,
    service: "eks",
    controls: &["APP-10"],
    well_architected: &["SEC05-BP02", "SEC06-BP03"],
    compliance: &["isms-p:2.6.1", "isms-p:2.6.2", "isms-p:2.6.6", "pci-4.0:1.3.1", "pci-4.0:1.4.2"],
    resource_types: &[kind::EKS_NODEGROUP],
    remediation: "Remove `RemoteAccess` and reach nodes with SSM Session Manager, or list the \
security groups allowed to connect in `RemoteAccess.SourceSecurityGroups`.",
    description: "When a managed node group has `RemoteAccess.Ec2SshKey` and no \
`SourceSecurityGroups`, EKS opens port 22 on the nodes to `0.0.0.0/0`. Nodes hold the kubelet's \
credentials and every pod's secrets; they should not be reachable by SSH from anywhere.",
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
                    msg!("eks-nodegroup-ssh-open-node-group", group = n.meta.id),
                );
            }
        }
    },
);
