//! PAL-EKS-002 `eks-public-endpoint`: EKS API server endpoint is open to the whole internet.

use super::CLUSTER;
use crate::model::Tri;

rule!(RULE,
    id: "PAL-EKS-002",
    slug: "eks-public-endpoint",
    title: "EKS API server endpoint is open to the whole internet",
    severity: High,
    layer: Network,
    service: "eks",
    controls: &["APP-10"],
    well_architected: &["SEC05-BP02"],
    compliance: &[
        "isms-p:2.6.1", "isms-p:2.6.2", "isms-p:2.10.2", "pci-4.0:1.3.1", "pci-4.0:1.4.2", "fsbp:EKS.1",
    ],
    resource_types: CLUSTER,
    remediation: "In `ResourcesVpcConfig`, set `EndpointPrivateAccess: true` and \
`EndpointPublicAccess: false`, reaching the API through the VPC (VPN, bastion, CI runners in the VPC); \
or keep the public endpoint with `PublicAccessCidrs` limited to your own address ranges.",
    description: "By default the EKS API server has a public endpoint reachable from `0.0.0.0/0`. \
Authentication still applies, but the endpoint is exposed to credential stuffing, to any leaked \
kubeconfig or IAM key, and to vulnerabilities of the API server itself. Both `EndpointPublicAccess` \
(default `true`) and `PublicAccessCidrs` (default `0.0.0.0/0`) are taken into account.",
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
                        msg!("eks-public-endpoint-cluster-api", cluster = c.meta.id),
                    );
                }
                Tri::Known(cidrs) => {
                    for cidr in cidrs {
                        if cidr.is(|s| s.trim() == "0.0.0.0/0" || s.trim() == "::/0") {
                            out.report_field(
                                &c.meta,
                                cidr,
                                msg!("eks-public-endpoint-cluster-api-2", cluster = c.meta.id),
                            );
                        }
                    }
                }
                Tri::Unknown => {}
            }
        }
    },
);
