//! PAL-NET-002 `net-admin-port-reachable`: SSH or RDP is reachable from the internet.

use super::{TYPES, report};

rule!(RULE,
    id: "PAL-NET-002",
    slug: "net-admin-port-reachable",
    title: "SSH or RDP is reachable from the internet",
    severity: High,
    layer: Network,
    service: "vpc",
    controls: &["NET-08", "NET-01"],
    well_architected: &["SEC05-BP01", "SEC05-BP02"],
    compliance: &["isms-p:2.6.1", "isms-p:2.6.2", "isms-p:2.6.6", "pci-4.0:1.3.1", "pci-4.0:1.4.2"],
    resource_types: TYPES,
    remediation: "Remove the internet-facing path to port 22/3389: narrow the security group rule to an \
administration CIDR or a bastion's group, or move the instance to a private subnet; better, drop the rule and \
use AWS Systems Manager Session Manager, which needs no inbound port.",
    description: "Unlike a security group rule on its own, this finding means the whole path is open: the \
instance (or load balancer) has a public address, its subnet routes to an internet gateway, the network ACL \
lets the connection in and the replies out, and a security group admits SSH (22) or RDP (3389) from anywhere. \
Such ports are scanned and attacked within minutes of being exposed. Each hop of the path is a related \
location.",
    check: |_, facts, out| {
        report(facts, out, |e| {
            let admin = e.admin_ports();
            (!e.category.is_data() && !admin.is_empty()).then(|| msg!("net-admin-ports", ports = admin.join(", ")))
        })
    },
);
